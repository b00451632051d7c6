package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.ColumnGuess;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.ImportProgress;
import io.arbiter.core.dataset.ImportSettings;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.LabelCounts;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import io.arbiter.ui.importer.ImportViewModel;
import io.arbiter.ui.importer.PairSource;
import io.arbiter.ui.labels.LabelsViewModel;
import io.arbiter.ui.prompts.PromptsViewModel;
import io.arbiter.ui.results.ResultsTableRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which dataset the workbench works on and how its columns are read: the bundled sample, a file or an import, the
 * input, truth and separator choices, the label renames, and the task kind, reference and human columns and grading
 * chosen at import. Each change re-reads the truth in the background; the
 * label counts and the prompts' {{labels}} follow it, and the table's rows go to whoever shows them. FX thread. Over
 * 300 lines because it is the one holder of the whole mapping (inputs, truth, answers, task, reference and human
 * columns, renames) across the ways a dataset arrives: the three samples, a file, an import, a project.
 */
public final class DatasetSetup {

    /** Receives the table's rows for the dataset and mapping on screen once the truth has been re-read with it. */
    interface RowsReady {
        void ready(Dataset dataset, ColumnMapping mapping, List<ResultsTableRow> rows);
    }

    private final TaskExecutor executor;
    private final Consumer<String> status;
    private final Predicate<String> busy;
    private final PromptsViewModel prompts;
    private final RowsReady rowsReady;
    /** Told the mapping with new label renames, so the project holding this dataset keeps them. */
    private final Consumer<ColumnMapping> renamed;
    /** Told the grading an import chose, before its rows are built, so they are graded that way. */
    private final Consumer<JudgeScheme> schemeChosen;

    private final LabelsViewModel labels = new LabelsViewModel(this::useRenames);
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No dataset");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> truthChoices = FXCollections.observableArrayList();
    private final StringProperty inputColumn = new SimpleStringProperty();
    private final StringProperty truthColumn = new SimpleStringProperty();
    private final StringProperty truthSeparator = new SimpleStringProperty(",");
    /** Further input columns chosen at import; the bar's chooser shows and sets the first. */
    private List<String> moreInputs = List.of();

    private String answerColumn;
    private TaskKind task = TaskKind.CLASSIFY;
    private JudgeColumns judgeColumns = JudgeColumns.NONE;
    private Map<String, String> labelRenames = Map.of();
    /** Re-reads of the truth: only the latest one asked for is shown. */
    private final LatestOnly remaps;

    /**
     * @param busy      says, with a message, when a run or a project switch keeps the dataset from changing now
     * @param rowsReady gets the table's rows after every re-read
     * @param renamed   gets the mapping after the user renamed labels
     * @param schemeChosen gets the grading an import or the sample chose
     */
    DatasetSetup(
            TaskExecutor executor,
            Consumer<String> status,
            Predicate<String> busy,
            PromptsViewModel prompts,
            RowsReady rowsReady,
            Consumer<ColumnMapping> renamed,
            Consumer<JudgeScheme> schemeChosen) {
        this.executor = executor;
        this.remaps = new LatestOnly(executor);
        this.status = status;
        this.busy = busy;
        this.prompts = prompts;
        this.rowsReady = rowsReady;
        this.renamed = renamed;
        this.schemeChosen = schemeChosen;
        inputColumn.addListener((obs, old, now) -> remap());
        truthColumn.addListener((obs, old, now) -> remap());
        truthSeparator.addListener((obs, old, now) -> remap());
    }

    // Properties

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /** The dataset's name, rows and columns, for the top bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<String> columns() {
        return columns;
    }

    /** The columns, after {@link WorkbenchViewModel#NO_TRUTH}. */
    public ObservableList<String> truthChoices() {
        return truthChoices;
    }

    public StringProperty inputColumnProperty() {
        return inputColumn;
    }

    public StringProperty truthColumnProperty() {
        return truthColumn;
    }

    public StringProperty truthSeparatorProperty() {
        return truthSeparator;
    }

    LabelsViewModel labels() {
        return labels;
    }

    // Commands

