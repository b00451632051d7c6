package io.arbiter.bench;

import io.arbiter.core.llm.CachingChatClient;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: the run engine and project store alone, with a provider that answers at once and costs
 * nothing, so what is left is Arbiter's own CPU per request. Three runs in one JVM, the first one cold. Run as
 * {@code java -cp <test classpath> io.arbiter.bench.EngineOverheadBenchmark [ROWS] [CONCURRENCY] [bare]}.
 */
public final class EngineOverheadBenchmark {

    private static final String URL = "http://127.0.0.1:9/v1"; // never contacted

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        boolean durable = args.length <= 2 || !args[2].equals("bare");
        ChatClient instant = new ChatClient() {
            @Override
            public ChatReply complete(ChatRequest request) {
                String text = request.model().contains("judge") ? "Prediction: Drama\nEvaluation: Correct" : "Drama";
                return new ChatReply(text, new Usage(100, 2));
            }

            @Override
            public List<String> models() {
                return List.of();
            }

            @Override
            public void close() {}
        };
        for (int round = 1; round <= 3; round++) {
            Path dir = Files.createTempDirectory("arbiter-engine-bench");
            try (ProjectStore store = ProjectStore.open(dir.resolve("bench.arbiter"))) {
                RunSpec spec = MovieRuns.spec(MovieRuns.movies(rows), URL, concurrency);
                long start = System.nanoTime();
                long cpuStart = ThreadCpu.processNanos();
                RunEngine engine = durable
                        ? new RunEngine(
                                new CachingChatClient(instant, store, URL),
                                new ProjectRunLedger(store, store.createRun("{}")))
                        : new RunEngine(instant);
                RunOutcome outcome = engine.runToEnd(spec, RunListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMicros = (ThreadCpu.processNanos() - cpuStart) / 1e3;
                System.out.printf(
                        Locale.ROOT,
                        "run %d %s%s: %d rows, concurrency %d, wall %.2f s, CPU %.0f µs per " + "request%n",
                        round,
                        outcome.status(),
                        durable ? " (project store + cache)" : " (no store)",
                        rows,
                        concurrency,
                        seconds,
                        cpuMicros / (2.0 * rows));
            }
        }
    }
}
