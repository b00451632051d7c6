package io.arbiter.ui.importer;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.FileFormat;
import io.arbiter.core.dataset.ImportResult;
import io.arbiter.core.dataset.ImportSettings;
import io.arbiter.core.dataset.LineEnding;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The import dialog: a file, the settings detected for it (each overridable), a preview of its first rows, which
 * columns mean what, how the judge grades, and the full read with progress, Cancel and a choice about ragged rows.
 * The workbench keeps its current dataset until {@code onImported} is called with a completely read one.
 * Properties and commands live here; the work in {@link SettingsForm}, {@link FilePreview}, {@link ColumnChoice},
 * {@link FullRead}, {@link RaggedRowsQuestion} and {@link GradingChoice}. It is over 300 lines only for its
 * twenty-eight property accessors, one per control of the dialog.
 */
public final class ImportViewModel {

    /** Shown for "no such column" in the truth and answer choosers. */
    public static final String NONE = ColumnChoice.NONE;

    /**
     * What the dialog hands the workbench when the user accepts a dataset.
     *
     * @param scheme how the judge grades from now on; null to keep how the workbench grades
     */
    public record Imported(Dataset dataset, ColumnMapping mapping, Path file, JudgeScheme scheme) {

        /** A dataset read without the dialog: the workbench keeps its grading. */
        public Imported(Dataset dataset, ColumnMapping mapping, Path file) {
            this(dataset, mapping, file, null);
        }
    }

    private final LatestOnly detection;
    private final Consumer<Imported> onImported;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final SettingsForm form = new SettingsForm(this::settingsChanged);
    private final ColumnChoice choice = new ColumnChoice(this::mappingChanged);
    private final GradingChoice grading = new GradingChoice();

    private final FilePreview preview;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pairProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper raggedQuestion = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();

    private final FullRead read;
    private RaggedRowsQuestion awaitingDecision;
    private boolean mappingError;

    public ImportViewModel(TaskExecutor executor, Consumer<Imported> onImported) {
        this.detection = new LatestOnly(executor);
        this.onImported = onImported;
        this.preview = new FilePreview(executor);
        this.read = new FullRead(executor);
        grading.schemeProperty().addListener((obs, old, now) -> updateCanImport());
        grading.kindProperty().addListener((obs, old, now) -> {
            if (now == GradingChoice.Kind.PAIRWISE) {
                choice.task().set(TaskKind.GENERATE); // two free-text answers, compared whole
                choice.guessPairColumns();
            }
            updateCanImport();
        });
    }

    // Properties

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ObjectProperty<FileFormat> formatProperty() {
        return form.format();
    }

    public ObjectProperty<String> encodingProperty() {
        return form.encoding();
    }

    public ObjectProperty<Delimiter> delimiterProperty() {
        return form.delimiter();
    }

    public ObjectProperty<Character> quoteProperty() {
        return form.quote();
    }

    public ObjectProperty<LineEnding> lineEndingProperty() {
        return form.lineEnding();
    }

    public BooleanProperty headerProperty() {
        return form.header();
    }

    /** The workbook's sheet to read (null: its first), one of {@link #sheets()}; empty for a text file. */
    public ObjectProperty<String> sheetProperty() {
        return form.sheet();
    }

    public ObservableList<String> sheets() {
        return form.sheets();
    }

    public ObservableList<String> previewColumns() {
        return preview.columns();
    }

    public ObservableList<List<String>> previewRows() {
        return preview.rows();
    }

    /** One line on what was detected and how much the preview shows. */
    public ReadOnlyStringProperty detectedProperty() {
        return preview.detectedProperty();
    }

    /** Problems the preview found (ragged rows, renamed headers…), one per line. */
    public ReadOnlyStringProperty problemsProperty() {
        return preview.problemsProperty();
    }

    /** Why the file cannot be read with these settings; empty when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<String> columns() {
        return choice.columns();
    }

    /** The columns with "(none)" first, for the truth and answer choosers. */
    public ObservableList<String> optionalColumns() {
        return choice.optionalColumns();
    }

    /** The columns the model reads; the view keeps it in step with its check boxes. */
    public ObservableList<String> inputColumns() {
        return choice.inputColumns();
    }

    public StringProperty truthColumnProperty() {
        return choice.truthColumn();
    }

    public StringProperty truthSeparatorProperty() {
        return choice.truthSeparator();
    }

    public StringProperty answerColumnProperty() {
        return choice.answerColumn();
    }

    /** Classify (the answer names a label) or generate (free text, graded whole). */
    public ObjectProperty<TaskKind> taskProperty() {
        return choice.task();
    }

    /** A reference answer the judge may be shown as {{reference}}; "(none)" for none. */
    public StringProperty referenceColumnProperty() {
        return choice.referenceColumn();
    }

    public StringProperty humanScoreColumnProperty() {
        return choice.humanScoreColumn();
    }

    public StringProperty humanVerdictColumnProperty() {
        return choice.humanVerdictColumn();
    }