    /** Opens the bundled movie sample with its prompts; the first screen a newcomer sees. */
    public void openSample() {
        openBundled(
                Samples::movies,
                Samples.MOVIES_BASE_PROMPT,
                Samples.MOVIES_JUDGE_PROMPT,
                new ColumnMapping(
                        List.of(Samples.MOVIES_INPUT_COLUMN), Samples.MOVIES_TRUTH_COLUMN, truthSeparator.get()),
                JudgeSchemes.DEFAULT, // its judge prompt asks for a verdict
                () -> {},
                "Opened the bundled movie sample.");
    }

    /**
     * Opens the bundled support sample as the README runs it: the model's answers in its answer column judged on a
     * rubric 1-5 passing at 4, against the staff reference, checked against the human scores.
     */
    public void openSupportSample() {
        openBundled(
                Samples::support,
                Samples.SUPPORT_BASE_PROMPT,
                Samples.SUPPORT_JUDGE_PROMPT,
                new ColumnMapping(List.of("question"), null, truthSeparator.get(), "answer", Map.of())
                        .withTask(TaskKind.GENERATE)
                        .withJudgeColumns(new JudgeColumns("reference", "human_score", null)),
                ScoreScheme.DEFAULT,
                () -> {},
                "Opened the bundled support sample: its answers are scored 1-5 against the human scores.");
    }

    /**
     * Opens the bundled pairwise sample: each row's two answers in its columns judged against each other in both
     * orders, against the people's preferences; prompt B is ready for generating answer B instead.
     */
    public void openPairwiseSample() {
        openBundled(
                Samples::pairwise,
                Samples.PAIRWISE_BASE_PROMPT,
                Samples.PAIRWISE_JUDGE_PROMPT,
                new ColumnMapping(List.of("question"), null, truthSeparator.get(), "answer_a", Map.of())
                        .withTask(TaskKind.GENERATE)
                        .withJudgeColumns(
                                new JudgeColumns("reference", null, null).withPair("answer_b", "human_preference")),
                PairwiseScheme.DEFAULT,
                () -> prompts.secondBase().promptTextProperty().set(Samples.text(Samples.PAIRWISE_BASE_PROMPT_B)),
                "Opened the bundled pairwise sample: answer A against answer B in both orders, against people's "
                        + "preferences.");
    }

    private void openBundled(
            Callable<Dataset> read,
            String basePrompt,
            String judgePrompt,
            ColumnMapping mapping,
            JudgeScheme scheme,
            Runnable more,
            String opened) {
        if (busy.test("opening the sample")) {
            return;
        }
        executor.submit(read).whenComplete((loaded, failure) -> {
            if (failure != null) {
                status.accept(LatestOnly.messageOf(failure));
                return;
            }
            prompts.baseTextProperty().set(Samples.text(basePrompt));
            prompts.judgeTextProperty().set(Samples.text(judgePrompt));
            more.run();
            schemeChosen.accept(scheme);
            use(loaded, mapping, Map.of());
            status.accept(opened);
        });
    }

