package io.arbiter.ui.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.project.RunRecorder;
import io.arbiter.core.project.RunStart;
import io.arbiter.core.project.WorkedExamples;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JudgeSetup;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowScope;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.store.Opening;
import io.arbiter.core.store.ProjectDamagedException;
import io.arbiter.core.store.ProjectFileException;
import io.arbiter.core.store.ProjectInUseException;
import io.arbiter.core.store.ProjectReadOnlyException;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.core.store.RunRecord;
import io.arbiter.ui.common.LatestOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the workbench reads from and writes to an open project file: the configuration it restores, and each run it
 * records. Every method does file I/O, so call them off the FX thread. Over 300 lines because it is the one place the
 * workbench touches a project file, and the records it hands the FX side are declared with it.
 */
final class WorkbenchProject {

    static final String PROVIDER_NAME = "workbench_provider";
    static final String DATASET_SHA = "workbench_dataset_sha256";
    /** Run options a headless {@code run --project} reads too. */
    static final String MODE = RunRecorder.MODE;

    static final String CONCURRENCY = RunRecorder.CONCURRENCY;
    /** The offline demo's base URL in a project, as {@code arbiter run} writes and reads it. */
    static final String OFFLINE = RunRecorder.OFFLINE;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Records this window's runs; only a run left unfinished by a window that closed or died is continued. */
    private final RunRecorder recorder = new RunRecorder();

    /** The dataset hashes already copied in, so a second run on the same rows hashes nothing. */
    private final Map<Dataset, String> copied = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * A run shown from the project: its rows and the figures over them; {@code draftRows} are the rows a draft
     * covered (then {@code rows} holds only those), empty for a run over every row. {@code review} is the kept
     * review of the run's dataset when it is not the one on screen, else null. {@code scheme} is how the run graded:
     * its rows are shown that way whatever the setup grades the next run by.
     */
    record ShownRun(
            long runId,
            Dataset dataset,
            ColumnMapping mapping,
            List<RowResult> rows,
            AccuracyCounts metrics,
            List<Integer> draftRows,
            KeptReview review,
            JudgeScheme scheme,
            JudgeSetup judging) {}

