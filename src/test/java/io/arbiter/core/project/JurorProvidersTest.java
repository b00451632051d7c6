package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.BatchSharder;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.llm.Sleeper;
import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.BatchJob;
import io.arbiter.core.run.BatchRoutes;
import io.arbiter.core.run.BatchStageRunner;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JudgeReliability;
import io.arbiter.core.run.JudgeSetup;
import io.arbiter.core.run.JurorProvider;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageRequests;
import io.arbiter.core.store.BatchShard;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.offline.BatchPace;
import io.arbiter.offline.OfflineServer;
import io.arbiter.offline.ServerCounters.BatchCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jurors on two providers, each an embedded offline server of its own: every vote goes to its juror's server (counted
 * there), the same model on both is two cache entries and two requests, and a resumed or repeated run sends nothing;
 * in batch mode each juror's votes are a batch uploaded, created, polled and read at its own server, and a resumed
 * run polls each batch where it was sent.
 */
class JurorProvidersTest {

    private static final int ROWS = 12;
    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    Path dir;

    @Test
    void eachVoteGoesToItsJurorsProviderAndTheSameModelOnTwoProvidersIsTwoAnswers() throws Exception {
        try (OfflineServer first = OfflineServer.start(0);
                OfflineServer second = OfflineServer.start(0);
                ProjectStore store = ProjectStore.open(dir.resolve("two.arbiter"))) {
            // The run's judge, the same model on the second server, and another model on the run's own.
            RunSpec spec = jury(first, second, "offline-demo-judge@second", "offline-demo-judge-2");
            JudgePanel panel = spec.panel();
            ProjectRunLedger ledger = new ProjectRunLedger(store, store.createRun("{}"));

            RunOutcome outcome = run(spec, store, ledger);

            assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
            for (RowResult row : outcome.rows()) {
                for (Stage vote : panel.votes()) {
                    assertTrue(row.outcome(vote).answered(), "row " + row.row() + " " + vote.name());
                }
            }
            // Worked out: the first server answers every base request and jurors 1 and 3; the second, juror 2.
            assertEquals(3L * ROWS, first.counters().chatAnswers());
            assertEquals(ROWS, second.counters().chatAnswers(), "the same model there was not served from the cache");
            StageRequests requests = new StageRequests(spec);
            String answer = outcome.rows().get(0).base().text();
            assertNotEquals(
                    RequestKey.of(first.baseUrl().toString(), requests.judge(Stage.JUDGE, 0, answer)),
                    RequestKey.of(first.baseUrl().toString(), requests.judge(Stage.vote(1, 0), 0, answer)),
                    "a juror's provider is part of its request key");

            RunOutcome resumed = run(spec, store, ledger);
            RunOutcome again = run(spec, store, new ProjectRunLedger(store, store.createRun("{}")));

            assertEquals(RunOutcome.Status.COMPLETED, resumed.status());
            assertEquals(RunOutcome.Status.COMPLETED, again.status());
            assertEquals(3L * ROWS, first.counters().chatAnswers(), "resumed and re-run from the ledger and cache");
            assertEquals(ROWS, second.counters().chatAnswers());
            for (Stage vote : panel.votes()) { // the cache gave each juror its own answer back
                assertEquals(
                        outcome.rows().get(3).outcome(vote).text(),
                        again.rows().get(3).outcome(vote).text(),
                        vote.name());
                assertTrue(again.rows().get(3).outcome(vote).fromCache(), vote.name());
            }
        }
    }