    /**
     * Reads a file with every setting detected and the columns guessed, for callers without a dialog (benchmarks,
     * scripts). The current dataset stays until the new one is read completely.
     */
    public void openDataset(Path file) {
        if (busy.test("opening another dataset")) {
            return;
        }
        status.accept("Reading " + file.getFileName() + "…");
        executor.submit(() -> DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        status.accept(LatestOnly.messageOf(failure));
                        return;
                    }
                    Dataset loaded = result.dataset();
                    String truth = ColumnGuess.truth(loaded.columns());
                    useImported(new ImportViewModel.Imported(
                            loaded, new ColumnMapping(List.of(ColumnGuess.input(loaded)), truth, ","), file));
                });
    }

    /** A dialog for importing a file, starting from the task and grading on screen; what it imports replaces them. */
    public ImportViewModel newImport() {
        ImportViewModel dialog = new ImportViewModel(executor, this::useImported);
        dialog.taskProperty().set(task);
        dialog.grading().show(prompts.scheme());
        if (prompts.secondBase().inUseProperty().get()) {
            dialog.pairSourceProperty().set(PairSource.GENERATED); // as the workbench compares now
        }
        return dialog;
    }

    /** What the import dialog read replaces the current dataset, unless a run or a project switch is under way. */
    private void useImported(ImportViewModel.Imported imported) {
        if (busy.test("importing")) {
            return;
        }
        ColumnMapping mapping = imported.mapping();
        boolean newPrompt = imported.scheme() != null
                && imported.scheme().pairs()
                && prompts.startPair(mapping); // a single-answer judge prompt cannot compare two answers
        if (imported.scheme() != null) {
            schemeChosen.accept(imported.scheme());
        }
        use(imported.dataset(), mapping, Map.of());
        status.accept("Imported " + imported.file()
                + (mapping.judgeColumns().answerB() != null
                        ? "; answers A and B come from the columns " + mapping.answerColumn() + " and "
                                + mapping.judgeColumns().answerB() + "."
                        : mapping.judgeOnly()
                                ? "; judge-only: base answers come from the column " + mapping.answerColumn() + "."
                                : prompts.scheme().pairs()
                                        ? "; the base prompt answers A and the \"Base prompt B\" tab answers B."
                                        : ".")
                + (newPrompt ? " The judge prompt is now an MT-Bench style pairwise prompt; edit it to suit." : ""));
    }

    /** Shows a dataset read with a mapping kept in a project, label renames included. */
    void useMapped(Dataset rows, ColumnMapping mapping) {
        use(rows, mapping, mapping.labelRenames());
    }

    /** How the columns on screen read the dataset; it may not fit it (see {@link ColumnMapping#problemsWith}). */
    ColumnMapping mapping() {
        String truth = truthColumn.get();
        List<String> inputs = new ArrayList<>();
        if (inputColumn.get() != null) { // null only while a dataset is still being set up
            inputs.add(inputColumn.get());
        }
        moreInputs.stream().filter(c -> !inputs.contains(c)).forEach(inputs::add);
        return new ColumnMapping(
                inputs,
                WorkbenchViewModel.NO_TRUTH.equals(truth) ? null : truth,
                truthSeparator.get(),
                answerColumn,
                labelRenames,
                task,
                judgeColumns);
    }

    // Internals

    private void use(Dataset rows, ColumnMapping mapping, Map<String, String> renames) {
        moreInputs = mapping.inputColumns().subList(1, mapping.inputColumns().size());
        answerColumn = mapping.answerColumn();
        task = mapping.task();
        judgeColumns = mapping.judgeColumns();
        useDataset(rows, mapping.inputColumns().get(0), mapping.truthColumn(), renames);
        truthSeparator.set(mapping.truthSeparator());
    }

    private void useDataset(Dataset loaded, String input, String truth, Map<String, String> renames) {
        labels.useForNewDataset(renames);
        labelRenames = Map.copyOf(renames);
        dataset.set(loaded);
        columns.setAll(loaded.columns());
        List<String> truths = new ArrayList<>();
        truths.add(WorkbenchViewModel.NO_TRUTH);
        truths.addAll(loaded.columns());
        truthChoices.setAll(truths);
        inputColumn.set(input);
        truthColumn.set(truth == null ? WorkbenchViewModel.NO_TRUTH : truth);
        summary.set(String.format(
                Locale.ROOT,
                "%s · %,d rows · %d columns",
                loaded.name(),
                loaded.size(),
                loaded.columns().size()));
        remap();
    }

    /** A rename in the labels list: the truth is read with it, and the project holding this dataset keeps it. */
    private void useRenames(Map<String, String> renames) {
        labelRenames = renames;
        remap();
        renamed.accept(mapping());
    }

    /**
     * Re-reads the truth with the current mapping: label counts, the prompts' {{labels}} and the table's rows.
     * Linear in the rows, so it runs in the background; a newer remap supersedes an older one.
     */
    private void remap() {
        Dataset rows = dataset.get();
        if (rows == null || inputColumn.get() == null) {
            return;
        }
        ColumnMapping mapping = mapping();
        if (!mapping.problemsWith(rows).isEmpty()) {
            return;
        }
        JudgeScheme scheme = prompts.scheme(); // the rows are graded as the prompts are written
        remaps.submit(
                () -> new Remapped(LabelCounts.of(rows, mapping), ResultsTableRow.pending(rows, mapping, scheme)),
                remapped -> {
                    if (dataset.get() != rows) {
                        return; // another dataset was opened meanwhile
                    }
                    labels.show(remapped.counts());
                    prompts.useDataset(rows, mapping, remapped.counts().labelSet());
                    rowsReady.ready(rows, mapping, remapped.rows());
                },
                failure -> status.accept(LatestOnly.messageOf(failure)));
    }

    private record Remapped(LabelCounts counts, List<ResultsTableRow> rows) {}
}
