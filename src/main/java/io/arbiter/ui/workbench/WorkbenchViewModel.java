package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.project.Project;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.ui.analysis.AnalysisViewModel;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import io.arbiter.ui.compare.CompareViewModel;
import io.arbiter.ui.detail.DetailViewModel;
import io.arbiter.ui.labels.LabelsViewModel;
import io.arbiter.ui.progress.ProgressViewModel;
import io.arbiter.ui.prompts.PromptsViewModel;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.results.ResultsViewModel;
import io.arbiter.ui.runs.RunsViewModel;
import io.arbiter.ui.theme.OsColorScheme;
import io.arbiter.ui.theme.ThemeViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

/**
 * The whole workbench as the window binds it: the panes (prompts, run, results, detail, labels, analysis, runs,
 * compare) and the parts that work between them, which it wires together — {@link DatasetSetup} (which dataset and
 * columns), {@link ProviderChoice} (which provider), {@link ProjectLifecycle} (the open project), {@link RunCommands}
 * (starting runs) and {@link StoredRunDisplay} (showing a kept run). It also says when they are busy. It runs a
 * little over 300 lines because the grading scheme reaches every pane from here; the work itself is in those parts.
 */
public final class WorkbenchViewModel {

    /** Shown in the truth-column chooser for a dataset without ground truth. */
    public static final String NO_TRUTH = "(none)";
    /** The window title without a project. */
    public static final String APP_TITLE = "Arbiter · LLM-as-a-judge workbench";

    private final TaskExecutor executor;
    /** The latest message about files: loaded, exported, or what went wrong. */
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The human verdicts on this dataset's rows: a third rater beside the truth and the judge; kept in the project. */
    private final ReviewLog review = new ReviewLog();

    private final PromptsViewModel prompts = new PromptsViewModel();
    private final ProgressViewModel run;
    private final ResultsViewModel results;
    private final AnalysisViewModel analysis;
    private final RunsViewModel runs;
    private final CompareViewModel compare;
    private final DetailViewModel detail = new DetailViewModel(prompts::rowPrompts);
    /** Refreshes the detail while a run fills in the selected row. */
    private final ChangeListener<Object> selectedRowChanged = (obs, old, now) -> detail.refresh();
    /** Which tab the lower half shows; a figure on the analysis tab switches to the results to show its rows. */
    private final ObjectProperty<LowerPane> lowerPane = new SimpleObjectProperty<>(LowerPane.RESULTS);

    private final ProviderChoice choice;
    private final DatasetSetup data;
    private final ProjectLifecycle projects;
    private final RunCommands runCommands;
    private final StoredRunDisplay display;
    private final ReviewWrites reviewWrites;
    private final RunEstimator estimator;
    private final HeldOutRows heldOut;
    private final ThemeViewModel theme;

