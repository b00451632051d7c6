package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.ColumnGuess;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.ImportProgress;
import io.arbiter.core.dataset.ImportSettings;
import io.arbiter.core.dataset.LabelCounts;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RunHandle;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.store.ProjectBackup;
import io.arbiter.ui.analysis.AnalysisViewModel;
import io.arbiter.ui.common.TaskExecutor;
import io.arbiter.ui.compare.CompareViewModel;
import io.arbiter.ui.detail.DetailViewModel;
import io.arbiter.ui.importer.ImportViewModel;
import io.arbiter.ui.labels.LabelsViewModel;
import io.arbiter.ui.prompts.PromptsViewModel;
import io.arbiter.ui.results.ResultRow;
import io.arbiter.ui.results.ResultsViewModel;
import io.arbiter.ui.run.RunViewModel;
import io.arbiter.ui.runs.RunsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The whole workbench: which dataset and columns, which provider, and the prompts, run and results panes. */
public final class WorkbenchViewModel {

    /** Shown in the truth-column chooser for a dataset without ground truth. */
    public static final String NO_TRUTH = "(none)";
    /** The window title without a project. */
    public static final String APP_TITLE = "Arbiter · LLM-as-a-judge workbench";

    private final TaskExecutor executor;
    /** The human verdicts on this dataset's rows: a third rater beside the truth and the judge; kept in the project. */
    private final ReviewLog review = new ReviewLog();

    private final PromptsViewModel prompts = new PromptsViewModel();
    private final RunViewModel run;
    private final RunEstimator estimator;
    private final ResultsViewModel results;
    private final AnalysisViewModel analysis;
    /** Which tab the lower half shows; a figure on the analysis tab switches to the results to show its rows. */
    private final ObjectProperty<LowerPane> lowerPane = new SimpleObjectProperty<>(LowerPane.RESULTS);

    private final LabelsViewModel labels = new LabelsViewModel(this::useRenames);
    private final DetailViewModel detail = new DetailViewModel(prompts::rowPrompts);
    /** Refreshes the detail while a run fills in the selected row. */
    private final javafx.beans.value.ChangeListener<Object> selectedRowChanged = (obs, old, now) -> detail.refresh();

    private Map<String, String> labelRenames = Map.of();
    private final AtomicLong remapGeneration = new AtomicLong();

    /** The open project file: runs are recorded in it and it is the response cache. Null when none. FX thread. */
    private Project project;