    @Test
    void aJurorOnAnotherProviderIsPricedThereLiveAndStored() throws Exception {
        TokenPrices runs = new TokenPrices(0.15, 0.60, 2.50, 10.00);
        TokenPrices seconds = new TokenPrices(null, null, 0.20, 0.80);
        try (OfflineServer first = OfflineServer.start(0);
                OfflineServer second = OfflineServer.start(0);
                Project project = Project.open(dir.resolve("priced.arbiter"))) {
            RunSpec plain = jury(first, second, "offline-demo-judge@second");
            JurorProvider other = profile("second", second);
            RunSpec spec = new RunSpec(
                    plain.dataset(),
                    plain.mapping(),
                    plain.labels(),
                    plain.prompts(),
                    plain.provider().withPrices(runs),
                    List.of(),
                    List.of(),
                    plain.scheme(),
                    null,
                    plain.panel()
                            .withProviders(Map.of(
                                    "second",
                                    new JurorProvider("second", other.profile().withPrices(seconds), 0, 0, true))));
            RunRecorder recorder = new RunRecorder();
            String identity = first.baseUrl().toString();
            Recording recording =
                    recorder.begin(project, new RunStart(spec, "priced", null, identity, RunMode.REALTIME));
            RunOutcome outcome;
            try (RunClients clients = RunClients.realtime(
                    spec.provider(), identity, project.store(), null, recording.ledger(), spec.panel())) {
                outcome = clients.engine().runToEnd(spec, RunListener.NONE);
            }
            recorder.finish(recording, outcome);

            // Worked out by hand: each stage's tokens at its provider's prices per million, input and output apart.
            Usage base = Usage.NONE;
            Usage judge = Usage.NONE;
            Usage juror = Usage.NONE;
            for (RowResult row : outcome.rows()) {
                base = base.plus(row.outcome(Stage.BASE).usage());
                judge = judge.plus(row.outcome(Stage.JUDGE).usage());
                juror = juror.plus(row.outcome(Stage.vote(1, 0)).usage());
            }
            assertTrue(juror.promptTokens() > 0 && juror.completionTokens() > 0, juror.toString());
            double judgeCost = (judge.promptTokens() * 2.50 + judge.completionTokens() * 10.00) / 1e6;
            double jurorCost = (juror.promptTokens() * 0.20 + juror.completionTokens() * 0.80) / 1e6;
            double runCost =
                    (base.promptTokens() * 0.15 + base.completionTokens() * 0.60) / 1e6 + judgeCost + jurorCost;
            long runId = recording.runId();
            List<RowResult> measured = spec.scope().measured(outcome.rows());
            JudgeReliability live = JudgeReliability.of(
                    JudgeSetup.of(spec), measured, project.ratings(runId).rateAll(measured));
            JudgeReliability stored = project.reliability(runId);

            assertEquals(jurorCost, live.jury().jurors().get(1).cost(), 1e-12, "live");
            assertEquals(jurorCost, stored.jury().jurors().get(1).cost(), 1e-12, "stored");
            assertEquals(
                    jurorCost,
                    project.run(runId)
                            .orElseThrow()
                            .metrics()
                            .path("jurors")
                            .get(1)
                            .path("cost")
                            .asDouble(),
                    1e-12,
                    "in the figures kept when it ended");
            assertEquals(judgeCost, live.jury().jurors().get(0).cost(), 1e-12, "the run's judge, live");
            assertEquals(judgeCost, stored.jury().jurors().get(0).cost(), 1e-12, "the run's judge, stored");
            assertEquals(runCost, project.run(runId).orElseThrow().record().costUsd(), 1e-12, "cost_usd");
        }
    }

