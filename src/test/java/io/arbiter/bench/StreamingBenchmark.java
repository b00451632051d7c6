package io.arbiter.bench;

import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
            model[0].datasetProperty().addListener((o, a, b) -> loaded.countDown());
            model[0].datasetSetup().openDataset(csv);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long previous = lastPulse.getAndSet(now);
                    if (previous != 0 && now - previous > worstGap.get()) {
                        worstGap.set(now - previous);
                        worstAt.set(previous);
                    }
                    pulses.incrementAndGet();
                }
            }.start();
        });
        if (!loaded.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("dataset did not load");
        }
        Thread.sleep(500);
        worstGap.set(0);
        pulses.set(0);
        lastPulse.set(0);
        long start = System.nanoTime();
        runStart.set(start);
        CountDownLatch finished = new CountDownLatch(1);
        Platform.runLater(() -> {
            model[0].run().runningProperty().addListener((o, was, now) -> {
                if (was && !now) {
                    finished.countDown();
                }
            });
            model[0].runCommands().startRun();
        });
        if (!finished.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("run did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long memory = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(
                Locale.ROOT,
                "rows=%d concurrency=%d requests=%d seconds=%.1f requests_per_s=%.0f "
                        + "pulses=%d worst_pulse_gap_ms=%.1f (at %.1f s) heap_used_mb=%d%n",
                rows,
                concurrency,
                rows * 2,
                seconds,
                rows * 2 / seconds,
                pulses.get(),
                worstGap.get() / 1e6,
                (worstAt.get() - start) / 1e9,
                memory >> 20);
        Platform.runLater(() -> {
            model[0].shutdown();
            executor.shutdown();
            Platform.exit();
        });
        Files.deleteIfExists(csv);
    }
}
