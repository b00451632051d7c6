package io.arbiter.bench;

import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Benchmark, not a test: opens a large file in the real workbench, then sorts and filters its table, recording how
 * long each takes and the longest the FX thread went without a pulse meanwhile. Run as
 * {@code java -cp <test classpath> io.arbiter.bench.TableScaleBenchmark FILE} — see docs/PERFORMANCE.md.
 */
public final class TableScaleBenchmark {

    private static final AtomicLong lastPulse = new AtomicLong();
    private static final AtomicLong worstGap = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        FxTaskExecutor executor = new FxTaskExecutor();
        WorkbenchViewModel[] holder = new WorkbenchViewModel[1];
        Platform.runLater(() -> {
            holder[0] = new WorkbenchViewModel(executor);
            Stage stage = new Stage();
            stage.setScene(ArbiterApp.createScene(holder[0]));
            stage.setWidth(1400);
            stage.setHeight(900);
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long previous = lastPulse.getAndSet(now);
                    if (previous != 0) {
                        worstGap.accumulateAndGet(now - previous, Math::max);
                    }
                }
            }.start();
        });
        Thread.sleep(1000);
        WorkbenchViewModel model = holder[0];

        step(
                "open " + file.getFileName() + " (read, count labels, build rows)",
                () -> model.datasetSetup().openDataset(file),
                () -> model.results().allRows().size() > 0
                        && model.labels().labels().size() > 0);
        int rows = model.results().allRows().size();
        step(
                "sort by truth",
                () -> model.results().sort(Comparator.comparing(ResultsTableRow::truth)),
                () -> model.results()
                                        .rows()
                                        .get(0)
                                        .truth()
                                        .compareTo(model.results()
                                                .rows()
                                                .get(rows - 1)
                                                .truth())
                                <= 0
                        && model.results().rows().size() == rows);
        step(
                "filter 'Amélie'",
                () -> model.results().filter("Amélie"),
                () -> model.results().rows().size() < rows);
        step(
                "clear the filter",
                () -> model.results().filter(""),
                () -> model.results().rows().size() == rows);
        Platform.runLater(() -> {
            model.shutdown();
            executor.shutdown();
            Platform.exit();
        });
    }

    private static void step(String name, Runnable action, BooleanSupplier done) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        long[] start = new long[1];
        Platform.runLater(() -> {
            worstGap.set(0);
            start[0] = System.nanoTime();
            lastPulse.set(start[0]); // a stall that starts with the action counts from here
            action.run();
            ready.countDown();
        });
        ready.await();
        while (true) {
            CountDownLatch checked = new CountDownLatch(1);
            boolean[] finished = new boolean[1];
            Platform.runLater(() -> {
                finished[0] = done.getAsBoolean();
                checked.countDown();
            });
            checked.await(60, TimeUnit.SECONDS);
            if (finished[0]) {
                break;
            }
            Thread.sleep(20);
        }
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(
                Locale.ROOT,
                "%-55s %6.2f s   worst pulse gap %6.0f ms   heap %,d MB%n",
                name,
                (System.nanoTime() - start[0]) / 1e9,
                worstGap.get() / 1e6,
                heap >> 20);
    }
}
