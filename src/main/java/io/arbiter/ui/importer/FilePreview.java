package io.arbiter.ui.importer;

import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.ImportSettings;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The first rows of the file as the chosen settings read them, read again in the background whenever a setting
 * changes; only the latest read is shown, however the reads overtake each other.
 */
final class FilePreview {

    static final int ROWS = 50;

    private final LatestOnly reads;
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper detected = new ReadOnlyStringWrapper("Choose a file to import.");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");

    FilePreview(TaskExecutor executor) {
        this.reads = new LatestOnly(executor);
    }

    ObservableList<String> columns() {
        return columns;
    }

    ObservableList<List<String>> rows() {
        return rows;
    }

    ReadOnlyStringProperty detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Says that {@code file} is being sniffed, until its preview is shown. */
    void detecting(Path file) {
        detected.set("Detecting how to read " + file.getFileName() + "…");
    }

    /**
     * Reads the first {@link #ROWS} rows of {@code file} in the background. Once they are shown, {@code shown} runs
     * on the UI thread; when they cannot be read, the preview is emptied and {@code failed} gets why.
     */
    void load(Path file, ImportSettings settings, Consumer<Preview> shown, Consumer<Throwable> failed) {
        // The settings may change again while this preview is read: only the latest read is shown.
        reads.submit(
                () -> Preview.of(DatasetImporter.preview(file, settings, ROWS)),
                preview -> {
                    columns.setAll(preview.columns());
                    rows.setAll(preview.rows());
                    detected.set(preview.detected());
                    problems.set(preview.problems());
                    shown.accept(preview);
                },
                failure -> {
                    columns.clear();
                    rows.clear();
                    failed.accept(failure);
                });
    }
}