    /**
     * The configuration an opened project brings back; fields are null when the project never saved them.
     *
     * @param providerUrl the stored provider's base URL ("offline" for the demo): the profile to pick when none has
     *                    the name, as after {@code arbiter run}, which names a provider by its URL
     * @param notice      what the status line should add, e.g. that the latest run did not finish; null when nothing
     * @param scheme      the grading the project's next run uses; null to keep the workbench's (no dataset to grade)
     * @param secondBase  what answers B in the project's generated pair; null when it has none
     * @param panel       who judges the project's next run: as saved, else as its latest run judged; null when
     *                    neither says (no provider kept)
     */
    record Restored(
            Project project,
            Dataset dataset,
            ColumnMapping mapping,
            JudgeScheme scheme,
            PromptVersion prompts,
            String providerName,
            String providerUrl,
            String baseModel,
            String judgeModel,
            ShownRun latestRun,
            KeptReview review,
            String notice,
            SecondBase secondBase,
            JudgePanel panel) {

        /** A project to switch to with nothing to bring back: the workbench keeps what it shows. */
        static Restored keeping(Project project) {
            return new Restored(project, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** The same, with {@code first} said before the notice it has. */
        Restored withNotice(String first) {
            return new Restored(
                    project,
                    dataset,
                    mapping,
                    scheme,
                    prompts,
                    providerName,
                    providerUrl,
                    baseModel,
                    judgeModel,
                    latestRun,
                    review,
                    WorkbenchProject.notice(first, notice),
                    secondBase,
                    panel);
        }
    }

    /** The human review a project keeps for one dataset: verdicts by row and the promoted rows in promotion order. */
    record KeptReview(Map<Integer, HumanVerdict> verdicts, List<Integer> promoted) {}

    /**
     * A project the window could not open because another process holds it or SQLite finds it damaged, for the dialog
     * that says so; {@code backup} is the one that can replace a damaged file, null when none or not damaged.
     */
    record Refusal(Path file, String message, Path backup) {

        static Optional<Refusal> of(Path file, Throwable failure) {
            Throwable cause = LatestOnly.causeOf(failure);
            if (cause instanceof ProjectDamagedException damaged) {
                return Optional.of(
                        new Refusal(file, damaged.getMessage(), damaged.backup().orElse(null)));
            }
            if (cause instanceof ProjectInUseException inUse) {
                return Optional.of(new Refusal(
                        file,
                        inUse.getMessage() + " It was not opened; the project you had "
                                + "stays open. Close it in the other window (or wait until its run ends), then open it again.",
                        null));
            }
            return Optional.empty();
        }
    }

    /** What Save writes: the setup, the provider profile without a key, who judges, and how runs go. */
    record Saving(WorkbenchSetup setup, ProviderProfile provider, JudgePanel panel, String mode, int concurrency) {}

    /** Whether a project's folder can be written; tests replace it, as root writes through permission bits. */
    private volatile Predicate<Path> writable = Opening::systemWritable;

    void writableWhen(Predicate<Path> test) {
        writable = test;
    }

    /**
     * Opens a project for this window to write into, one process at a time (refused at once while another holds
     * it); in a read-only folder or on read-only media it opens for reading. Notices (a lock taken over from a killed
     * process) go to {@code notices}.
     */
    Project open(Path file, Consumer<String> notices) throws ProjectFileException {
        try {
            return Project.open(
                    file,
                    Opening.forWriting("the workbench").writableWhen(writable).notifying(notices));
        } catch (ProjectReadOnlyException e) {
            return Project.open(file, Opening.forReading().writableWhen(writable));
        }
    }

    Restored restore(Project project) {
        JsonNode options = project.runOptions();
        // The project's current dataset; files from before it was kept name the workbench's in the run options.
        String sha =
                project.currentDatasetSha().orElse(options.path(DATASET_SHA).asText(null));
        Optional<Dataset> dataset = sha == null ? Optional.empty() : project.dataset(sha);
        if (dataset.isEmpty()) {
            dataset = project.dataset();
            sha = project.datasetInfo().map(d -> d.sha256()).orElse(null);
        }
        if (dataset.isPresent() && sha != null) {
            copied.put(dataset.get(), sha);
        }
        var provider = project.provider();
        // The run arbiter run --project takes its worked examples' rows from, so both judge with one prompt.
        java.util.OptionalLong shown = dataset.isPresent() && sha != null
                ? WorkedExamples.shownRun(project, sha)
                : java.util.OptionalLong.empty();
        ShownRun latest = shown.isPresent() ? rowsOf(project, shown.getAsLong(), dataset.get(), null) : null;
        KeptReview review = sha == null ? null : keptReview(project, sha);
        return new Restored(
                project,
                dataset.orElse(null),
                project.mapping().orElse(null),
                // Before schemes were kept, runs graded Correct/Incorrect; no dataset: keep the screen's.
                project.currentScheme().orElse(dataset.isPresent() ? JudgeSchemes.DEFAULT : null),
                project.prompts().orElse(null),
                options.path(PROVIDER_NAME).asText(provider.map(p -> p.name()).orElse(null)),
                provider.map(p -> p.baseUrl()).orElse(null),
                provider.map(p -> p.baseModel()).orElse(null),
                provider.map(p -> p.judgeModel()).orElse(null),
                latest,
                review,
                notice(project.readOnly() ? READ_ONLY : null, UnfinishedRunNotice.of(project)),
                project.secondBase().orElse(null),
                // Saved with the setup; a project from before panels were kept says it through its latest run.
                project.panel()
                        .orElse(
                                latest == null
                                        ? JudgePanel.SINGLE
                                        : latest.judging().panel()));
    }

    static final String READ_ONLY = "It is in a read-only folder or on read-only media, so it opened read-only: runs, "
            + "reviews and Save are not kept in it; copy it to a writable folder to work in it.";

    static String notice(String first, String second) {
        return first == null ? second : second == null ? first : first + " " + second;
    }

    /**
     * Keeps the label renames of {@code current} in the project's mapping; the rest of its stored mapping stays as
     * it is (it changes with a run or Save). Without a stored mapping, {@code current} is kept whole.
     */
    void keepRenames(Project project, ColumnMapping current) {
        project.saveMapping(project.mapping()
                .map(m -> m.withLabelRenames(current.labelRenames()))
                .orElse(current));
    }

    /** Keeps a row's verdict (null: none any more) with the dataset's copy, copying the rows in first if need be. */
    void keepVerdict(Project project, Dataset rows, int row, HumanVerdict verdict) {
        String sha = copy(project, rows);
        if (verdict == null) {
            project.removeVerdict(sha, row);
        } else {
            project.saveVerdict(sha, row, verdict);
        }
    }

    void keepPromotion(Project project, Dataset rows, int row, boolean promoted) {
        project.setPromoted(copy(project, rows), row, promoted);
    }

    /** Keeps a whole review at once, e.g. the one made before the project existed; promotions in their order. */
    void keepReview(Project project, Dataset rows, KeptReview review) {
        String sha = copy(project, rows);
        review.verdicts().forEach((row, verdict) -> project.saveVerdict(sha, row, verdict));
        review.promoted().forEach(row -> project.setPromoted(sha, row, true));
    }

    /** A run's rows over {@code dataset} when the run read it, else over the run's own dataset copy. */
    ShownRun show(Project project, long runId, Dataset current) {
        RunRecord record = project.store()
                .runRecord(runId)
                .orElseThrow(() -> new IllegalArgumentException("The run " + runId + " is no longer in the project."));
        Dataset dataset = current != null
                        && record.datasetSha256() != null
                        && record.datasetSha256().equals(copied.get(current))
                ? current
                : project.dataset(record.datasetSha256() == null ? "" : record.datasetSha256())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "The project has no copy of the dataset run " + runId + " read."));
        copied.put(dataset, record.datasetSha256());
        return rowsOf(project, runId, dataset, dataset == current ? null : keptReview(project, record.datasetSha256()));
    }

