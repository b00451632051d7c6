package io.arbiter.ui.importer;

import io.arbiter.core.dataset.ColumnGuess;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.FileFormat;
import io.arbiter.core.dataset.ImportProblem;
import io.arbiter.core.dataset.ImportResult;
import io.arbiter.core.dataset.ImportSettings;
import io.arbiter.core.dataset.LineEnding;
import io.arbiter.ui.common.Coalescer;
import io.arbiter.ui.common.TaskExecutor;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import dialog: a file, the settings detected for it (each overridable), a preview of its first rows, which
 * columns mean what, and the full read with progress, Cancel and a choice about ragged rows.
 * The workbench keeps its current dataset until {@code onImported} is called with a completely read one.
 */
public final class ImportViewModel {

    /** Shown for "no such column" in the truth and answer choosers. */
    public static final String NONE = "(none)";
    static final int PREVIEW_ROWS = 50;

    /** A delimiter as the chooser offers it. */
    public enum Delimiter {
        COMMA(','), SEMICOLON(';'), TAB('\t'), PIPE('|');

        final char character;

        Delimiter(char character) {
            this.character = character;
        }

        static Delimiter of(Character c) {
            for (Delimiter d : values()) {
                if (c != null && d.character == c) {
                    return d;
                }
            }
            return COMMA;
        }

        @Override
        public String toString() {
            return ImportSettings.describe(character);
        }
    }

    /** What the dialog hands the workbench when the user accepts a dataset. */
    public record Imported(Dataset dataset, ColumnMapping mapping, Path file) {
    }

    private final TaskExecutor executor;
    private final Consumer<Imported> onImported;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<FileFormat> format = new SimpleObjectProperty<>(FileFormat.DELIMITED);
    private final ObjectProperty<String> encoding = new SimpleObjectProperty<>("UTF-8");
    private final ObjectProperty<Delimiter> delimiter = new SimpleObjectProperty<>(Delimiter.COMMA);
    private final ObjectProperty<Character> quote = new SimpleObjectProperty<>('"');
    private final ObjectProperty<LineEnding> lineEnding = new SimpleObjectProperty<>(LineEnding.LF);
    private final BooleanProperty header = new SimpleBooleanProperty(true);

    private final ObservableList<String> previewColumns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper detected = new ReadOnlyStringWrapper("Choose a file to import.");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> optionalColumns = FXCollections.observableArrayList();
    private final ObservableList<String> inputColumns = FXCollections.observableArrayList();
    private final StringProperty truthColumn = new SimpleStringProperty(NONE);
    private final StringProperty truthSeparator = new SimpleStringProperty(",");
    private final StringProperty answerColumn = new SimpleStringProperty(NONE);

    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper raggedQuestion = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();

    private final AtomicLong previewGeneration = new AtomicLong();
    private final AtomicBoolean cancelRead = new AtomicBoolean();
    private final AtomicLong readBytes = new AtomicLong();
    private final AtomicLong readTotal = new AtomicLong();
    private final AtomicLong readRows = new AtomicLong();
    private final Coalescer progressUpdates;
    private boolean applyingDetected;
    private ImportResult awaitingDecision;
    private boolean mappingError;

    public ImportViewModel(TaskExecutor executor, Consumer<Imported> onImported) {
        this.executor = executor;
        this.onImported = onImported;
        this.progressUpdates = new Coalescer(executor.ui(), this::showProgress);
        for (var setting : List.of(format, encoding, delimiter, quote, lineEnding)) {
            setting.addListener((obs, old, now) -> settingsChanged());
        }
        header.addListener((obs, old, now) -> settingsChanged());
        inputColumns.addListener((javafx.collections.ListChangeListener<String>) c -> mappingChanged());
        answerColumn.addListener((obs, old, now) -> mappingChanged());
        truthColumn.addListener((obs, old, now) -> mappingChanged());
    }

    // Properties

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ObjectProperty<FileFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<String> encodingProperty() {
        return encoding;
    }

    public ObjectProperty<Delimiter> delimiterProperty() {
        return delimiter;
    }

    public ObjectProperty<Character> quoteProperty() {
        return quote;
    }

    public ObjectProperty<LineEnding> lineEndingProperty() {
        return lineEnding;
    }

    public BooleanProperty headerProperty() {
        return header;
    }

    public ObservableList<String> previewColumns() {
        return previewColumns;
    }

    public ObservableList<List<String>> previewRows() {
        return previewRows;
    }

