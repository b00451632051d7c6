package io.arbiter.bench;

import io.arbiter.core.llm.CachingChatClient;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.CountingChatClient;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.RetryPolicy;
import io.arbiter.core.llm.RetryingChatClient;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageProgress;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: a two-stage realtime run against a server that answers every request after a fixed delay,
 * through the same client stack and durable ledger as {@code arbiter run --project}, compared with the ideal
 * {@code requests × delay / concurrency}. Run as
 * {@code java -cp <test classpath> io.arbiter.bench.RealtimeRunBenchmark [ROWS] [CONCURRENCY] [DELAY_MS] [bare] [twice] [URL]}
 * ({@code bare}: without the project store and cache, to see what they cost; {@code twice} or {@code thrice}: more runs in the
 * same JVM, to tell a fresh JVM's warm-up from the steady state; URL: a server already running in another process,
 * e.g. {@link BenchServer}, instead of one in this JVM). CPU is this JVM's, so with URL it is the client's alone.
 */
public final class RealtimeRunBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int delayMs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<String> flags = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        boolean durable = !flags.contains("bare");
        int runs = flags.contains("thrice") ? 3 : flags.contains("twice") ? 2 : 1;
        String url =
                flags.stream().filter(f -> f.startsWith("http")).findFirst().orElse(null);
        try (OfflineServer server = url != null
                ? null
                : OfflineServer.builder()
                        .port(0)
                        .threads(Math.max(32, concurrency * 2))
                        .faults(FaultPlan.parse("slow=1.0:" + delayMs + "ms"))
                        .start()) {
            String baseUrl = url != null ? url : server.baseUrl().toString();
            for (int run = 1; run <= runs; run++) {
                System.out.println(
                        run == 1 ? "Run 1, fresh JVM:" : "Run " + run + ", same JVM (warm), new project file:");
                runOnce(MovieRuns.spec(MovieRuns.movies(rows), baseUrl, concurrency), delayMs, durable);
            }
        }
    }

    /** One run as {@code arbiter run --project} makes it, into a project file of its own so nothing is cached. */
    private static void runOnce(RunSpec spec, int delayMs, boolean durable) throws Exception {
        Path dir = Files.createTempDirectory("arbiter-bench");
        try (ProjectStore store = ProjectStore.open(dir.resolve("bench.arbiter"))) {
            ProjectRunLedger ledger = new ProjectRunLedger(store, store.createRun("{}"));
            // Timed from the client's construction: whatever the client does before its first request counts.
            long start = System.nanoTime();
            long cpuStart = ThreadCpu.processNanos();
            CountingChatClient sent = new CountingChatClient(OpenAiChatClient.withoutSdkRetries(spec.provider()));
            ChatClient retrying = new RetryingChatClient(sent, RetryPolicy.DEFAULT, null);
            try (ChatClient client = durable
                    ? new CachingChatClient(retrying, store, spec.provider().baseUrl())
                    : retrying) {
                StageClock stages = new StageClock(start);
                RunOutcome outcome =
                        (durable ? new RunEngine(client, ledger) : new RunEngine(client)).runToEnd(spec, stages);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMicros = (ThreadCpu.processNanos() - cpuStart) / 1e3;
                int concurrency = spec.provider().concurrency();
                double ideal = sent.requests() * (delayMs / 1000.0) / concurrency;
                System.out.printf(
                        Locale.ROOT,
                        "%s%s: %d rows, %d requests, concurrency %d, %d ms per reply%n",
                        outcome.status(),
                        durable ? " (project store + cache)" : " (no store)",
                        spec.dataset().size(),
                        sent.requests(),
                        concurrency,
                        delayMs);
                System.out.printf(
                        Locale.ROOT,
                        "wall %.2f s, ideal %.2f s (%.0f%% of ideal), %.0f requests/s, "
                                + "errors %d, this JVM's CPU %.0f µs per request%n",
                        seconds,
                        ideal,
                        100 * ideal / seconds,
                        sent.requests() / seconds,
                        outcome.metrics().errors(),
                        cpuMicros / sent.requests());
                System.out.println(stages + "; " + ThreadCpu.report());
            }
        }
    }

    /** When each stage sent its first reply and finished, in seconds from the start, to tell warm-up from the rest. */
    private static final class StageClock implements RunListener {

        private final long start;
        private final java.util.Map<Stage, double[]> times = new java.util.concurrent.ConcurrentHashMap<>();

        StageClock(long start) {
            this.start = start;
        }

        @Override
        public void progress(StageProgress progress) {
            if (progress.total() == 0 || progress.done() == 0) {
                return;
            }
            double now = (System.nanoTime() - start) / 1e9;
            double[] span = times.computeIfAbsent(progress.stage(), s -> new double[] {now, now});
            if (progress.done() == progress.total()) {
                span[1] = now;
            }
        }

        @Override
        public void rowUpdated(RowResult row) {}

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("first reply / stage done (s):");
            times.forEach((stage, span) ->
                    out.append(String.format(Locale.ROOT, " %s %.2f / %.2f", stage, span[0], span[1])));
            return out.toString();
        }
    }
}