    private static ShownRun rowsOf(Project project, long runId, Dataset dataset, KeptReview review) {
        // The run's own mapping: an older run of another dataset may have read other columns.
        ColumnMapping mapping = project.mapping(runId).or(project::mapping).orElse(null);
        RowScope scope = project.scope(runId);
        // A draft shows the rows it tried, as it did when it ran; the others were never sent.
        List<RowResult> rows = project.rows(runId).stream()
                .filter(row -> scope.covers(row.row()))
                .toList();
        return new ShownRun(
                runId,
                dataset,
                mapping,
                rows,
                // Over the rows it covered: the table leaves out the rows promoted now, as Judge analysis does, so a
                // row promoted then and taken back since counts again on every screen.
                AccuracyCounts.of(scope.withExamples(List.of()).measured(rows).stream()
                        .map(RowResult::scored)
                        .toList()),
                scope.covered().stream().sorted().toList(),
                review,
                project.scheme(runId),
                project.judgeSetup(runId));
    }

    private static KeptReview keptReview(Project project, String sha) {
        return new KeptReview(project.verdicts(sha), project.promotedRows(sha));
    }

    /**
     * Saves the setup into the project (dataset copy, mapping, prompts as a version, provider without a key) and
     * how runs go (mode, concurrency), keeping the other run options it holds.
     */
    void saveConfiguration(Project project, Saving saving) {
        WorkbenchSetup setup = saving.setup();
        ObjectNode options = project.runOptions() instanceof ObjectNode o ? o.deepCopy() : MAPPER.createObjectNode();
        options.put(PROVIDER_NAME, setup.providerName());
        if (setup.dataset() != null) {
            String sha = copy(project, setup.dataset());
            project.useDataset(sha);
            options.put(DATASET_SHA, sha);
        }
        options.put(MODE, saving.mode());
        options.put(CONCURRENCY, saving.concurrency());
        if (setup.mapping() != null) {
            project.saveMapping(setup.mapping());
        }
        Optional.ofNullable(setup.scheme()).ifPresent(project::saveScheme);
        project.saveSecondBase(Optional.ofNullable(setup.secondBase()));
        project.savePanel(saving.panel());
        if (setup.baseText() != null && setup.judgeText() != null) {
            project.savePrompts(setup.baseText(), setup.judgeText());
        }
        project.saveProvider(saving.provider());
        project.saveRunOptions(options);
        project.store().backUp(); // each save refreshes the rolling backup beside the file
    }

    private String copy(Project project, Dataset rows) {
        String sha = copied.get(rows);
        if (sha == null) {
            try {
                sha = project.copyDataset(rows).sha256();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not copy the dataset into the project: " + e.getMessage(), e);
            }
            copied.put(rows, sha);
        } else if (project.dataset(sha).isEmpty()) {
            project.copyDataset(
                    rows, rows.source() == null ? null : rows.source().toString(), sha);
        }
        return sha;
    }

    /**
     * Records a run in the project through the core's {@link RunRecorder}, as {@code arbiter run} does: saves the
     * configuration it starts with, continues the project's unfinished run of the same spec or creates one. The
     * provider's name in the top bar is kept too, for the window that opens the project next.
     */
    Recording begin(Project project, RunSpec spec, String providerName, String providerIdentity, RunMode mode) {
        String sha = copy(project, spec.dataset());
        ObjectNode options = project.runOptions() instanceof ObjectNode o ? o.deepCopy() : MAPPER.createObjectNode();
        options.put(PROVIDER_NAME, providerName);
        options.put(DATASET_SHA, sha);
        project.saveRunOptions(options);
        Path source = spec.dataset().source();
        return recorder.begin(
                project,
                new RunStart(
                        spec,
                        sha,
                        source == null
                                ? null
                                : source.toAbsolutePath().normalize().toString(),
                        providerIdentity,
                        mode));
    }

    /** Marks the run as ended in this window, at once and on the FX thread, before its end is written. */
    void ended(Recording recording, RunOutcome.Status status) {
        recorder.ended(recording, status);
    }

    void finish(Recording recording, RunOutcome outcome) {
        recorder.finish(recording, outcome);
    }
}
