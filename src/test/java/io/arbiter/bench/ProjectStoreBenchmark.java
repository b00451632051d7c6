package io.arbiter.bench;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.Stage;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.core.store.StoredResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How many responses a second the project file takes: from many worker threads one at a time (realtime
 * runs, group commit) and in chunks from one thread (batch output). A main, not a test: timings are reported,
 * not asserted. Run: java -cp target/classes:target/test-classes:$(deps) io.arbiter.bench.ProjectStoreBenchmark
 */
public final class ProjectStoreBenchmark {

    private static final String TEXT = "Western. The sheriff and the outlaw ride across the frontier; answer: Western";

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int chunked = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        Path dir = Files.createTempDirectory("arbiter-store-bench");
        try (ProjectStore store = ProjectStore.open(dir.resolve("bench.arbiter"))) {
            long run = store.createRun("{}");
            realtime(store, run, threads, perThread / 10, 0); // warm-up, overwritten below
            realtime(store, run, threads, perThread, 0);
            long batchRun = store.createRun("{}");
            chunkedInserts(store, batchRun, chunked, 5_000);
        }
    }

    private static void realtime(ProjectStore store, long run, int threads, int perThread, int offset)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    int row = offset + thread * perThread + i;
                    store.recordResponse(
                            new StoredResponse(run, Stage.BASE, row, TEXT, null, new Usage(120, 5), "k" + row));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        report(threads + " threads, one response per call (group commit)", threads * perThread, start);
    }

    private static void chunkedInserts(ProjectStore store, long run, int total, int chunk) {
        long start = System.nanoTime();
        List<StoredResponse> buffer = new ArrayList<>(chunk);
        for (int row = 0; row < total; row++) {
            buffer.add(new StoredResponse(run, Stage.JUDGE, row, TEXT, null, new Usage(120, 5), "k" + row));
            if (buffer.size() == chunk) {
                store.recordResponses(buffer);
                buffer.clear();
            }
        }
        store.recordResponses(buffer);
        report("1 thread, chunks of " + chunk + " (batch output)", total, start);
    }

    private static void report(String what, int count, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(
                "%-50s %,9d responses in %6.2f s = %,10.0f responses/s%n", what, count, seconds, count / seconds);
    }

    private ProjectStoreBenchmark() {}
}