    public WorkbenchViewModel(TaskExecutor executor) {
        this.executor = executor;
        this.theme = new ThemeViewModel(executor, OsColorScheme::prefersDark);
        this.run = new ProgressViewModel(executor);
        this.choice = new ProviderChoice(executor, status::set, this::busy, run.runningProperty());
        this.results = new ResultsViewModel(executor, review);
        this.data = new DatasetSetup(
                executor, status::set, this::busy, prompts, this::rowsReady, this::keepRenames, this::useScheme);
        KeptSetup kept = new KeptSetup(data, prompts, choice, results, review, this::request);
        this.projects = new ProjectLifecycle(executor, status, new WorkbenchProject(), kept, this::busy, this::opened);
        this.analysis = AnalysisViewModel.rating(executor, results, this::showResults, data::mapping);
        this.runCommands = new RunCommands(
                executor,
                status::set,
                run,
                results,
                prompts,
                choice,
                data,
                projects,
                this::runKept,
                analysis::useJudging);
        this.display = new StoredRunDisplay(
                executor,
                status::set,
                results,
                data,
                projects,
                runCommands::active,
                this::busy,
                this::showResults,
                shown -> run.showKept(shown.runId(), shown.rows(), java.util.Set.copyOf(shown.draftRows())),
                analysis::useJudging);
        this.estimator =
                new RunEstimator(executor, runCommands::nextRunAsShown, run::showEstimate, run.runningProperty());
        this.runs = new RunsViewModel(executor, display::show, this::compareRuns);
        this.compare = new CompareViewModel(executor, display::showFlipped);
        this.reviewWrites = new ReviewWrites(projects);
        this.heldOut = new HeldOutRows(executor, results, status::set);
        reviewWrites.follow(review, results::dataset);
        data.datasetProperty().addListener((obs, old, now) -> {
            display.datasetChanged(now);
            run.reset(); // the bars, the message and "Retry N failed rows" were about the other dataset's rows
            runCommands.forgetSelection();
        });
        results.reviewing().reviewMessageProperty().addListener((obs, old, now) -> status.set(now));
        // A per-user choice that could not be written (each save clears its problem first, so a repeat shows too).
        for (var notKept :
                List.of(theme.problemProperty(), results.heading().columns().problemProperty())) {
            notKept.addListener((obs, old, now) -> status.set(now.isEmpty() ? status.get() : now));
        }
        results.reviewing().reviewVersionProperty().addListener((obs, old, now) -> {
            List<FewShotExample> examples = results.reviewing().examples(prompts.scheme());
            if (!examples.equals(prompts.examples())) {
                prompts.useExamples(examples);
            }
            detail.refresh();
        });
        results.reviewing()
                .setPromotionAdvice(
                        () -> prompts.judgeUsesExamples() ? "" : " Add {{examples}} to the judge prompt to use it.");
        lowerPane.addListener((obs, old, now) -> {
            analysis.setShown(now == LowerPane.ANALYSIS);
            if (now == LowerPane.COMPARE) {
                compare.refresh(); // runs may have been added, renamed or deleted since
            }
        });
        analysis.setShown(lowerPane.get() == LowerPane.ANALYSIS);
        estimator.follow(List.of(
                choice.providerProperty(),
                choice.modeProperty(),
                choice.alsoJudgedByProperty(),
                choice.repeatsProperty(),
                choice.shuffleLabelsProperty(),
                prompts.baseTextProperty(),
                prompts.judgeTextProperty()));
        // The title's unsaved mark follows every part of the setup a project keeps.
        for (javafx.beans.Observable part : List.of(
                prompts.baseTextProperty(),
                prompts.judgeTextProperty(),
                choice.providerProperty(),
                choice.baseModelProperty(),
                choice.judgeModelProperty(),
                choice.concurrencyProperty(),
                choice.modeProperty(),
                choice.alsoJudgedByProperty(),
                choice.repeatsProperty(),
                choice.shuffleLabelsProperty(),
                data.inputColumnProperty(),
                data.truthColumnProperty(),
                data.truthSeparatorProperty())) {
            part.addListener(changed -> projects.refreshTitle());
        }
        for (var text : List.of(prompts.baseTextProperty(), prompts.judgeTextProperty())) {
            text.addListener((obs, old, now) -> detail.refresh());
        }
    }

    /** The tabs of the lower half. */
    public enum LowerPane {
        RESULTS,
        ANALYSIS,
        RUNS,
        COMPARE
    }

    // Properties

    /** Where background work goes; dialogs opened from the workbench use the same. */
    public TaskExecutor executor() {
        return executor;
    }

    /** View > Theme: light, dark or as the OS prefers. */
    public ThemeViewModel theme() {
        return theme;
    }

    public PromptsViewModel prompts() {
        return prompts;
    }

    public ProgressViewModel run() {
        return run;
    }

    public ResultsViewModel results() {
        return results;
    }

    public AnalysisViewModel analysis() {
        return analysis;
    }

    /** The open project's runs. */
    public RunsViewModel runs() {
        return runs;
    }

    /** Two of the open project's runs side by side. */
    public CompareViewModel compare() {
        return compare;
    }

    public LabelsViewModel labels() {
        return data.labels();
    }

    /** The human review of the current dataset's rows. UI thread only. */
    public ReviewLog review() {
        return review;
    }

    /** The selected row in full, beside the results table. */
    public DetailViewModel detail() {
        return detail;
    }

    /** The dataset and the columns it is read with: the top bar's left half. */
    public DatasetSetup datasetSetup() {
        return data;
    }

    /** The provider, models, concurrency and mode runs use: the top bar's right half. */
    public ProviderChoice providerChoice() {
        return choice;
    }

    /** The open project: New, Open, Save, Save as and the recent projects. */
    public ProjectLifecycle projects() {
        return projects;
    }

    /** Run, Try on selection, Retry and Cancel. */
    public RunCommands runCommands() {
        return runCommands;
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return data.datasetProperty();
    }

