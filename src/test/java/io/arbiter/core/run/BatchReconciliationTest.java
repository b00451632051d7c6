package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.BatchSharder;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.Sleeper;
import io.arbiter.offline.BatchPace;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch output that does not hold one line per request, as providers and gateways have been seen to return it:
 * every submitted line ends answered, failed or missing; strays and doubles are counted and never taken; missing
 * lines are sent again once per stage, then end as errors; nothing is paid a third time.
 */
class BatchReconciliationTest {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final int ROWS = 100;

    @TempDir
    Path dir;

    @Test
    void linesMissingOnceAreSentAgainOnceAndEveryRowIsAnswered() throws Exception {
        try (OfflineServer server = server("batch-missing-lines=0.2:1")) {
            Finished run = run(server, null);

            assertEquals(RunOutcome.Status.COMPLETED, run.outcome.status(), run.outcome.stopReason());
            assertTrue(run.outcome.unanswered().none(), run.outcome.unanswered().describe(3));
            BatchReconciliation base = reconciliation(run.outcome, Stage.BASE);
            assertEquals(20, base.missing(), base.toString());
            assertEquals(20, base.resubmitted());
            assertEquals(ROWS + 20, base.submitted());
            assertEquals(0, base.unanswered());
            // The 20 lost answers were paid at the server and are paid once more: never a third time.
            assertEquals(20, server.counters().duplicateAnswers());
            assertTrue(server.counters().answersById().values().stream().allMatch(n -> n <= 2));
            assertEquals(2 * ROWS + 20, run.runner.linesSent());
        }
    }

    @Test
    void linesMissingEveryTimeEndAsErrorsAfterOneResubmissionAndTheRunSaysSo() throws Exception {
        try (OfflineServer server = server("batch-missing-lines=0.2:always")) {
            Finished run = run(server, null);

            assertEquals(RunOutcome.Status.COMPLETED, run.outcome.status(), run.outcome.stopReason());
            BatchReconciliation base = reconciliation(run.outcome, Stage.BASE);
            // 20 missing in the first round; of those, 4 (a fifth) missing again in the one resubmission.
            assertEquals(24, base.missing(), base.toString());
            assertEquals(20, base.resubmitted());
            assertEquals(4, base.unanswered());
            Unanswered unanswered = run.outcome.unanswered();
            assertTrue(unanswered.rows() >= 4, unanswered.describe(3));
            long noLine = run.outcome.rows().stream()
                    .filter(r -> r.base().failed()
                            && r.base().error().startsWith("The provider returned no output line for this request")
                            && r.base().error().contains("sent again once"))
                    .count();
            assertEquals(4, noLine, "each unanswered row says why");
            assertTrue(
                    run.outcome.rows().stream()
                            .allMatch(r -> r.failed() || r.judge().answered()),
                    "every row ends answered or with its error");
            assertTrue(
                    server.counters().answersById().values().stream().allMatch(n -> n <= 2),
                    "a row is never paid a third time");
            assertTrue(run.outcome.batchProblems().contains("missing"), run.outcome.batchProblems());
        }
    }

