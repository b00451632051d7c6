package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JudgeSetup;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RunHandle;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import io.arbiter.ui.progress.ProgressViewModel;
import io.arbiter.ui.prompts.PromptsViewModel;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.results.ResultsViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Run, Try on selection, Retry and Cancel: checks the setup on screen, has the {@link RunLauncher} connect and record the run
 * off the FX thread, starts it in the run pane and writes its end into its project. A second Run while one is being
 * prepared or running is ignored. FX thread. (Just past 300 lines: a pair's second base configuration goes into
 * each of the four commands' specs.)
 */
public final class RunCommands {

    private final TaskExecutor executor;
    private final Consumer<String> status;
    private final ProgressViewModel run;
    private final ResultsViewModel results;
    private final PromptsViewModel prompts;
    private final ProviderChoice choice;
    private final DatasetSetup data;
    private final ProjectLifecycle projects;
    /** Told when a run's end has been written into the open project. */
    private final Runnable recorded;
    /** Told who judges a run as it starts, so Judge analysis names its jurors. */
    private final Consumer<JudgeSetup> judging;
    /** Connects, records and builds a run's clients, the way {@code arbiter run} does. */
    private final RunLauncher launcher;

    /** True from Run until the provider is connected; a second Run meanwhile is ignored. */
    private boolean preparing;
    /** The rows the last run started covered; null for every row. Retrying failed rows repeats the same kind. */
    private List<Integer> lastSelection;
    /** The write of the last run's end: the next run is prepared after it, so a cancelled run it continues is whole. */
    private CompletableFuture<Void> pendingEnd = CompletableFuture.completedFuture(null);

    RunCommands(
            TaskExecutor executor,
            Consumer<String> status,
            ProgressViewModel run,
            ResultsViewModel results,
            PromptsViewModel prompts,
            ProviderChoice choice,
            DatasetSetup data,
            ProjectLifecycle projects,
            Runnable recorded,
            Consumer<JudgeSetup> judging) {
        this.executor = executor;
        this.status = status;
        this.run = run;
        this.results = results;
        this.prompts = prompts;
        this.choice = choice;
        this.data = data;
        this.projects = projects;
        this.recorded = recorded;
        this.judging = judging;
        this.launcher = new RunLauncher(projects.session());
    }

    /** True while a run is being prepared or runs: the dataset, the project and the table must not change. */
    boolean active() {
        return preparing || run.runningProperty().get();
    }

    /** Another dataset is on screen: retrying repeats a whole run. */
    void forgetSelection() {
        lastSelection = null;
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
        if (active()) {
            return;
        }
        List<Integer> selection =
                results.dataset() == data.datasetProperty().get() ? results.selectedIndices() : List.of();
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

    /** The spec a run started now would use, with this provider profile: promoted rows are its worked examples. */
    RunSpec specFor(ProviderProfile profile) {
        return RunLauncher.spec(
                        data.datasetProperty().get(),
                        data.mapping(),
                        prompts.prompts(),
                        profile,
                        prompts.scheme(),
                        secondBase(),
                        results.reviewing().examples(prompts.scheme()))
                .withPanel(choice.panel());
    }

    /** What answers B when the setup generates a pair: prompt B on model B, or on the base model; else null. */
    SecondBase secondBase() {
        return prompts.secondBase().secondBase(choice.baseModelProperty().get()).orElse(null);
    }

    /** The run the workbench would start now, for the estimate; null when something would keep it from starting. */
    RunEstimator.Next nextRun() {
        return nextRunAsShown().get();
    }

    /**
     * {@link #nextRun} in two steps: what it needs is read from the screen now (on the FX thread); the step returned
     * builds the spec, which reads every row of the dataset, wherever it is called.
     */
    Supplier<RunEstimator.Next> nextRunAsShown() {
        Dataset rows = data.datasetProperty().get();
        if (rows == null || !prompts.problems().isEmpty()) {
            return () -> null;
        }
        ColumnMapping mapping = data.mapping();
        PromptPair pair = prompts.prompts();
        // The profile a run would record, with the models on screen: its base URL is the cache's identity.
        ProviderProfile profile = choice.keptProfile();
        JudgeScheme scheme = prompts.scheme();
        SecondBase second = secondBase();
        List<FewShotExample> examples = examplesFor(rows);
        JudgePanel panel = choice.panel(); // a jury's every vote is paid for
        ProviderSettings settings = choice.selected();
        ResponseCache cache = launcher.cacheFor(projects.project());
        boolean batch = choice.modeProperty().get() == RunMode.BATCH && settings.hasBatchApi();
        return () -> {
            if (!mapping.problemsWith(rows).isEmpty()) {
                return null;
            }
            try {
                RunSpec spec = RunLauncher.spec(rows, mapping, pair, profile, scheme, second, examples);
                return new RunEstimator.Next(spec.withPanel(panel), settings, cache, batch);
            } catch (IllegalArgumentException e) {
                return null; // a pair without its second answer: Run says what is missing
            }
        };
    }

    /** The offline server's URL, starting it if needed. Call off the FX thread. */
    public String offlineUrl() throws ChatFailure {
        return launcher.offlineUrl();
    }

    /** Cancels the run in progress, if any; the rows answered so far stay. */
    public void cancel() {
        run.cancel();
    }

    /** Cancels the run and stops the offline server: the window is going. */
    void close() {
        run.cancel();
        launcher.close();
    }

    /** The worked examples promoted in the table, when it shows {@code rows}. */
    private List<FewShotExample> examplesFor(Dataset rows) {
        return results.dataset() == rows ? results.reviewing().examples(prompts.scheme()) : List.of();
    }

    /** A run over every row ({@code selection} null) or a draft over the selected dataset rows. */
    private void start(List<Integer> selection) {
        if (active()) {
            return;
        }
        if (projects.switching()) {
            run.refuse("Wait until the project has opened, then run.");
            return;
        }
        Dataset rows = data.datasetProperty().get();
        List<String> problems = new ArrayList<>();
        if (rows == null) {
            problems.add("Open a dataset first.");
        } else {
            problems.addAll(data.mapping().problemsWith(rows));
            if (problems.isEmpty()) { // a human score or verdict no one can read would silently not count
                problems.addAll(new RowRatings(prompts.scheme(), rows, data.mapping()).problems());
            }
        }
        problems.addAll(prompts.problems());
        if (problems.isEmpty() && prompts.scheme().pairs()) { // a pair needs both answers before anything is sent
            problems.addAll(pairProblems(rows));
        }
        if (!problems.isEmpty()) {
            run.refuse("Cannot run: " + problems.get(0));
            return;
        }
        ColumnMapping mapping = data.mapping();
        ProviderSettings preset = choice.selected();
        boolean batchChosen = choice.modeProperty().get() == RunMode.BATCH && preset.hasBatchApi();
        DraftStatus draft = selection == null ? null : new DraftStatus(selection.size(), rows.size(), batchChosen);
        Project recordIn = projects.project();
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
                examplesFor(rows),
                recordIn,
                prompts.scheme(),
                secondBase(),
                choice.panel());
        WorkbenchSetup setup = projects.setup();
        run.refuse("Connecting to " + preset.name() + "…");
        preparing = true;
        pendingEnd
                .handle((done, failure) -> null)
                .thenCompose(ignored -> executor.submit(() -> launcher.prepare(request)))
                .whenComplete((prepared, failure) -> {
                    preparing = false;
                    if (failure != null) {
                        run.refuse("Cannot run: " + LatestOnly.messageOf(failure));
                        return;
                    }
                    if (prepared.recording() != null) {
                        projects.recorded(recordIn, setup); // the run has just written this setup into the project
                    }
                    if (results.dataset() != rows) {
                        results.show(rows, mapping, ResultsTableRow.pending(rows, mapping, prompts.scheme()));
                    } else {
                        results.useScheme(prompts.scheme()); // a run shown before may have graded otherwise
                    }
                    lastSelection = selection;
                    if (draft != null) {
                        results.startDraft(prepared.spec().selection());
                        status.accept(draft.starting());
                    } else {
                        results.clearResults();
                    }
                    String resumed = prepared.resumeNotice(draft != null);
                    if (resumed != null) {
                        status.accept(resumed);
                    }
                    run.nameStages(
                            prepared.spec().stages(), prepared.spec().mapping().judgeOnly());
                    judging.accept(prepared.judgeSetup());
                    results.heading()
                            .started(
                                    prepared.recording() == null
                                            ? null
                                            : prepared.recording().runId(),
                                    draft != null,
                                    draft != null ? prepared.spec().selection().size() : rows.size(),
                                    prepared.judgeSetup());
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

    /** What keeps a pairwise setup from having two answers per row, in the workbench's words; empty when nothing. */
    private List<String> pairProblems(Dataset rows) {
        try {
            specFor(choice.selected().profile("http://check.invalid/v1"));
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(
                    data.mapping().judgeOnly()
                            ? "Choose the column holding answer B (File > Import dataset…, grading Pairwise)."
                            : "Answer B needs a model: set model B in the \"Base prompt B\" tab, or a base model.");
        }
    }

    /** Shows a run's end and writes it into its project; on the FX thread. */
    private void finished(RunLauncher.Prepared prepared, DraftStatus draft, RunOutcome outcome) {
        results.finish(outcome.rows(), outcome.metrics());
        results.heading().ended(outcome.status());
        String fromCache = prepared.cacheNotice();
        if (draft != null) {
            status.accept(draft.finished(outcome, fromCache));
        } else { // the line said what came before the run (e.g. the dataset opened): it says how the run ended now
            String ended = run.messageProperty().get(); // how the run bar put it, a moment ago
            status.accept(fromCache.isEmpty() ? ended : ended + " " + fromCache);
        }
        Recording recording = prepared.recording();
        if (recording == null) {
            return;
        }
        launcher.ended(recording, outcome.status());
        // In the project's write queue, so a close queued after it (another project opened, the window closed) waits
        // for the run's end to be written.
        pendingEnd = projects.writes().submit("save the run", () -> launcher.finish(recording, outcome));
        pendingEnd.whenComplete((done, saveFailure) -> {
            if (saveFailure != null) {
                status.accept("Could not save the run in the project: " + LatestOnly.messageOf(saveFailure));
            }
            if (projects.project() == recording.project()) {
                recorded.run();
            }
        });
    }
}
