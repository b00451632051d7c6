package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.InMemoryResponseCache;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.RateLimiter;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.project.RunClients;
import io.arbiter.core.project.RunRecorder;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.InMemoryRunLedger;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JudgeSetup;
import io.arbiter.core.run.JurorProvider;
import io.arbiter.core.run.RunLedger;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.JudgeScheme;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes a run the workbench starts ready to go, off the FX thread, on the same core path {@code arbiter run} takes:
 * connects the provider (starting the offline demo when needed), checks the key, records the run in the open
 * project with {@link RunRecorder} (through the {@link WorkbenchProject}) and builds its {@link RunClients}. Without a
 * project, answers are kept in this session's memory, and so are a batch run's jobs while its spec stays the same,
 * so Run again after a failure or cancel polls the batches still live and keeps the rows already answered.
 */
final class RunLauncher implements AutoCloseable {

    /**
     * A run as the screen has it set up, read on the FX thread.
     *
     * @param selection the rows of a draft run, null for every row
     * @param examples  the worked examples promoted in the table
     * @param recordIn  the open project the run is recorded in; null for none
     * @param scheme    how the judge grades, as the prompts are written for
     * @param secondBase what answers B in a generated pair; null otherwise
     */
    record Request(
            Dataset rows,
            ColumnMapping mapping,
            PromptPair prompts,
            ProviderSettings preset,
            String baseModel,
            String judgeModel,
            int concurrency,
            boolean batch,
            List<Integer> selection,
            List<FewShotExample> examples,
            Project recordIn,
            JudgeScheme scheme,
            SecondBase secondBase,
            JudgePanel panel) {}

    /** A run ready to start: its spec, its clients (close them when it has ended) and its recording, or null. */
    record Prepared(RunSpec spec, RunClients clients, Recording recording) {

        /** Who judges and at what price: a batch run's jurors at the Batch API's share of their own prices. */
        JudgeSetup judgeSetup() {
            JudgeSetup setup = JudgeSetup.of(spec);
            return clients.batch() ? setup.inBatch() : setup;
        }

        /** What the status line says when this continues an unfinished run; null for a new run. */
        String resumeNotice(boolean draft) {
            if (recording == null || !recording.resumed()) {
                return null;
            }
            return "Continuing " + (draft ? "draft " : "") + "run " + recording.runId() + ": its answered rows are kept"
                    + (recording.liveBatches() > 0
                            ? " and its " + recording.liveBatches() + " live batches are polled, not sent again."
                            : "; only the rest is sent.");
        }