    @Test
    void aResumedRunNeverSendsAThirdRoundForRowsItAlreadySentTwice() throws Exception {
        try (OfflineServer server = server("batch-missing-lines=0.2:always")) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(ROWS), server.baseUrl().toString(), 4);
            InMemoryRunLedger ledger = new InMemoryRunLedger(); // the run's ledger, kept across both attempts
            try (OpenAiBatchClient client = new OpenAiBatchClient(spec.provider())) {
                RunOutcome first =
                        RunEngine.batch(runner(client, ledger), ledger).runToEnd(spec, RunListener.NONE);
                assertTrue(first.unanswered().rows() > 0, "rows lost twice end with errors");
                assertTrue(ledger.jobs(Stage.BASE).stream().anyMatch(job -> job.round() == 2), "a second round ran");

                BatchStageRunner again = runner(client, ledger);
                RunOutcome resumed = RunEngine.batch(again, ledger).runToEnd(spec, RunListener.NONE);

                assertEquals(0, again.linesSent(), "both rounds were spent: the same run sends nothing more");
                assertEquals(first.unanswered().rows(), resumed.unanswered().rows());
            }
            assertTrue(
                    server.counters().answersById().values().stream().allMatch(n -> n <= 2),
                    "no row was paid a third time");
        }
    }

    private BatchStageRunner runner(OpenAiBatchClient client, InMemoryRunLedger ledger) {
        return new BatchStageRunner(
                client, ledger, 9, null, POLL, dir, new BatchSharder(1000, BatchSharder.MAX_BYTES), Sleeper.SYSTEM);
    }

    @Test
    void strayAndDoubledLinesAreCountedAndNeverOverwriteAnAnswer() throws Exception {
        try (OfflineServer server = server("batch-unknown-lines=3,batch-duplicate-lines=0.1")) {
            Finished run = run(server, null);

            assertEquals(RunOutcome.Status.COMPLETED, run.outcome.status(), run.outcome.stopReason());
            assertTrue(run.outcome.unanswered().none(), run.outcome.unanswered().describe(3));
            for (Stage stage : List.of(Stage.BASE, Stage.JUDGE)) {
                BatchReconciliation lines = reconciliation(run.outcome, stage);
                assertEquals(3, lines.unknown(), lines.toString());
                assertEquals(10, lines.duplicate(), lines.toString());
                assertEquals(0, lines.missing());
                assertEquals(ROWS, lines.submitted(), "nothing sent again for a stray or a double");
            }
            assertTrue(
                    run.outcome.rows().stream()
                            .noneMatch(r -> r.base().text().contains("second, different")
                                    || r.judge().text().contains("second, different")),
                    "the first line of a double is kept");
            assertEquals(0, server.counters().duplicateAnswers());
            assertTrue(run.outcome.batchProblems().contains("unknown custom_id"), run.outcome.batchProblems());
            assertTrue(run.outcome.batchProblems().contains("duplicate"), run.outcome.batchProblems());
        }
    }

    @Test
    void aBatchStuckInProgressIsCancelledAtTheBatchTimeoutAndItsRowsSaySo() throws Exception {
        try (OfflineServer server = server("batch-stuck=once")) {
            List<StageProgress> progress = new CopyOnWriteArrayList<>();
            // The provider dates a batch to the second, so the timeout is well above one second.
            Finished run = run(server, Duration.ofMillis(1500), progress);

            assertEquals(RunOutcome.Status.COMPLETED, run.outcome.status(), run.outcome.stopReason());
            long timedOut = run.outcome.rows().stream()
                    .filter(r -> r.base().failed()
                            && r.base().error().contains("batch timeout")
                            && r.base().error().contains("--batch-timeout"))
                    .count();
            long answered =
                    run.outcome.rows().stream().filter(r -> r.base().answered()).count();
            assertTrue(answered <= ROWS / 2, "the stuck batch answers at most half its lines: " + answered);
            assertEquals(ROWS - answered, timedOut, "every row the stuck batch did not answer says why");
            BatchReconciliation base = reconciliation(run.outcome, Stage.BASE);
            assertEquals(0, base.resubmitted(), "a timed-out batch's rows are not sent again");
            assertEquals(ROWS - answered, run.outcome.unanswered().rows());
            assertTrue(
                    progress.stream()
                            .anyMatch(p -> p.batchStatus() != null
                                    && p.batchStatus().startsWith("in_progress (batch_")
                                    && p.batchStatus().contains(" old)")),
                    "progress names the open batch and its age: " + progress);
            assertEquals(0, server.counters().duplicateAnswers());
        }
    }

    private OfflineServer server(String plan) {
        return OfflineServer.builder()
                .port(0)
                .batchPace(BatchPace.FAST)
                .faults(FaultPlan.parse(plan))
                .start();
    }

    private record Finished(RunOutcome outcome, BatchStageRunner runner) {}

    private Finished run(OfflineServer server, Duration batchTimeout) throws Exception {
        return run(server, batchTimeout, new CopyOnWriteArrayList<>());
    }

    private Finished run(OfflineServer server, Duration batchTimeout, List<StageProgress> progress) throws Exception {
        RunSpec spec = MovieRuns.spec(MovieRuns.movies(ROWS), server.baseUrl().toString(), 4);
        InMemoryRunLedger ledger = new InMemoryRunLedger();
        try (OpenAiBatchClient client = new OpenAiBatchClient(spec.provider())) {
            BatchStageRunner runner = new BatchStageRunner(
                            client,
                            ledger,
                            9,
                            null,
                            POLL,
                            dir,
                            new BatchSharder(1000, BatchSharder.MAX_BYTES),
                            Sleeper.SYSTEM)
                    .batchTimeout(batchTimeout);
            RunOutcome outcome = RunEngine.batch(runner, ledger).runToEnd(spec, new RunListener() {
                @Override
                public void progress(StageProgress p) {
                    progress.add(p);
                }

                @Override
                public void rowUpdated(RowResult row) {}
            });
            assertFalse(outcome.batchOutput().isEmpty());
            return new Finished(outcome, runner);
        }
    }

    private static BatchReconciliation reconciliation(RunOutcome outcome, Stage stage) {
        return outcome.batchOutput().stream()
                .filter(r -> r.stage() == stage)
                .findFirst()
                .orElseThrow();
    }
}