    @Test
    void aBatchJurySendsEachJurorsVotesAsABatchOfItsOwnProviderAndARerunSendsNothing() throws Exception {
        try (OfflineServer first = fast();
                OfflineServer second = fast();
                ProjectStore store = ProjectStore.open(dir.resolve("batch.arbiter"))) {
            RunSpec spec = jury(first, second, "offline-demo-judge@second", "offline-demo-judge-2");
            JudgePanel panel = spec.panel();
            long runId = store.createRun("{}");
            ProjectRunLedger ledger = new ProjectRunLedger(store, runId);

            RunOutcome outcome = batch(spec, store, ledger, runId);

            assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
            assertEveryVoteAnswered(outcome, panel);
            // Worked out: the first server gets the base batch, the judge's and juror 3's; the second, juror 2's.
            assertBatches(first, 3, 3L * ROWS);
            assertBatches(second, 1, ROWS);
            assertEquals(0, first.counters().chatAttempts() + second.counters().chatAttempts(), "nothing in realtime");
            assertTrue(second.counters().batchCalls(BatchCall.RETRIEVE) > 0, "juror 2's batch was polled there");
            assertTrue(second.counters().batchCalls(BatchCall.DOWNLOAD) > 0, "and its output read there");
            // The project keeps where each batch went: the juror's provider by its identity, the run's own as null.
            String secondIdentity = second.baseUrl().toString();
            for (BatchShard shard : store.shards(runId)) {
                assertEquals(
                        shard.stage().equals(Stage.vote(1, 0)) ? secondIdentity : null,
                        shard.provider(),
                        shard.stage().name());
            }

            RunOutcome resumed = batch(spec, store, ledger, runId);
            long again = store.createRun("{}");
            RunOutcome rerun = batch(spec, store, new ProjectRunLedger(store, again), again);

            assertEquals(RunOutcome.Status.COMPLETED, resumed.status(), resumed.stopReason());
            assertEquals(RunOutcome.Status.COMPLETED, rerun.status(), rerun.stopReason());
            assertEveryVoteAnswered(rerun, panel);
            assertBatches(first, 3, 3L * ROWS);
            assertBatches(second, 1, ROWS);
            assertEquals(
                    outcome.rows().get(5).outcome(Stage.vote(1, 0)).text(),
                    rerun.rows().get(5).outcome(Stage.vote(1, 0)).text(),
                    "the cache gave juror 2 its own answer back");

            RunOutcome realtime = run(spec, store, new ProjectRunLedger(store, store.createRun("{}")));

            assertEveryVoteAnswered(realtime, panel);
            assertEquals(
                    0,
                    first.counters().chatAttempts() + second.counters().chatAttempts(),
                    "batch answers are the realtime stacks' cache too, a juror's keyed by its own provider");
        }
    }

    @Test
    void aResumedBatchJuryPollsEachBatchAtTheProviderItWasSentTo() throws Exception {
        // Slow phases, so each batch is still open at the first poll, when the "process" dies.
        BatchPace slow = new BatchPace(400, Duration.ofMillis(300));
        Path file = dir.resolve("resumed.arbiter");
        try (OfflineServer first =
                        OfflineServer.builder().port(0).batchPace(slow).start();
                OfflineServer second =
                        OfflineServer.builder().port(0).batchPace(slow).start()) {
            RunSpec spec = jury(first, second, "offline-demo-judge@second");
            JudgePanel panel = spec.panel();
            long runId;
            try (ProjectStore store = ProjectStore.open(file)) {
                runId = store.createRun("{}");
            }

            // Dies polling the judge's batch at the first server, then, resumed, polling juror 2's at the second.
            RunOutcome diedOnJudge = attempt(spec, file, runId, Stage.JUDGE);
            assertEquals(RunOutcome.Status.STOPPED, diedOnJudge.status());
            assertBatches(first, 2, -1);
            RunOutcome diedOnJuror = attempt(spec, file, runId, Stage.vote(1, 0));
            assertEquals(RunOutcome.Status.STOPPED, diedOnJuror.status());
            assertEquals(2, first.counters().batchCalls(BatchCall.CREATE), "the judge's batch was polled, not resent");
            assertEquals(1, second.counters().batchCalls(BatchCall.CREATE));
            long polledThere = second.counters().batchCalls(BatchCall.RETRIEVE);

            RunOutcome finished = attempt(spec, file, runId, null);

            assertEquals(RunOutcome.Status.COMPLETED, finished.status(), finished.stopReason());
            assertEveryVoteAnswered(finished, panel);
            assertBatches(first, 2, 2L * ROWS);
            assertBatches(second, 1, ROWS);
            assertTrue(
                    second.counters().batchCalls(BatchCall.RETRIEVE) > polledThere,
                    "juror 2's batch was polled at its own server after the resume");
            assertEquals(
                    0, first.counters().duplicateAnswers() + second.counters().duplicateAnswers());
        }
    }