    /** One line on what was detected and how much the preview shows. */
    public ReadOnlyStringProperty detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    /** Problems the preview found (ragged rows, renamed headers…), one per line. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Why the file cannot be read with these settings; empty when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<String> columns() {
        return columns;
    }

    /** The columns with "(none)" first, for the truth and answer choosers. */
    public ObservableList<String> optionalColumns() {
        return optionalColumns;
    }

    /** The columns the model reads; the view keeps it in step with its check boxes. */
    public ObservableList<String> inputColumns() {
        return inputColumns;
    }

    public StringProperty truthColumnProperty() {
        return truthColumn;
    }

    public StringProperty truthSeparatorProperty() {
        return truthSeparator;
    }

    public StringProperty answerColumnProperty() {
        return answerColumn;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Set when a read found ragged rows and the user must choose: skip them, or cancel. */
    public ReadOnlyStringProperty raggedQuestionProperty() {
        return raggedQuestion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport.getReadOnlyProperty();
    }

    /** Turns true once a dataset has been handed to the workbench; the dialog closes then. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    // Commands

    /** Detects how to read {@code path} and previews it; nothing is imported yet. */
    public void open(Path path) {
        file.set(path);
        error.set("");
        detected.set("Detecting how to read " + path.getFileName() + "…");
        executor.submit(() -> DatasetImporter.detect(path)).whenComplete((settings, failure) -> {
            if (!path.equals(file.get())) {
                return; // another file was opened while this one was being sniffed
            }
            if (failure != null) {
                fail(failure);
                return;
            }
            applyingDetected = true;
            format.set(settings.format());
            encoding.set(settings.encoding().name());
            delimiter.set(Delimiter.of(settings.delimiter()));
            quote.set(settings.quote());
            lineEnding.set(settings.lineEnding());
            header.set(settings.header());
            applyingDetected = false;
            refreshPreview();
        });
    }

    /** Reads the whole file in the background with progress; ragged rows lead to a question first. */
    public void importFile() {
        Path path = file.get();
        if (path == null || reading.get()) {
            return;
        }
        ImportSettings settings = settings();
        cancelRead.set(false);
        readBytes.set(0);
        readRows.set(0);
        readTotal.set(1);
        reading.set(true);
        progress.set(0);
        progressText.set("Reading " + path.getFileName() + "…");
        executor.submit(() -> DatasetImporter.read(path, settings, (bytes, total, rows) -> {
            readBytes.set(bytes);
            readTotal.set(Math.max(1, total));
            readRows.set(rows);
            progressUpdates.signal();
        }, cancelRead::get)).whenComplete((result, failure) -> {
            reading.set(false);
            if (failure == null && cancelRead.get()) {
                // Stop was pressed after the reader's last check: the read finished, but the user said no.
                progressText.set("Import cancelled; the dataset you had is unchanged.");
                return;
            }
            if (failure != null) {
                if (unwrap(failure) instanceof CancellationException) {
                    progressText.set("Import cancelled; the dataset you had is unchanged.");
                } else {
                    progressText.set("");
                    fail(failure);
                }
                return;
            }
            progress.set(1);
            if (result.hasRaggedRows()) {
                awaitingDecision = result;
                raggedQuestion.set(raggedQuestionFor(result));
            } else {
                accept(result);
            }
        });
    }

    /** Stops a read under way; the workbench keeps its dataset. */
    public void cancelImport() {
        cancelRead.set(true);
    }

    /** The user chose to leave the ragged rows out. */
    public void skipRaggedRows() {
        ImportResult result = awaitingDecision;
        awaitingDecision = null;
        raggedQuestion.set(null);
        if (result != null) {
            accept(result);
        }
    }

    /** The user chose not to import a file with ragged rows. */
    public void refuseRaggedRows() {
        awaitingDecision = null;
        raggedQuestion.set(null);
        progressText.set("Not imported; the dataset you had is unchanged.");
    }

    /** The settings as chosen, for a read. */
    public ImportSettings settings() {
        return new ImportSettings(format.get(), Charset.forName(encoding.get()), delimiter.get().character,
                quote.get(), lineEnding.get(), header.get());
    }

    private void settingsChanged() {
        if (!applyingDetected && file.get() != null) {
            refreshPreview();
        }
    }

    private void refreshPreview() {
        Path path = file.get();
        ImportSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            error.set("Unknown encoding " + encoding.get());
            return;
        }
        long generation = previewGeneration.incrementAndGet();
        executor.submit(() -> DatasetImporter.preview(path, settings, PREVIEW_ROWS)).whenComplete((result, failure) -> {
            if (generation != previewGeneration.get()) {
                return; // the settings changed again while this preview was read
            }
            if (failure != null) {
                previewColumns.clear();
                previewRows.clear();
                columns.clear();
                fail(failure);
                return;
            }
            error.set("");
            showPreview(result);
        });
    }

