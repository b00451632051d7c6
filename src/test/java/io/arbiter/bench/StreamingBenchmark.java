package io.arbiter.bench;

import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Benchmark, not a test: runs both stages over a large dataset in the real workbench (offline provider) and
 * measures how long the FX thread goes without a pulse while results stream in. Run it as
 * {@code java -cp <test classpath> io.arbiter.bench.StreamingBenchmark ROWS [CONCURRENCY]} — see docs/PERFORMANCE.md.
 */
public final class StreamingBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path csv = Files.createTempFile("arbiter-bench", ".csv");
        SyntheticMovies.write(csv, rows);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        FxTaskExecutor executor = new FxTaskExecutor();
        WorkbenchViewModel[] model = new WorkbenchViewModel[1];
        AtomicLong lastPulse = new AtomicLong();
        AtomicLong worstGap = new AtomicLong();
        AtomicLong pulses = new AtomicLong();
        AtomicLong worstAt = new AtomicLong();
        AtomicLong runStart = new AtomicLong();
        // Every gap between two pulses during the run, for the average frame rate and the 99th percentile.
        long[][] gaps = {new long[1 << 16]};
        int[] gapCount = {0};
        // Each gap over 100 ms, where it began and how long: set beside -Xlog:gc's uptime to see which were pauses.
        List<long[]> longGaps = new CopyOnWriteArrayList<>();
        CountDownLatch loaded = new CountDownLatch(1);
        Platform.runLater(() -> {
            model[0] = new WorkbenchViewModel(executor);
            Stage stage = new Stage();
            stage.setScene(ArbiterApp.createScene(model[0]));
            stage.setWidth(1400);
            stage.setHeight(900);
            stage.show();
            model[0].prompts().baseTextProperty().set(SyntheticMovies.BASE_PROMPT);
            model[0].prompts().judgeTextProperty().set(SyntheticMovies.JUDGE_PROMPT);
            model[0].providerChoice().concurrencyProperty().set(concurrency);
            // Loaded once the table holds the rows: the prompts learn the columns in the same background step.
            model[0].results().resultsVersionProperty().addListener((o, a, b) -> {
                if (model[0].results().allRows().size() == rows) {
                    loaded.countDown();
                }
            });
            model[0].datasetSetup().openDataset(csv);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long previous = lastPulse.getAndSet(now);
                    if (previous != 0 && now - previous > worstGap.get()) {
                        worstGap.set(now - previous);
                        worstAt.set(previous);
                    }
                    if (previous != 0) {
                        if (gapCount[0] == gaps[0].length) {
                            gaps[0] = Arrays.copyOf(gaps[0], gaps[0].length * 2);
                        }
                        gaps[0][gapCount[0]++] = now - previous;
                        if (now - previous > 100_000_000L) {
                            longGaps.add(new long[] {previous, now - previous});
                        }
                    }
                    pulses.incrementAndGet();
                }
            }.start();
        });
        if (!loaded.await(60, TimeUnit.SECONDS)) {
            System.err.println("dataset did not load");
            System.exit(1);
        }
        Thread.sleep(500);
        CountDownLatch zeroed = new CountDownLatch(1);
        Platform.runLater(() -> {
            // On the FX thread, where the timer counts, so no pulse of the load is counted in the run.
            worstGap.set(0);
            pulses.set(0);
            lastPulse.set(0);
            gapCount[0] = 0;
            longGaps.clear();
            zeroed.countDown();
        });
        zeroed.await();
        long start = System.nanoTime();
        long uptimeAtStart = ManagementFactory.getRuntimeMXBean().getUptime();
        runStart.set(start);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Platform.runLater(() -> {
            model[0].run().runningProperty().addListener((o, was, now) -> {
                if (now) {
                    running.countDown();
                } else if (was) {
                    finished.countDown();
                }
            });
            model[0].runCommands().startRun();
        });
        // Run may refuse (e.g. still connecting): say why instead of waiting for a run that never began.
        if (!running.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "run did not start: " + model[0].run().messageProperty().get());
        }
        if (!finished.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException(
                    "run did not finish: " + model[0].run().messageProperty().get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long pulsesInRun = pulses.get();
        // The window's work at the run's end (the last rows, the run's words) delays the pulses after it: wait for
        // five more pulses, so a stall there is counted too.
        CountDownLatch settled = new CountDownLatch(1);
        Platform.runLater(() -> new AnimationTimer() {
            private int left = 5;

            @Override
            public void handle(long now) {
                if (--left == 0) {
                    stop();
                    settled.countDown();
                }
            }
        }.start());
        settled.await();
        CountDownLatch read = new CountDownLatch(1);
        long[] p99 = new long[1];
        long[] over100ms = new long[1];
        Platform.runLater(() -> {
            long[] all = Arrays.copyOf(gaps[0], gapCount[0]);
            over100ms[0] = Arrays.stream(all).filter(gap -> gap > 100_000_000L).count();
            p99[0] = percentile(all, 0.99);
            read.countDown();
        });
        read.await();
        long memory = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(
                Locale.ROOT,
                "rows=%d concurrency=%d requests=%d seconds=%.1f requests_per_s=%.0f "
                        + "pulses=%d fps=%.1f worst_pulse_gap_ms=%.1f (at %.1f s) p99_pulse_gap_ms=%.1f "
                        + "gaps_over_100ms=%d heap_used_mb=%d%n",
                rows,
                concurrency,
                rows * 2,
                seconds,
                rows * 2 / seconds,
                pulsesInRun,
                pulsesInRun / seconds,
                worstGap.get() / 1e6,
                (worstAt.get() - start) / 1e9,
                p99[0] / 1e6,
                over100ms[0],
                memory >> 20);
        for (long[] gap : longGaps) { // in the JVM's uptime, as -Xlog:gc stamps its pauses
            System.out.printf(
                    Locale.ROOT,
                    "gap %.0f ms from %.3f s uptime (%.1f s into the run)%n",
                    gap[1] / 1e6,
                    uptimeAtStart / 1e3 + (gap[0] - start) / 1e9,
                    (gap[0] - start) / 1e9);
        }
        Platform.runLater(() -> {
            model[0].shutdown();
            executor.shutdown();
            Platform.exit();
        });
        Files.deleteIfExists(csv);
    }

    /** The nearest-rank percentile of {@code values}; 0 when there are none. */
    private static long percentile(long[] values, double fraction) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        return values[Math.max(0, (int) Math.ceil(values.length * fraction) - 1)];
    }
}