    /**
     * One process's attempt at the batch run kept in {@code file}: the project opened afresh and new clients, as a
     * restarted process has; it dies at its first wait on a live batch of {@code dieOn} (null: it lives).
     */
    private RunOutcome attempt(RunSpec spec, Path file, long runId, Stage dieOn) throws Exception {
        try (ProjectStore store = ProjectStore.open(file);
                OpenAiBatchClient own = new OpenAiBatchClient(spec.provider());
                OpenAiBatchClient juror =
                        new OpenAiBatchClient(spec.panel().provider(1).profile())) {
            ProjectRunLedger ledger = new ProjectRunLedger(store, runId);
            Sleeper dies = wait -> {
                if (dieOn != null && ledger.jobs(dieOn).stream().anyMatch(BatchJob::live)) {
                    throw new IllegalStateException("the process died here");
                }
                Sleeper.SYSTEM.sleep(wait);
            };
            BatchStageRunner runner = new BatchStageRunner(
                    new BatchRoutes(own, Map.of(spec.panel().provider(1).identity(), juror)),
                    ledger,
                    runId,
                    store,
                    POLL,
                    dir.resolve("work"),
                    new BatchSharder(),
                    dies);
            return RunEngine.batch(runner, ledger).runToEnd(spec, RunListener.NONE);
        }
    }

    private RunOutcome batch(RunSpec spec, ProjectStore store, ProjectRunLedger ledger, long runId) throws Exception {
        RunClients.Batches batches = new RunClients.Batches(ledger, runId, null, POLL, null);
        try (RunClients clients =
                RunClients.batch(spec.provider(), spec.provider().baseUrl(), store, batches, ledger, spec.panel())) {
            return clients.engine().runToEnd(spec, RunListener.NONE);
        }
    }

    /** The server took {@code batches} uploads and batches, and answered {@code lines} batch lines (-1: any). */
    private static void assertBatches(OfflineServer server, long batches, long lines) {
        assertEquals(batches, server.counters().batchCalls(BatchCall.UPLOAD), "files uploaded to " + server.port());
        assertEquals(batches, server.counters().batchCalls(BatchCall.CREATE), "batches created at " + server.port());
        if (lines >= 0) {
            assertEquals(lines, server.counters().batchLinesProcessed(), "lines answered at " + server.port());
        }
    }

    private static void assertEveryVoteAnswered(RunOutcome outcome, JudgePanel panel) {
        assertEquals(ROWS, outcome.rows().size());
        for (RowResult row : outcome.rows()) {
            for (Stage vote : panel.votes()) {
                assertTrue(row.outcome(vote).answered(), "row " + row.row() + " " + vote.name());
            }
        }
    }

    private static OfflineServer fast() {
        return OfflineServer.builder().port(0).batchPace(BatchPace.FAST).start();
    }

    private static RunOutcome run(RunSpec spec, ProjectStore store, ProjectRunLedger ledger) throws Exception {
        try (RunClients clients =
                RunClients.realtime(spec.provider(), spec.provider().baseUrl(), store, null, ledger, spec.panel())) {
            return clients.engine().runToEnd(spec, RunListener.NONE);
        }
    }

    /** A run on {@code first} judged by its judge model and {@code others}, "@second" naming {@code second}. */
    private static RunSpec jury(OfflineServer first, OfflineServer second, String... others) {
        List<String> jurors = new java.util.ArrayList<>(List.of("offline-demo-judge"));
        jurors.addAll(List.of(others));
        JudgePanel panel = JudgePanel.of(jurors, 1, false).withProviders(Map.of("second", profile("second", second)));
        return MovieRuns.spec(MovieRuns.movies(ROWS), first.baseUrl().toString(), 4)
                .withPanel(panel);
    }

    /** The provider a saved profile for {@code server} gives a juror: no key, no rate limit, a Batch API. */
    private static JurorProvider profile(String name, OfflineServer server) {
        return new JurorProvider(
                name,
                new io.arbiter.core.llm.ProviderProfile(
                        name, server.baseUrl().toString(), null, "offline-demo-base", "offline-demo-judge", 0.0, 64, 4),
                0,
                0,
                true);
    }
}