    /** Where a pair's two answers come from: two columns, or generated by two base configurations. */
    public ObjectProperty<PairSource> pairSourceProperty() {
        return choice.pairSource();
    }

    /** A pair's answer B, when the dataset holds both answers (the answer column holds A). */
    public StringProperty answerBColumnProperty() {
        return choice.answerBColumn();
    }

    /** Which answer of a pair a person preferred (A, B or tie); "(none)" for none. */
    public StringProperty humanPreferenceColumnProperty() {
        return choice.humanPreferenceColumn();
    }

    /** What a pairwise choice still lacks (the columns of A and B); empty when it has what it needs. */
    public ReadOnlyStringProperty pairProblemProperty() {
        return pairProblem.getReadOnlyProperty();
    }

    /** How the judge grades: a verdict, a rubric score on a scale with a pass mark, or a pair's preference. */
    public GradingChoice grading() {
        return grading;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return read.readingProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return read.fractionProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return read.textProperty();
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
        preview.detecting(path);
        // Another file may be opened while this one is sniffed: only the latest is shown.
        detection.submit(
                () -> new SettingsForm.Detected(DatasetImporter.detect(path), DatasetImporter.sheets(path)),
                found -> {
                    form.show(found);
                    refreshPreview();
                },
                this::fail);
    }

    /** Reads the whole file in the background with progress; ragged rows lead to a question first. */
    public void importFile() {
        Path path = file.get();
        if (path == null || read.readingProperty().get()) {
            return;
        }
        read.start(
                path,
                settings(),
                result -> {
                    if (result.hasRaggedRows()) {
                        awaitingDecision = RaggedRowsQuestion.of(result);
                        raggedQuestion.set(awaitingDecision.text());
                    } else {
                        accept(result);
                    }
                },
                this::fail);
    }

    /** Stops a read under way; the workbench keeps its dataset. */
    public void cancelImport() {
        read.cancel();
    }

    /** The user chose to leave the ragged rows out. */
    public void skipRaggedRows() {
        RaggedRowsQuestion question = awaitingDecision;
        awaitingDecision = null;
        raggedQuestion.set(null);
        if (question != null) {
            accept(question.read());
        }
    }

    /** The user chose not to import a file with ragged rows. */
    public void refuseRaggedRows() {
        awaitingDecision = null;
        raggedQuestion.set(null);
        read.say("Not imported; the dataset you had is unchanged.");
    }

    /** The settings as chosen, for a read. */
    public ImportSettings settings() {
        return form.settings();
    }

    private void settingsChanged() {
        if (file.get() != null) {
            refreshPreview();
        }
    }

    private void refreshPreview() {
        Path path = file.get();
        ImportSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            error.set("Unknown encoding " + form.encoding().get());
            return;
        }
        preview.load(
                path,
                settings,
                shown -> {
                    error.set("");
                    if (choice.offer(shown.columns(), preview.rows())) {
                        if (grading.kindProperty().get() == GradingChoice.Kind.PAIRWISE) {
                            choice.guessPairColumns(); // the dialog may have opened on a pairwise setup
                        }
                        updateCanImport();
                    }
                },
                failure -> {
                    choice.columns().clear();
                    fail(failure);
                });
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
        pairProblem.set(pairProblem());
        canImport.set(file.get() != null
                && pairProblem.get().isEmpty()
                && !choice.inputColumns().isEmpty()
                && grading.schemeProperty().get() != null
                && error.get().isEmpty());
    }

    /** A pair over two columns needs both, and two different ones. */
    private String pairProblem() {
        if (grading.kindProperty().get() != GradingChoice.Kind.PAIRWISE
                || choice.pairSource().get() != PairSource.COLUMNS) {
            return "";
        }
        String a = choice.answerColumn().get();
        String b = choice.answerBColumn().get();
        if (NONE.equals(a) || NONE.equals(b)) {
            return "Choose the columns holding answer A and answer B, or let the run generate them.";
        }
        return a.equals(b) ? "Answer A and answer B need two different columns." : "";
    }

    private void accept(ImportResult result) {
        ColumnMapping mapping = choice.mapping(grading.kindProperty().get() == GradingChoice.Kind.PAIRWISE);
        List<String> mappingProblems = mapping.problemsWith(result.dataset());
        if (!mappingProblems.isEmpty()) {
            error.set(mappingProblems.get(0));
            mappingError = true;
            updateCanImport();
            return;
        }
        read.say(String.format(
                Locale.ROOT,
                "Imported %,d rows%s.",
                result.dataset().size(),
                result.skippedRows() > 0 ? String.format(Locale.ROOT, " (%,d left out)", result.skippedRows()) : ""));
        onImported.accept(new Imported(
                result.dataset(), mapping, file.get(), grading.schemeProperty().get()));
        done.set(true);
    }

    private void fail(Throwable failure) {
        error.set(LatestOnly.messageOf(failure));
        updateCanImport();
    }
}