    public ObjectProperty<LowerPane> lowerPaneProperty() {
        return lowerPane;
    }

    /** The latest message about files: loaded, exported, or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands

    /**
     * Follows the row selected in the results table (null: none): the detail shows it and the prompt preview
     * renders it, with its base answer when it has one.
     */
    public void selectRow(ResultsTableRow row) {
        ResultsTableRow previous = detail.row();
        if (previous != null) {
            previous.resultProperty().removeListener(selectedRowChanged);
        }
        detail.show(row);
        if (row == null) {
            return;
        }
        row.resultProperty().addListener(selectedRowChanged);
        var result = row.result();
        prompts.previewBaseAnswerProperty()
                .set(result.base().answered() ? result.base().text().strip() : null);
        String answerB = result.answerB(); // a pair's; null for one answer or before B has come
        prompts.previewAnswerBProperty().set(answerB == null || answerB.isBlank() ? null : answerB.strip());
        prompts.previewRowProperty().set(row.index());
    }

    /**
     * Exports the results table as CSV (with UTF-8's byte order mark when {@code bom}, for Excel), or as an Excel
     * workbook when the file is named .xlsx, in the background, and beside it {@code <name>.json} naming what made it.
     */
    public void exportResults(Path file, boolean bom) {
        if (results.dataset() == null) {
            status.set("Nothing to export yet.");
            return;
        }
        RunEstimator.Next setup = runCommands.nextRun(); // read here, on the FX thread; the project off it
        Project project = projects.project();
        results.export(file, bom)
                .thenCompose(written -> executor.submit(() -> ExportFacts.writeBeside(written, setup, project)))
                .whenComplete((written, failure) -> status.set(
                        failure == null
                                ? "Exported results to " + file + "."
                                : "Export failed: " + LatestOnly.messageOf(failure)));
    }

    /**
     * Stops the run and the offline server and closes the project; called when the window closes. Unsaved setup
     * changes are not saved here: the window asks first (see {@link #unsavedChanges()}), so "Don't save" means it.
     */
    public void shutdown() {
        runCommands.close();
        projects.close();
    }

    /**
     * Grades with {@code chosen} from now on: the prompts are checked and previewed for it, the next run's spec takes
     * it, and the table shows its rows graded by it (a run shown before, graded otherwise, leaves the table).
     */
    public void useScheme(JudgeScheme chosen) {
        prompts.useScheme(chosen);
        results.useScheme(chosen);
        estimator.refresh();
    }

    /** True, with a message, when a project switch or a run keeps the dataset from changing now. */
    public boolean busy(String what) {
        if (projects.switching()) {
            status.set("Wait until the project has opened before " + what + ".");
            return true;
        }
        if (runCommands.active()) {
            status.set("Wait for the run to finish, or cancel it, before " + what + ".");
            return true;
        }
        return false;
    }

    // Between the parts

    /** The truth was re-read: unless a run owns the table, it takes the rows and what waited for them. */
    private void rowsReady(Dataset rows, ColumnMapping mapping, List<ResultsTableRow> tableRows) {
        estimator.refresh();
        if (!runCommands.active()) {
            results.show(rows, mapping, tableRows);
            display.tableFilled(rows);
        }
    }

    private void keepRenames(ColumnMapping mapping) {
        reviewWrites.keepRenames(data.datasetProperty().get(), mapping);
    }

    private void request(ShowRequest asked) {
        display.request(asked);
    }

    /** Holds out {@code share} of rows from worked examples in the open project (0: none), keeping its seed. */
    public CompletableFuture<HeldOutSplit> useHeldOutShare(double share) {
        return heldOut.share(projects.project(), share);
    }

    /** The share of rows the open project holds out now (0 without a project), what Edit ▸ Held-out rows proposes. */
    public double heldOutShare() {
        return heldOut.share();
    }

    private void opened(Project project) {
        heldOut.use(project);
        estimator.refresh(); // its cache answers what it ran
        runs.useProject(project);
        compare.useProject(project);
    }

    /** A run's end is in the open project: its runs list and comparison include it. */
    private void runKept() {
        runs.refresh();
        compare.refresh();
    }

    private void showResults() {
        lowerPane.set(LowerPane.RESULTS);
    }

    /** Opens the Compare tab on two runs, {@code a} before and {@code b} after. */
    private void compareRuns(long a, long b) {
        lowerPane.set(LowerPane.COMPARE);
        compare.compare(a, b);
    }
}
