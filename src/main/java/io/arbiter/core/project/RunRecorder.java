package io.arbiter.core.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.run.BatchJob;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.RunRecord;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records runs in a project the same way for the workbench and {@code arbiter run}, so that a run either face left
 * unfinished is continued by the other: saves the configuration a run starts with, identifies the run by its
 * {@link RunSpecJson spec}, continues the project's latest run when it has that spec and did not complete (or
 * creates one), describes it, marks it running and records how it ended. One instance per process or window: it
 * remembers the runs that ended here. Does file I/O; thread-safe as the project is.
 */
public final class RunRecorder {

    /** The offline demo's provider identity, and its base URL in a project: its server's port is gone with it. */
    public static final String OFFLINE = "offline";

    /** Run options a headless {@code run --project} reads back: how whole runs go. */
    public static final String MODE = "mode";

    public static final String CONCURRENCY = "concurrency";

    /** Batch statuses after which a provider changes nothing, and the ledger's own "collected". */
    private static final Set<String> SETTLED =
            Set.of("completed", "failed", "expired", "cancelled", BatchJob.COLLECTED);

    /**
     * Runs that ended in this process: Run again after one is a new run, answered from the cache. A cancelled run is
     * not among them: Cancel then Run continues it, as another process would.
     */
    private final Set<Long> endedHere = ConcurrentHashMap.newKeySet();

    /**
     * Saves what a run starts with as the project's configuration, so {@code run --project P} alone repeats it: the
     * dataset copy (made current), the mapping, the prompts as a version, the provider without a key (the offline
     * demo by name), and, for a whole run, its mode and concurrency among the run options (the others are kept).
     */
    public void saveConfiguration(Project project, RunStart start) {
        RunSpec spec = start.spec();
        String sha = start.datasetSha256();
        if (project.store().dataset(sha).isEmpty()) {
            project.copyDataset(spec.dataset(), start.datasetSource(), sha);
        }
        project.useDataset(sha);
        project.saveMapping(spec.mapping());
        project.saveScheme(spec.scheme());
        project.saveSecondBase(spec.secondBase());
        project.savePanel(spec.panel());
        project.savePrompts(spec.prompts().base().text(), spec.prompts().judge().text());
        project.saveProvider(kept(spec.provider(), start.providerIdentity()));
        if (!spec.selected()) { // a draft is always realtime: how whole runs go stays for re-runs
            ObjectNode options =
                    project.runOptions() instanceof ObjectNode o ? o.deepCopy() : ProjectJson.MAPPER.createObjectNode();
            options.put(MODE, start.mode().id());
            options.put(CONCURRENCY, spec.provider().concurrency());
            project.saveRunOptions(options);
        }
    }

    /** The profile a project keeps: the offline demo as {@value #OFFLINE}, since its server's port is gone with it. */
    static ProviderProfile kept(ProviderProfile profile, String providerIdentity) {
        return !OFFLINE.equals(providerIdentity)
                ? profile
                : new ProviderProfile(
                        profile.name(),
                        OFFLINE,
                        null,
                        profile.baseModel(),
                        profile.judgeModel(),
                        profile.temperature(),
                        profile.maxTokens(),
                        profile.concurrency(),
                        null,
                        profile.prices(),
                        profile.timeouts(),
                        profile.structuredOutput());
    }

    /**
     * Starts recording a run: saves its configuration, continues the project's unfinished run of this spec or
     * creates one, describes it (prompts, models, parameters, mapping, dataset, mode) and marks it running.
     */
    public Recording begin(Project project, RunStart start) {
        saveConfiguration(project, start);
        Recording found = runFor(project, start);
        int live = found.resumed() ? liveBatches(project, found.runId()) : 0;
        // A run resumed with live batches keeps going as a batch run: those answers are already paid for.
        RunMode mode = live > 0 ? RunMode.BATCH : start.mode();
        project.describeRun(found.runId(), start.spec(), start.datasetSha256(), mode.id());
        project.store().updateRunStatus(found.runId(), "RUNNING");
        return new Recording(project, found.runId(), found.ledger(), found.resumedFrom(), live, mode);
    }

    /**
     * The run of this spec to record into without starting it (e.g. answers imported from a batch file): the
     * project's unfinished run of the spec, else a new one. Writes nothing else.
     */
    public Recording runFor(Project project, RunStart start) {
        String specJson = RunSpecJson.of(start);
        Optional<RunRecord> unfinished = unfinished(project, specJson);
        long runId = unfinished.map(RunRecord::id).orElseGet(() -> project.store()
                .createRun(specJson, ArbiterBuild.current().recorded()));
        return new Recording(
                project,
                runId,
                new ProjectRunLedger(project.store(), runId),
                unfinished.map(RunRecord::status).orElse(null),
                0,
                start.mode());
    }

    /**
     * The project's latest run, when it is of exactly this spec, did not complete (a window closed, a process was
     * killed or stopped, a run was cancelled) and did not end in this process unless cancelled; continuing it keeps
     * its answered rows and its batches. Only the latest: a run left behind by newer ones is history, not work in progress.
     */
    public Optional<RunRecord> unfinished(Project project, String specJson) {
        List<RunRecord> runs = project.store().runRecords();
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        RunRecord latest = runs.get(runs.size() - 1);
        boolean open = latest.specJson().equals(specJson)
                && !latest.status().equals(RunOutcome.Status.COMPLETED.name())
                && !endedHere.contains(latest.id());
        return open ? Optional.of(latest) : Optional.empty();
    }

    /** How many of a run's batches were submitted and not yet settled. */
    public static int liveBatches(Project project, long runId) {
        return (int) project.store().shards(runId).stream()
                .filter(s -> s.batchId() != null && !SETTLED.contains(s.status()))
                .count();
    }

    /**
     * Marks the run as ended here with {@code status}, at once, before its end is written: Run again meanwhile (its
     * end may still be in a write queue) starts a new run, answered from the cache as far as this one got. A
     * cancelled run stays open: Run again continues it.
     */
    public void ended(Recording recording, RunOutcome.Status status) {
        if (status == RunOutcome.Status.CANCELLED) {
            endedHere.remove(recording.runId());
        } else {
            endedHere.add(recording.runId());
        }
    }

    /** Records how the run ended, with its figures and cost; the run counts as ended here unless cancelled. */
    public JudgeReport finish(Recording recording, RunOutcome outcome) {
        ended(recording, outcome.status());
        return recording.project().finishRun(recording.runId(), outcome);
    }
}