        /** Says how many answers came from the cache when any did; empty otherwise. */
        String cacheNotice() {
            long hits = clients.cacheHits();
            return hits == 0
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "%,d answers came from this %s's cache; %,d requests " + "were sent.",
                            hits,
                            recording == null ? "session" : "project",
                            clients.cacheMisses());
        }
    }

    private final ProviderConnector connector = new ProviderConnector();
    private final WorkbenchProject workbenchProject;
    /** Every answer received in this session without a project, by request: nothing paid for is asked again. */
    private final ResponseCache sessionCache = new InMemoryResponseCache();

    private SessionBatches sessionBatches;

    RunLauncher(WorkbenchProject workbenchProject) {
        this.workbenchProject = workbenchProject;
    }

    /** Connects, checks and records; may start a server and writes the project: call off the FX thread. */
    Prepared prepare(Request request) throws ChatFailure {
        ProviderSettings preset = request.preset();
        ProviderProfile profile =
                connector.profile(preset, request.baseModel(), request.judgeModel(), request.concurrency());
        // The key first: a missing key, or a pasted key where its variable's name belongs, stops here, before
        // the run or its profile is written into the project.
        ApiKeys.system().keyFor(profile);
        checkJurors(request.panel(), request.batch());
        RunSpec whole = spec(
                        request.rows(),
                        request.mapping(),
                        request.prompts(),
                        profile,
                        request.scheme(),
                        request.secondBase(),
                        request.examples())
                .withPanel(request.panel());
        RunSpec spec = request.selection() == null ? whole : whole.withSelection(request.selection());
        String identity = preset.offline() ? RunRecorder.OFFLINE : profile.baseUrl();
        RunMode mode = request.batch() ? RunMode.BATCH : RunMode.REALTIME;
        // With a project open the run is recorded in it as it goes, and its stored answers are the cache.
        Recording recording = request.recordIn() == null
                ? null
                : workbenchProject.begin(request.recordIn(), spec, preset.name(), identity, mode);
        ResponseCache cache = cacheFor(recording == null ? null : recording.project());
        if (recording != null ? !recording.batch() : !request.batch()) {
            RateLimiter limits = preset.requestsPerMinute() > 0 || preset.tokensPerMinute() > 0
                    ? new RateLimiter(preset.requestsPerMinute(), preset.tokensPerMinute())
                    : null;
            return new Prepared(
                    spec,
                    RunClients.realtime(
                            profile,
                            identity,
                            cache,
                            limits,
                            recording == null ? RunLedger.NONE : recording.ledger(),
                            spec.panel()),
                    recording);
        }
        java.time.Duration poll = RunClients.pollInterval(profile.baseUrl());
        if (recording != null) {
            return new Prepared(
                    spec,
                    RunClients.batch(
                            profile,
                            identity,
                            cache,
                            new RunClients.Batches(
                                    recording.ledger(),
                                    recording.runId(),
                                    recording.project().file(),
                                    poll,
                                    null),
                            recording.ledger(),
                            spec.panel()),
                    recording);
        }
        SessionBatches kept = sessionBatches(spec);
        return new Prepared(
                spec,
                RunClients.batch(
                        profile,
                        identity,
                        cache,
                        new RunClients.Batches(kept.ledger(), kept.runId(), null, poll, null),
                        kept.ledger(),
                        spec.panel()),
                null);
    }

    /**
     * Jurors named {@code model@profile} need a saved profile of that name with a key that can be read, and in a
     * batch run one with a Batch API, where their votes are sent; said before anything is recorded or sent, naming the
     * juror's profile.
     */
    private static void checkJurors(JudgePanel panel, boolean batch) throws ChatFailure {
        for (String name : panel.profileNames()) {
            JurorProvider own = panel.providers().get(name);
            if (own == null) {
                throw new ChatFailure(
                        "A juror in Also judged by names the provider '" + name + "', which is not among the saved"
                                + " providers (the offline demo judges only as the run's own provider).",
                        true,
                        null);
            }
            try {
                ApiKeys.system().keyFor(own.profile());
            } catch (ChatFailure e) {
                throw new ChatFailure("A juror on " + name + " cannot be asked: " + e.getMessage(), true, null);
            }
        }
        if (batch) {
            Optional<String> juror = panel.jurorWithoutBatchApi();
            if (juror.isPresent()) {
                throw new ChatFailure(
                        "The juror " + juror.get() + " is on " + JudgePanel.profileOf(juror.get()) + ", which has no"
                                + " Batch API, so its votes cannot go in a batch: choose Realtime, or put the juror"
                                + " on a provider that has one.",
                        true,
                        null);
            }
        }
    }

    /**
     * A run over every row, graded by {@code scheme}, with {@code second} answering B in a generated pair (null
     * otherwise): built whole, as a pairwise spec refuses to exist without its second answer.
     *
     * @throws IllegalArgumentException when a pairwise setup lacks its second answer, saying what is missing
     */
    static RunSpec spec(
            Dataset rows,
            ColumnMapping mapping,
            PromptPair prompts,
            ProviderProfile profile,
            JudgeScheme scheme,
            SecondBase second,
            List<FewShotExample> examples) {
        RunSpec plain = RunSpec.of(rows, mapping, prompts, profile);
        return new RunSpec(rows, mapping, plain.labels(), prompts, profile, examples, List.of(), scheme, second);
    }

    /** A batch run's jobs and answers kept in memory without a project, under a run id for its custom_ids. */
    private record SessionBatches(RunSpec spec, InMemoryRunLedger ledger, long runId) {}

    /** The session's batch ledger, kept while the spec stays the same; a new spec starts afresh. */
    private synchronized SessionBatches sessionBatches(RunSpec spec) {
        if (sessionBatches == null || !spec.equals(sessionBatches.spec())) {
            sessionBatches = new SessionBatches(spec, new InMemoryRunLedger(), System.currentTimeMillis());
        }
        return sessionBatches;
    }

    /** The answers a run recorded in {@code project} (null: none) is served from: its store, else this window's. */
    ResponseCache cacheFor(Project project) {
        return project == null ? sessionCache : project.store();
    }

    /** Marks the run as ended in this window, at once, before its end is written. */
    void ended(Recording recording, RunOutcome.Status status) {
        workbenchProject.ended(recording, status);
    }

    /** Writes how the run ended into its project. */
    void finish(Recording recording, RunOutcome outcome) {
        workbenchProject.finish(recording, outcome);
    }

    /** The offline server's URL, starting it if needed. Call off the FX thread. */
    String offlineUrl() {
        return connector.offlineUrl();
    }

    /** Stops the offline server. */
    @Override
    public void close() {
        connector.close();
    }
}
