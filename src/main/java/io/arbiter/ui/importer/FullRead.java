package io.arbiter.ui.importer;

import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.ImportProgress;
import io.arbiter.core.dataset.ImportResult;
import io.arbiter.core.dataset.ImportSettings;
import io.arbiter.ui.common.Coalescer;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The read of a whole file in the background, with Stop. Progress comes from the reading thread as often as the
 * importer likes and is shown on the UI thread at most once a pulse, as a fraction of the bytes and a line of text.
 */
final class FullRead implements ImportProgress {

    private static final String CANCELLED = "Import cancelled; the dataset you had is unchanged.";

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong total = new AtomicLong(1);
    private final AtomicLong rows = new AtomicLong();
    private final Coalescer updates;

    FullRead(TaskExecutor executor) {
        this.executor = executor;
        this.updates = new Coalescer(executor.ui(), this::show);
    }

    ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "Reading… 1,234 rows · 56%" while it reads, then what came of it. */
    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /**
     * Reads {@code file} unless a read is under way. On the UI thread, {@code read} gets the whole result, or
     * {@code failed} why there is none; a Stop gets neither, only a line that nothing changed.
     */
    void start(Path file, ImportSettings settings, Consumer<ImportResult> read, Consumer<Throwable> failed) {
        if (reading.get()) {
            return;
        }
        cancelled.set(false);
        bytes.set(0);
        rows.set(0);
        total.set(1);
        reading.set(true);
        fraction.set(0);
        text.set("Reading " + file.getFileName() + "…");
        executor.submit(() -> DatasetImporter.read(file, settings, this, cancelled::get))
                .whenComplete((result, failure) -> {
                    reading.set(false);
                    if (failure == null && cancelled.get()) {
                        // Stop was pressed after the reader's last check: the read finished, but the user said no.
                        text.set(CANCELLED);
                        return;
                    }
                    if (failure != null) {
                        if (isCancel(failure)) {
                            text.set(CANCELLED);
                        } else {
                            text.set("");
                            failed.accept(failure);
                        }
                        return;
                    }
                    fraction.set(1);
                    read.accept(result);
                });
    }

    /** Stops a read under way. */
    void cancel() {
        cancelled.set(true);
    }

    /** Says what came of the read: imported, or not. */
    void say(String outcome) {
        text.set(outcome);
    }

    @Override
    public void update(long bytesRead, long totalBytes, long rowsRead) {
        bytes.set(bytesRead);
        total.set(totalBytes); // -1 for a workbook, whose rows say nothing of how far into the file they are
        rows.set(rowsRead);
        updates.signal();
    }

    private static boolean isCancel(Throwable failure) {
        return LatestOnly.causeOf(failure) instanceof CancellationException;
    }

    private void show() {
        long of = total.get();
        if (of <= 0) {
            fraction.set(-1); // indeterminate
            text.set(String.format(Locale.ROOT, "Reading… %,d rows", rows.get()));
            return;
        }
        fraction.set(Math.min(1.0, (double) bytes.get() / of));
        text.set(String.format(
                Locale.ROOT, "Reading… %,d rows · %d%%", rows.get(), Math.round(100.0 * bytes.get() / of)));
    }
}