    private final ProjectSession projectSession = new ProjectSession();
    /** Connects, records and builds a run's clients, the way {@code arbiter run} does. */
    private final RunLauncher launcher = new RunLauncher(projectSession);
    /** Where the recent projects list is saved; null keeps it in memory only (tests). */
    private RecentProjects recentStore;

    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP_TITLE);
    private final RunsViewModel runs;
    private final CompareViewModel compare;
    /** A stored run to show once the table holds its dataset's rows, and what to do once it is shown. */
    private ProjectSession.ShownRun pendingRun;

    private Runnable afterPendingRun = () -> {};
    /** What the open project holds of the setup, as of its opening, its last Save or its last run; FX thread. */
    private WorkbenchSetup saved;
    /** A review kept in the project, to bring back once the table holds its dataset's rows. */
    private PendingReview pendingReview;
    /** Review changes and project closes, written in order off the FX thread. */
    private final ProjectWrites writes;

    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper datasetSummary = new ReadOnlyStringWrapper("No dataset");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The project Open last refused as in use or damaged, for the dialog; null when none. FX thread. */
    private final ReadOnlyObjectWrapper<ProjectSession.Refusal> projectRefusal = new ReadOnlyObjectWrapper<>();

    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> truthChoices = FXCollections.observableArrayList();
    private final StringProperty inputColumn = new SimpleStringProperty();
    /** Further input columns chosen at import; the bar's chooser shows and sets the first. */
    private List<String> moreInputs = List.of();

    private String answerColumn;
    private final StringProperty truthColumn = new SimpleStringProperty();
    private final StringProperty truthSeparator = new SimpleStringProperty(",");
    private final ProviderChoice choice;
    /** True from Run until the provider is connected; a second Run meanwhile is ignored. FX thread only. */
    private boolean preparing;
    /** True while a project is being read to become the open one: runs and other switches wait. FX thread. */
    private boolean switching;
    /** Counts shows of stored runs: only the latest one asked for lands in the table. FX thread. */
    private long showGeneration;
    /** The rows the last run started covered; null for every row. Retrying failed rows repeats the same kind. */
    private List<Integer> lastSelection;

    public WorkbenchViewModel(TaskExecutor executor) {
        this.executor = executor;
        this.choice = new ProviderChoice(executor);
        this.writes = new ProjectWrites(executor, status::set);
        this.run = new RunViewModel(executor);
        this.results = new ResultsViewModel(executor, review);
        review.setListener(new ReviewLog.Listener() {
            @Override
            public void verdictChanged(int row, io.arbiter.core.review.HumanVerdict now) {
                keepInProject(
                        "keep the verdict on row " + (row + 1),
                        (open, rows) -> projectSession.keepVerdict(open, rows, row, now));
            }

            @Override
            public void promotionChanged(int row, boolean promoted) {
                keepInProject(
                        "keep the example on row " + (row + 1),
                        (open, rows) -> projectSession.keepPromotion(open, rows, row, promoted));
            }
        });
        results.reviewMessageProperty().addListener((obs, old, now) -> status.set(now));
        results.reviewVersionProperty().addListener((obs, old, now) -> {
            List<FewShotExample> examples = results.examples();
            if (!examples.equals(prompts.examples())) {
                prompts.useExamples(examples);
            }
            detail.refresh();
        });
        results.setPromotionAdvice(
                () -> prompts.judgeUsesExamples() ? "" : " Add {{examples}} to the judge prompt to use it.");
        this.estimator = new RunEstimator(executor, this::nextRun, run::showEstimate);
        this.runs = new RunsViewModel(executor, this::showRun, this::compareRuns);
        this.compare = new CompareViewModel(executor, this::showFlipped);
        this.analysis = new AnalysisViewModel(executor, results, () -> lowerPane.set(LowerPane.RESULTS));
        lowerPane.addListener((obs, old, now) -> {
            analysis.setShown(now == LowerPane.ANALYSIS);
            if (now == LowerPane.COMPARE) {
                compare.refresh(); // runs may have been added, renamed or deleted since
            }
        });
        analysis.setShown(lowerPane.get() == LowerPane.ANALYSIS);
        choice.providerProperty().addListener((obs, old, now) -> estimator.refresh());
        prompts.baseTextProperty().addListener((obs, old, now) -> estimator.refresh());
        prompts.judgeTextProperty().addListener((obs, old, now) -> estimator.refresh());
        prompts.baseTextProperty().addListener((obs, old, now) -> detail.refresh());
        prompts.judgeTextProperty().addListener((obs, old, now) -> detail.refresh());
        inputColumn.addListener((obs, old, now) -> remap());
        truthColumn.addListener((obs, old, now) -> remap());
        truthSeparator.addListener((obs, old, now) -> remap());
    }

    // Properties

    /** Where background work goes; dialogs opened from the workbench use the same. */
    public TaskExecutor executor() {
        return executor;
    }

    public PromptsViewModel prompts() {
        return prompts;
    }

    public RunViewModel run() {
        return run;
    }

    public ResultsViewModel results() {
        return results;
    }

    public AnalysisViewModel analysis() {
        return analysis;
    }

    /** The tabs of the lower half. */
    public enum LowerPane {
        RESULTS,
        ANALYSIS,
        RUNS,
        COMPARE
    }

    /** The open project's runs. */
    public RunsViewModel runs() {
        return runs;
    }

    /** Two of the open project's runs side by side. */
    public CompareViewModel compare() {
        return compare;
    }

    /** The window title: the project's name when one is open. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The last project files opened, newest first. */
    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }

    /** The open project's file, or null. FX thread. */
    public Path projectFile() {
        return project == null ? null : project.file();
    }

    public ObjectProperty<LowerPane> lowerPaneProperty() {
        return lowerPane;
    }

    public LabelsViewModel labels() {
        return labels;
    }

    /** The human review of the current dataset's rows. UI thread only. */
    public ReviewLog review() {
        return review;
    }

    /** The selected row in full, beside the results table. */
    public DetailViewModel detail() {
        return detail;
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty datasetSummaryProperty() {
        return datasetSummary.getReadOnlyProperty();
    }

    /** The latest message about files: loaded, exported, or what went wrong. */
    /** Set when Open is refused because another process holds the project or it is damaged; the view says so. */
    ReadOnlyObjectProperty<ProjectSession.Refusal> projectRefusalProperty() {
        return projectRefusal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<String> columns() {
        return columns;
    }

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

    public ObservableList<ProviderSettings> providers() {
        return choice.providers();
    }

    public ObjectProperty<ProviderSettings> providerProperty() {
        return choice.providerProperty();
    }

    public StringProperty baseModelProperty() {
        return choice.baseModelProperty();
    }

    public StringProperty judgeModelProperty() {
        return choice.judgeModelProperty();
    }

    public ObjectProperty<Integer> concurrencyProperty() {
        return choice.concurrencyProperty();
    }

    /** Realtime requests or the Batch API; batch only when the provider has it. */
    public ObjectProperty<RunMode> modeProperty() {
        return choice.modeProperty();
    }

    /** Whether the selected provider offers the Batch API. */
    public ReadOnlyBooleanProperty batchAvailableProperty() {
        return choice.batchAvailableProperty();
    }

    /** Where the provider's key comes from and whether it is there; never the key itself. */
    public ReadOnlyStringProperty keyHintProperty() {
        return choice.keyHintProperty();
    }

    // Commands

    /** Opens the bundled movie sample with its prompts; the first screen a newcomer sees. */
    public void openSample() {
        if (busy("opening the sample")) {
            return;
        }
        executor.submit(Samples::movies).whenComplete((loaded, failure) -> {
            if (failure != null) {
                status.set(messageOf(failure));
                return;
            }
            prompts.baseTextProperty().set(Samples.text(Samples.MOVIES_BASE_PROMPT));
            prompts.judgeTextProperty().set(Samples.text(Samples.MOVIES_JUDGE_PROMPT));
            moreInputs = List.of();
            answerColumn = null;
            useDataset(loaded, Samples.MOVIES_INPUT_COLUMN, Samples.MOVIES_TRUTH_COLUMN);
            status.set("Opened the bundled movie sample.");
        });
    }

    /**
     * Reads a file with every setting detected and the columns guessed, for callers without a dialog (benchmarks,
     * scripts). The current dataset stays until the new one is read completely.
     */
    public void openDataset(Path file) {
        if (busy("opening another dataset")) {
            return;
        }
        status.set("Reading " + file.getFileName() + "…");
        executor.submit(() -> DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        status.set(messageOf(failure));
                        return;
                    }
                    Dataset loaded = result.dataset();
                    String truth = ColumnGuess.truth(loaded.columns());
                    useImported(new ImportViewModel.Imported(
                            loaded, new ColumnMapping(List.of(ColumnGuess.input(loaded)), truth, ","), file));
                });
    }

    // Projects

    /** Keeps the recent projects list in {@code store}, reading what it holds now. */
    public void useRecentProjects(RecentProjects store) {
        recentStore = store;
        executor.submit(store::load).whenComplete((loaded, failure) -> {
            if (failure == null) {
                recentProjects.setAll(loaded);
            }
        });
    }

    /** Creates a project file holding the current dataset, mapping, prompts and provider, and opens it. */
    public CompletableFuture<Void> newProject(Path file) {
        if (busy("creating a project")) {
            return CompletableFuture.completedFuture(null);
        }
        ProjectSession.Saving saving = saving();
        Dataset rows = saving.setup().dataset();
        ProjectSession.KeptReview reviewed = rows != null && results.dataset() == rows && review.size() > 0
                ? new ProjectSession.KeptReview(Map.copyOf(review.verdicts()), review.promotedRows())
                : null;
        status.set("Creating " + file.getFileName() + "…");
        return switchProject(
                file,
                executor.submit(() -> {
                    if (Files.exists(file)) {
                        throw new IllegalArgumentException(file + " already exists: open it with Open project….");
                    }
                    Project created = Project.open(file);
                    try {
                        projectSession.saveConfiguration(created, saving);
                        if (reviewed != null) {
                            projectSession.keepReview(created, rows, reviewed);
                        }
                    } catch (RuntimeException e) {
                        created.close();
                        throw e;
                    }
                    return ProjectSession.Restored.keeping(created);
                }),
                saving.setup(),
                "Created the project " + file.getFileName() + "; runs started now are kept in it.");
    }

    /** Opens a project file and restores its dataset, mapping, prompts, provider and latest run. */
    public CompletableFuture<Void> openProject(Path file) {
        if (busy("opening a project")) {
            return CompletableFuture.completedFuture(null);
        }
        status.set("Opening " + file.getFileName() + "…");
        projectRefusal.set(null);
        CompletableFuture<ProjectSession.Restored> reading = executor.submit(() -> {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("There is no project file " + file + ".");
            }
            List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
            Project opened = projectSession.open(file, notices::add);
            try {
                ProjectSession.Restored restored = projectSession.restore(opened);
                return notices.isEmpty() ? restored : restored.withNotice(String.join(" ", notices));
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        });
        // In use or damaged: the view asks about it in a dialog; the project on screen stays open either way.
        reading.whenComplete((restored, failure) -> {
            if (failure != null) {
                ProjectSession.Refusal.of(file, failure).ifPresent(projectRefusal::set);
            }
        });
        return switchProject(file, reading, null, "Opened the project " + file.getFileName() + ".");
    }

    /**
     * Puts the backup of a damaged project in its place (the damaged file is moved aside, not deleted) and opens
     * it; the project on screen stays open if that fails.
     */
    CompletableFuture<Void> restoreBackup(ProjectSession.Refusal refusal) {
        if (refusal.backup() == null || busy("restoring a backup")) {
            return CompletableFuture.completedFuture(null);
        }
        projectRefusal.set(null);
        status.set("Restoring " + refusal.file().getFileName() + " from "
                + refusal.backup().getFileName() + "…");
        return executor.submit(() -> ProjectBackup.restore(refusal.file(), refusal.backup()))
                .handle((aside, failure) -> aside)
                .thenCompose(aside -> {
                    if (aside == null) {
                        status.set("Could not restore " + refusal.backup().getFileName() + "; nothing was changed.");
                        return CompletableFuture.completedFuture(null);
                    }
                    return openProject(refusal.file())
                            .thenRun(() -> status.set(status.get() + " It was restored from "
                                    + refusal.backup().getFileName() + "; the damaged file is kept as "
                                    + aside.getFileName()
                                    + "."));
                });
    }

    /** Tests: decides which folders count as writable (root writes through permission bits). */
    void writableWhen(java.util.function.Predicate<Path> test) {
        projectSession.writableWhen(test);
    }

    /**
     * Writes the setup on screen into the open project (dataset copy, mapping, prompts as a version, provider and
     * its models, mode and concurrency); completes with true once it is saved, false when nothing was saved.
     */
    public CompletableFuture<Boolean> saveProject() {
        Project into = project;
        if (into == null) {
            status.set("No project is open: use Save project as….");
            return CompletableFuture.completedFuture(false);
        }
        if (busy("saving the project")) {
            return CompletableFuture.completedFuture(false);
        }
        ProjectSession.Saving saving = saving();
        status.set("Saving " + into.file().getFileName() + "…");
        return executor.submit(() -> {
                    projectSession.saveConfiguration(into, saving);
                    return true;
                })
                .handle((done, failure) -> {
                    if (failure != null) {
                        status.set("Could not save " + into.file().getFileName() + ": " + messageOf(failure));
                        return false;
                    }
                    if (project == into) {
                        saved = saving.setup();
                    }
                    status.set("Saved " + into.file().getFileName() + ".");
                    return true;
                });
    }

    /**
     * What the open project would lose if the workbench closed now ("the prompts", …): the setup changed since it
     * was opened, saved or last run. Runs, reviews and label renames are kept as they happen, so never count.
     */
    public List<String> unsavedChanges() {
        return project == null || saved == null ? List.of() : setup().changesSince(saved);
    }

    /** Everything Save writes, taken on the FX thread. */
    private ProjectSession.Saving saving() {
        String mode = choice.modeProperty().get() == RunMode.BATCH
                        && choice.selected().hasBatchApi()
                ? "batch"
                : "realtime";
        return new ProjectSession.Saving(
                setup(), keptProfile(), mode, choice.concurrencyProperty().get());
    }

    /** The profile kept in a project: the offline demo by name, as its server's port changes every time. */
    private ProviderProfile keptProfile() {
        ProviderSettings settings = choice.selected();
        ProviderProfile profile = settings.profile(settings.offline() ? ProjectSession.OFFLINE : settings.baseUrl());
        String base = choice.baseModelProperty().get();
        String judge = choice.judgeModelProperty().get();
        // Only a variable's name is kept; something else in that field could be a pasted key.
        String keyEnv = settings.keySourceIsAName() ? profile.apiKeyEnv() : null;
        return new ProviderProfile(
                profile.name(),
                profile.baseUrl(),
                keyEnv,
                base == null || base.isBlank() ? profile.baseModel() : base.strip(),
                judge == null || judge.isBlank() ? profile.judgeModel() : judge.strip(),
                profile.temperature(),
                profile.maxTokens(),
                choice.concurrencyProperty().get(),
                profile.keychainEntry(),
                profile.prices(),
                profile.timeouts()); // where the key is kept, never the key
    }

    /** Copies the open project (runs and all) to {@code file} and continues there; without one, creates it. */
    public CompletableFuture<Void> saveProjectAs(Path file) {
        if (project == null) {
            return newProject(file);
        }
        if (busy("saving the project")) {
            return CompletableFuture.completedFuture(null);
        }
        Project current = project;
        status.set("Saving " + file.getFileName() + "…");
        return switchProject(
                file,
                executor.submit(() -> {
                    current.store().copyTo(file);
                    return ProjectSession.Restored.keeping(Project.open(file));
                }),
                saved,
                "Saved the project as " + file.getFileName() + ".");
    }

    /**
     * Makes the project the open one once it has been read, restoring what it brings; the old one closes.
     * {@code holds} is the setup the project holds; null: what the workbench shows once the project is restored.
     */
    private CompletableFuture<Void> switchProject(
            Path file, CompletableFuture<ProjectSession.Restored> reading, WorkbenchSetup holds, String done) {
        CompletableFuture<Void> switched = new CompletableFuture<>();
        switching = true;
        reading.whenComplete((restored, failure) -> {
            switching = false;
            if (failure != null) {
                status.set(messageOf(failure));
                switched.complete(null);
                return;
            }
            Project old = project;
            project = restored.project();
            if (old != null && old != project) {
                writes.queue("close " + old.file().getFileName(), old::close); // after its pending review writes
            }
            title.set(project.file().getFileName() + " — " + APP_TITLE);
            apply(restored);
            saved = holds != null ? holds : setup();
            runs.useProject(project);
            compare.useProject(project);
            status.set(restored.notice() == null ? done : done + " " + restored.notice());
            rememberRecent(project.file());
            switched.complete(null);
        });
        return switched;
    }

    private void apply(ProjectSession.Restored restored) {
        if (restored.prompts() != null) {
            prompts.baseTextProperty().set(restored.prompts().baseText());
            prompts.judgeTextProperty().set(restored.prompts().judgeText());
        }
        if (restored.providerName() != null) {
            choice.restore(
                    restored.providerName(), restored.providerUrl(), restored.baseModel(), restored.judgeModel());
        }
        if (restored.dataset() != null) {
            ColumnMapping saved = restored.mapping();
            Dataset rows = restored.dataset();
            ColumnMapping mapping = saved != null
                    ? saved
                    : new ColumnMapping(List.of(ColumnGuess.input(rows)), ColumnGuess.truth(rows.columns()), ",");
            pendingRun = restored.latestRun();
            afterPendingRun = () -> {};
            pendingReview = restored.review() == null ? null : new PendingReview(rows, restored.review());
            useMapped(rows, mapping);
        }
    }

    private void rememberRecent(Path file) {
        List<Path> current = List.copyOf(recentProjects);
        RecentProjects store = recentStore;
        if (store == null) {
            recentProjects.setAll(RecentProjects.with(current, file));
            return;
        }
        executor.submit(() -> store.add(current, file)).whenComplete((updated, failure) -> {
            if (failure == null) {
                recentProjects.setAll(updated);
            }
        });
    }

    /** Opens the Compare tab on two runs, {@code a} before and {@code b} after. */
    private void compareRuns(long a, long b) {
        lowerPane.set(LowerPane.COMPARE);
        compare.compare(a, b);
    }

    /** Loads a stored run's rows into the results table. */
    private void showRun(long runId) {
        showRun(runId, () -> {});
    }

    /** Shows run B of a comparison with only its flipped rows, {@code row} selected when it is not -1. */
    private void showFlipped(long runB, java.util.Set<Integer> flipped, String description, int row) {
        showRun(runB, () -> {
            results.showOnly(description, shown -> flipped.contains(shown.index()));
            if (row >= 0) {
                results.select(row);
            }
        });
    }

    /** As {@link #showRun(long)}, then {@code then} once the rows are in the table. */
    private void showRun(long runId, Runnable then) {
        Project from = project;
        if (from == null || busy("showing another run")) {
            return;
        }
        Dataset current = dataset.get();
        ColumnMapping currentMapping = current == null ? null : mapping();
        long generation = ++showGeneration;
        JudgeScheme scheme = results.scheme();
        executor.submit(() -> {
                    ProjectSession.ShownRun read = projectSession.show(from, runId, current);
                    // The table's rows, built here: for a large dataset that is too long for the FX thread.
                    List<ResultRow> rows = read.dataset() == current
                                    && currentMapping != null
                                    && currentMapping.problemsWith(current).isEmpty()
                            ? ResultsViewModel.pendingRows(current, currentMapping, scheme)
                            : null;
                    return new ShownWithRows(read, rows, currentMapping);
                })
                .whenComplete((shownWithRows, failure) -> {
                    if (from != project || generation != showGeneration) {
                        return; // another project was opened, or another run asked for, meanwhile
                    }
                    if (failure != null) {
                        status.set(messageOf(failure));
                        return;
                    }
                    if (run.runningProperty().get() || preparing) {
                        return;
                    }
                    ProjectSession.ShownRun shown = shownWithRows.shown();
                    if (shown.dataset() == dataset.get()
                            && shownWithRows.rows() != null
                            && shownWithRows.mapping().equals(mapping())) {
                        results.show(shown.dataset(), shownWithRows.mapping(), shownWithRows.rows());
                        showStored(shown);
                        then.run();
                    } else {
                        if (shown.mapping() == null
                                || !shown.mapping()
                                        .problemsWith(shown.dataset())
                                        .isEmpty()) {
                            status.set("Run " + runId
                                    + " cannot be shown: the project does not say which columns it read.");
                            return;
                        }
                        pendingRun = shown;
                        afterPendingRun = then;
                        // The table is about to hold that dataset's rows: their review comes back with them.
                        pendingReview =
                                shown.review() == null ? null : new PendingReview(shown.dataset(), shown.review());
                        useMapped(shown.dataset(), shown.mapping());
                    }
                    lowerPane.set(LowerPane.RESULTS);
                    status.set("Showing run " + runId + " in the results.");
                });
    }

    /** Puts a stored run's results on the table's rows; a draft shows just its rows, as it did when it ran. */
    private void showStored(ProjectSession.ShownRun shown) {
        if (!shown.draftRows().isEmpty()) {
            results.startDraft(shown.draftRows());
        }
        results.finish(shown.rows(), shown.metrics());
    }

    /** The run the workbench would start now, for the estimate; null when something would keep it from starting. */
    private RunEstimator.Next nextRun() {
        Dataset rows = dataset.get();
        if (rows == null
                || !prompts.problems().isEmpty()
                || !mapping().problemsWith(rows).isEmpty()) {
            return null;
        }
        ProviderSettings settings = choice.selected();
        return new RunEstimator.Next(
                spec(
                        rows,
                        mapping(),
                        prompts.prompts(),
                        settings.profile("http://estimate.invalid/v1"),
                        results.dataset() == rows ? results.examples() : List.of()),
                settings);
    }

    /** Reads the user's saved provider profiles in the background; the presets stay if there are none. */
    public void loadSavedProviders(ProviderSettingsStore store) {
        executor.submit(store::load).whenComplete((loaded, failure) -> {
            if (failure != null) {
                status.set(messageOf(failure));
                return;
            }
            if (loaded.problem() != null) {
                status.set(loaded.problem());
            }
            if (!run.runningProperty().get()) {
                choice.useSaved(loaded.providers());
            }
        });
    }

    /** The provider the settings dialog hands over: it replaces the profile of the same name and is selected. */
    public void useProviderSettings(ProviderSettings settings) {
        if (busy("changing the provider")) {
            return;
        }
        choice.use(settings);
        status.set("Runs now go to " + settings.name() + ".");
    }

    /** The offline server's URL, starting it if needed; for the settings dialog's test. Call off the FX thread. */
    public String offlineUrl() throws ChatFailure {
        return launcher.offlineUrl();
    }

    /** A dialog for importing a file; whatever it imports replaces the current dataset. */
    public ImportViewModel newImport() {
        return new ImportViewModel(executor, this::useImported);
    }

    /** True, with a message, when a run keeps the dataset from changing now. */
    public boolean busy(String what) {
        if (switching) {
            status.set("Wait until the project has opened before " + what + ".");
            return true;
        }
        if (run.runningProperty().get() || preparing) {
            status.set("Wait for the run to finish, or cancel it, before " + what + ".");
            return true;
        }
        return false;
    }

    private void useImported(ImportViewModel.Imported imported) {
        if (busy("importing")) {
            return;
        }
        ColumnMapping mapping = imported.mapping();
        moreInputs = mapping.inputColumns().subList(1, mapping.inputColumns().size());
        answerColumn = mapping.answerColumn();
        useDataset(imported.dataset(), mapping.inputColumns().get(0), mapping.truthColumn());
        truthSeparator.set(mapping.truthSeparator());
        status.set("Imported " + imported.file()
                + (mapping.judgeOnly()
                        ? "; judge-only: base answers come from the column " + mapping.answerColumn() + "."
                        : "."));
    }

    /** Starts both stages over every row, unless something would make the run fail. */
    public void startRun() {
        start(null);
    }

    /**
     * Starts both stages on the rows selected in the results table only, in realtime whatever the mode: a draft run
     * to try a prompt on a few rows before paying for all of them. With a project open it is kept as a draft.
     */
    public void tryOnSelection() {
        if (run.runningProperty().get() || preparing) {
            return;
        }
        List<Integer> selection = results.dataset() == dataset.get() ? results.selectedIndices() : List.of();
        if (selection.isEmpty()) {
            run.refuse("Select rows in the results table first (Shift- or Ctrl-click for several), then try them.");
            return;
        }
        start(selection);
    }

    /**
     * Runs again what the last run covered: after a draft only its rows, so retrying a draft's failed rows does not
     * send the whole dataset. Every answer already received comes from the cache.
     */
    public void retryRun() {
        start(lastSelection != null && results.showsDraft() ? lastSelection : null);
    }

    /** A run over every row ({@code selection} null) or a draft over the selected dataset rows. */
    private void start(List<Integer> selection) {
        if (run.runningProperty().get() || preparing) {
            return;
        }
        if (switching) {
            run.refuse("Wait until the project has opened, then run.");
            return;
        }
        Dataset rows = dataset.get();
        List<String> problems = new ArrayList<>();
        if (rows == null) {
            problems.add("Open a dataset first.");
        } else {
            problems.addAll(mapping().problemsWith(rows));
        }
        problems.addAll(prompts.problems());
        if (!problems.isEmpty()) {
            run.refuse("Cannot run: " + problems.get(0));
            return;
        }
        ColumnMapping mapping = mapping();
        ProviderSettings preset = choice.selected();
        boolean batchChosen = choice.modeProperty().get() == RunMode.BATCH && preset.hasBatchApi();
        DraftRun draft = selection == null ? null : new DraftRun(selection.size(), rows.size(), batchChosen);
        Project recordIn = project;
        RunLauncher.Request request = new RunLauncher.Request(
                rows,
                mapping,
                prompts.prompts(),
                preset,
                choice.baseModelProperty().get(),
                choice.judgeModelProperty().get(),
                choice.concurrencyProperty().get(),
                draft == null && batchChosen,
                selection,
                results.dataset() == rows ? results.examples() : List.of(),
                recordIn);
        WorkbenchSetup recorded = setup();
        run.refuse("Connecting to " + preset.name() + "…");
        preparing = true;
        executor.submit(() -> launcher.prepare(request)).whenComplete((prepared, failure) -> {
            preparing = false;
            if (failure != null) {
                run.refuse("Cannot run: " + messageOf(failure));
                return;
            }
            if (prepared.recording() != null && project == recordIn) {
                saved = recorded; // the run has just written this setup into the project
            }
            if (results.dataset() != rows) {
                results.show(rows, mapping);
            }
            lastSelection = selection;
            if (draft != null) {
                results.startDraft(prepared.spec().selection());
                status.set(draft.starting());
            } else {
                results.clearResults();
            }
            String resumed = prepared.resumeNotice(draft != null);
            if (resumed != null) {
                status.set(resumed);
            }
            run.start(
                    listener -> {
                        RunHandle handle = prepared.clients().engine().start(prepared.spec(), listener);
                        // Closed when the run ends however it ends, even after the window has gone.
                        handle.outcome().whenComplete((outcome, error) -> prepared.clients()
                                .close());
                        return handle;
                    },
                    results::apply,
                    outcome -> finished(prepared, draft, outcome));
        });
    }

    /** Shows a run's end and writes it into its project; on the FX thread. */
    private void finished(RunLauncher.Prepared prepared, DraftRun draft, RunOutcome outcome) {
        results.finish(outcome.rows(), outcome.metrics());
        String fromCache = prepared.cacheNotice();
        if (draft != null) {
            status.set(draft.finished(outcome, fromCache));
        } else if (!fromCache.isEmpty()) {
            status.set(fromCache);
        }
        Recording recording = prepared.recording();
        if (recording == null) {
            return;
        }
        launcher.ended(recording);
        // In the project's write queue, so a close queued after it (another project opened, the window closed) waits
        // for the run's end to be written.
        writes.submit("save the run", () -> launcher.finish(recording, outcome)).whenComplete((done, saveFailure) -> {
            if (saveFailure != null) {
                status.set("Could not save the run in the project: " + messageOf(saveFailure));
            }
            if (project == recording.project()) {
                runs.refresh();
                compare.refresh();
            }
        });
    }

    /**
     * Follows the row selected in the results table (null: none): the detail shows it and the prompt preview
     * renders it, with its base answer when it has one.
     */
    public void selectRow(ResultRow row) {
        ResultRow previous = detail.row();
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
        prompts.previewRowProperty().set(row.index());
    }

    public void cancelRun() {
        run.cancel();
    }

    /** Exports the results table as CSV in the background. */
    public void exportResults(Path file) {
        if (results.dataset() == null) {
            status.set("Nothing to export yet.");
            return;
        }
        results.export(file)
                .whenComplete((written, failure) -> status.set(
                        failure == null
                                ? "Exported results to " + written + "."
                                : "Export failed: " + messageOf(failure)));
    }

    /**
     * Stops the offline server and closes the project; called when the window closes. Unsaved setup changes are
     * not saved here: the window asks first (see {@link #unsavedChanges()}), so "Don't save" means it.
     */
    public void shutdown() {
        run.cancel();
        launcher.close();
        if (project != null) {
            Project closing = project;
            project = null;
            writes.queue("close " + closing.file().getFileName(), closing::close);
        }
        writes.awaitAll(10); // every review change reaches the file before the window goes
    }

    /** Writes a review change to the open project, for the rows the table shows; nothing without a project. */
    private void keepInProject(String what, java.util.function.BiConsumer<Project, Dataset> write) {
        Project open = project;
        Dataset rows = results.dataset();
        if (open != null && rows != null) {
            writes.queue(what, () -> write.accept(open, rows));
        }
    }

    /** Shows a dataset read with a mapping kept in the project, label renames included. */
    private void useMapped(Dataset rows, ColumnMapping mapping) {
        moreInputs = mapping.inputColumns().subList(1, mapping.inputColumns().size());
        answerColumn = mapping.answerColumn();
        useDataset(rows, mapping.inputColumns().get(0), mapping.truthColumn(), mapping.labelRenames());
        truthSeparator.set(mapping.truthSeparator());
    }

    private void useDataset(Dataset loaded, String input, String truth) {
        useDataset(loaded, input, truth, Map.of());
    }

    private void useDataset(Dataset loaded, String input, String truth, Map<String, String> renames) {
        if (pendingRun != null && pendingRun.dataset() != loaded) {
            pendingRun = null; // another dataset came first: that run's rows would not fit
            afterPendingRun = () -> {};
        }
        if (pendingReview != null && pendingReview.dataset() != loaded) {
            pendingReview = null;
        }
        if (dataset.get() != loaded) {
            run.forgetFailures(); // "Retry N failed rows" was about the other dataset's rows
            lastSelection = null;
        }
        labels.useForNewDataset(renames);
        labelRenames = Map.copyOf(renames);
        dataset.set(loaded);
        columns.setAll(loaded.columns());
        List<String> truths = new ArrayList<>();
        truths.add(NO_TRUTH);
        truths.addAll(loaded.columns());
        truthChoices.setAll(truths);
        inputColumn.set(input);
        truthColumn.set(truth == null ? NO_TRUTH : truth);
        datasetSummary.set(String.format(
                java.util.Locale.ROOT,
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
        Project open = project;
        if (open != null && saved != null && dataset.get() == saved.dataset()) {
            ColumnMapping current = mapping();
            writes.queue("keep the label renames", () -> projectSession.keepRenames(open, current));
        }
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
        long generation = remapGeneration.incrementAndGet();
        JudgeScheme scheme = results.scheme();
        executor.submit(() -> new Remapped(
                        LabelCounts.of(rows, mapping), ResultsViewModel.pendingRows(rows, mapping, scheme)))
                .whenComplete((remapped, failure) -> {
                    if (failure != null) {
                        status.set(messageOf(failure));
                        return;
                    }
                    if (generation != remapGeneration.get() || dataset.get() != rows) {
                        return;
                    }
                    labels.show(remapped.counts());
                    prompts.useDataset(rows, mapping, remapped.counts().labelSet());
                    estimator.refresh();
                    if (!run.runningProperty().get() && !preparing) {
                        results.show(rows, mapping, remapped.rows());
                        ProjectSession.ShownRun shown = pendingRun;
                        if (shown != null && shown.dataset() == rows) {
                            pendingRun = null;
                            showStored(shown);
                            Runnable then = afterPendingRun;
                            afterPendingRun = () -> {};
                            then.run();
                        }
                        PendingReview kept = pendingReview;
                        if (kept != null && kept.dataset() == rows) {
                            pendingReview = null; // after the run's rows, so its examples have their answers
                            results.useReview(
                                    kept.review().verdicts(), kept.review().promoted());
                        }
                    }
                });
    }

    /** The run's spec: promoted rows go into the judge prompt and out of the run's metrics. */
    static RunSpec spec(
            Dataset rows,
            ColumnMapping mapping,
            PromptPair pair,
            ProviderProfile profile,
            List<FewShotExample> examples) {
        return RunSpec.of(rows, mapping, pair, profile).withExamples(examples);
    }

    /** The spec a run started now would use, with this provider profile. */
    RunSpec specFor(ProviderProfile profile) {
        return spec(dataset.get(), mapping(), prompts.prompts(), profile, results.examples());
    }

    /** The setup on screen now; the mapping is null while it does not fit the dataset. */
    WorkbenchSetup setup() {
        Dataset rows = dataset.get();
        ColumnMapping mapping = rows == null || !mapping().problemsWith(rows).isEmpty() ? null : mapping();
        return new WorkbenchSetup(
                rows,
                mapping,
                prompts.baseTextProperty().get(),
                prompts.judgeTextProperty().get(),
                choice.selected().name(),
                choice.baseModelProperty().get(),
                choice.judgeModelProperty().get());
    }

    ColumnMapping mapping() {
        String truth = truthColumn.get();
        List<String> inputs = new ArrayList<>();
        if (inputColumn.get() != null) { // null only while a dataset is still being set up
            inputs.add(inputColumn.get());
        }
        moreInputs.stream().filter(c -> !inputs.contains(c)).forEach(inputs::add);
        return new ColumnMapping(
                inputs, NO_TRUTH.equals(truth) ? null : truth, truthSeparator.get(), answerColumn, labelRenames);
    }

    private static String messageOf(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private record Remapped(LabelCounts counts, List<ResultRow> rows) {}

    /** A kept review waiting for its dataset's rows in the table. */
    /** A stored run read for the table, with the table's rows when it is over the dataset on screen. */
    private record ShownWithRows(ProjectSession.ShownRun shown, List<ResultRow> rows, ColumnMapping mapping) {}

    private record PendingReview(Dataset dataset, ProjectSession.KeptReview review) {}
}
