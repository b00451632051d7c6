package io.arbiter.bench;

import io.arbiter.core.llm.CachingChatClient;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.CountingChatClient;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.RetryPolicy;
import io.arbiter.core.llm.RetryingChatClient;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark, not a test: a two-stage realtime run against a server that answers every request after a fixed delay,
 * through the same client stack and durable ledger as {@code arbiter run --project}, compared with the ideal
 * {@code requests × delay / concurrency}. Run as
 * {@code java -cp <test classpath> io.arbiter.bench.RealtimeRunBenchmark [ROWS] [CONCURRENCY] [DELAY_MS] [bare]}
 * ({@code bare}: without the project store and cache, to see what they cost).
 */
public final class RealtimeRunBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int delayMs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        boolean durable = args.length <= 3 || !args[3].equals("bare");
        Path dir = Files.createTempDirectory("arbiter-bench");
        try (OfflineServer server = OfflineServer.builder().port(0).threads(Math.max(32, concurrency * 2))
                .faults(FaultPlan.parse("slow=1.0:" + delayMs + "ms")).start();
             ProjectStore store = ProjectStore.open(dir.resolve("bench.arbiter"))) {
            RunSpec spec = MovieRuns.spec(MovieRuns.movies(rows), server.baseUrl().toString(), concurrency);
            ProjectRunLedger ledger = new ProjectRunLedger(store, store.createRun("{}"));
            CountingChatClient sent = new CountingChatClient(OpenAiChatClient.withoutSdkRetries(spec.provider()));
            ChatClient retrying = new RetryingChatClient(sent, RetryPolicy.DEFAULT, null);
            try (ChatClient client = durable ? new CachingChatClient(retrying, store, spec.provider().baseUrl())
                    : retrying) {
                long start = System.nanoTime();
                RunOutcome outcome = (durable ? new RunEngine(client, ledger) : new RunEngine(client))
                        .runToEnd(spec, RunListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                double ideal = sent.requests() * (delayMs / 1000.0) / concurrency;
                System.out.printf(Locale.ROOT, "%s%s: %d rows, %d requests, concurrency %d, %d ms per reply%n",
                        outcome.status(), durable ? " (project store + cache)" : " (no store)", rows, sent.requests(), concurrency, delayMs);
                System.out.printf(Locale.ROOT, "wall %.2f s, ideal %.2f s (%.0f%% of ideal), %.0f requests/s, errors %d%n",
                        seconds, ideal, 100 * ideal / seconds, sent.requests() / seconds, outcome.metrics().errors());
            }
        }
    }
}