    private void showPreview(ImportResult result) {
        Dataset dataset = result.dataset();
        previewColumns.setAll(dataset.columns());
        List<List<String>> rows = new ArrayList<>(dataset.size());
        for (int row = 0; row < dataset.size(); row++) {
            List<String> cells = new ArrayList<>(dataset.columns().size());
            for (int c = 0; c < dataset.columns().size(); c++) {
                cells.add(dataset.value(row, c));
            }
            rows.add(cells);
        }
        previewRows.setAll(rows);
        ImportSettings used = result.resolved();
        detected.set(String.format(Locale.ROOT, "%s · %s · %s · %s · line ending %s · first %d rows shown",
                used.format().describe(),
                used.encoding().name(), ImportSettings.describe(used.delimiter()) + "-separated"
                        + (result.sepLine() != null ? " (Excel's sep= line)" : ""),
                used.header() ? "header row" : "no header row", used.lineEnding(), dataset.size()));
        List<String> lines = new ArrayList<>();
        for (ImportProblem problem : result.problems()) {
            lines.add(problem.toString());
        }
        problems.set(String.join("\n", lines));
        remapColumns(dataset.columns());
    }

    /** Keeps the user's choices where the columns still exist; otherwise guesses like the workbench does. */
    private void remapColumns(List<String> names) {
        if (names.equals(columns)) {
            return;
        }
        columns.setAll(names);
        List<String> optional = new ArrayList<>();
        optional.add(NONE);
        optional.addAll(names);
        optionalColumns.setAll(optional);
        inputColumns.removeIf(c -> !names.contains(c));
        if (inputColumns.isEmpty() && !names.isEmpty()) {
            inputColumns.add(ColumnGuess.input(names, previewRows));
        }
        if (!names.contains(truthColumn.get())) {
            String guess = ColumnGuess.truth(names);
            truthColumn.set(guess == null ? NONE : guess);
        }
        if (!names.contains(answerColumn.get())) {
            answerColumn.set(NONE);
        }
        updateCanImport();
    }

    /** A changed mapping may fix what the last import refused; its message goes until the next try. */
    private void mappingChanged() {
        if (mappingError) {
            mappingError = false;
            error.set("");
        }
        updateCanImport();
    }

    private void updateCanImport() {
        canImport.set(file.get() != null && !inputColumns.isEmpty() && error.get().isEmpty());
    }

    private void accept(ImportResult result) {
        String truth = NONE.equals(truthColumn.get()) ? null : truthColumn.get();
        String answer = NONE.equals(answerColumn.get()) ? null : answerColumn.get();
        ColumnMapping mapping = new ColumnMapping(List.copyOf(inputColumns), truth, truthSeparator.get(), answer, Map.of());
        List<String> mappingProblems = mapping.problemsWith(result.dataset());
        if (!mappingProblems.isEmpty()) {
            error.set(mappingProblems.get(0));
            mappingError = true;
            updateCanImport();
            return;
        }
        progressText.set(String.format(Locale.ROOT, "Imported %,d rows%s.", result.dataset().size(),
                result.skippedRows() > 0 ? String.format(Locale.ROOT, " (%,d left out)", result.skippedRows()) : ""));
        onImported.accept(new Imported(result.dataset(), mapping, file.get()));
        done.set(true);
    }

    private void showProgress() {
        long total = readTotal.get();
        progress.set(Math.min(1.0, (double) readBytes.get() / total));
        progressText.set(String.format(Locale.ROOT, "Reading… %,d rows · %d%%", readRows.get(),
                Math.round(100.0 * readBytes.get() / total)));
    }

    private static String raggedQuestionFor(ImportResult result) {
        List<String> lines = new ArrayList<>();
        for (ImportProblem problem : result.problems()) {
            if (problem.kind() == ImportProblem.Kind.RAGGED_ROW && lines.size() < 10) {
                lines.add(String.valueOf(problem.line()));
            }
        }
        String more = result.totalRaggedRows() > lines.size() ? ", …" : "";
        return String.format(Locale.ROOT, "%,d rows have a different number of cells than the header (lines %s%s). "
                        + "Skip them and import the other %,d rows, or cancel?",
                result.totalRaggedRows(), String.join(", ", lines), more, result.dataset().size());
    }

    private void fail(Throwable failure) {
        Throwable cause = unwrap(failure);
        error.set(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        updateCanImport();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
