package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.BatchSharder;
import io.arbiter.core.llm.BatchState;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.Sleeper;
import io.arbiter.offline.BatchPace;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch mode end to end: the engine, the stage runner and openai-java against the offline Batch API. */
class BatchRunTest {

    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    Path dir;

    @Test
    void twoStagesInShardsSurviveAnExpiredBatchAndAnswerEveryRowOnce() throws Exception {
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .batchPace(BatchPace.FAST)
                .faults(FaultPlan.parse("batch-expire-after=0.5"))
                .start()) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(300), server.baseUrl().toString(), 4);
            InMemoryRunLedger ledger = new InMemoryRunLedger();
            RunOutcome outcome;
            try (OpenAiBatchClient client = new OpenAiBatchClient(spec.provider())) {
                BatchStageRunner runner = new BatchStageRunner(
                        client,
                        ledger,
                        7,
                        null,
                        POLL,
                        dir,
                        new BatchSharder(120, BatchSharder.MAX_BYTES),
                        Sleeper.SYSTEM);
                outcome = RunEngine.batch(runner, ledger).runToEnd(spec, RunListener.NONE);
                assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
                assertEquals(
                        600,
                        runner.linesSent() - expiredLines(ledger),
                        "only unanswered rows are resent: " + ledger.jobs(Stage.BASE) + ledger.jobs(Stage.JUDGE));
            }
            assertEquals(300, ledger.stored(Stage.BASE).size());
            assertEquals(300, ledger.stored(Stage.JUDGE).size());
            assertTrue(outcome.rows().stream()
                    .allMatch(r -> r.base().answered() && r.judge().answered()));
            assertEquals(0, server.counters().duplicateAnswers());
            assertEquals(600, server.counters().answersById().size());
            List<BatchJob> base = ledger.jobs(Stage.BASE);
            assertEquals(4, base.size(), "three shards of at most 120 lines, then one for what expired: " + base);
            assertTrue(base.stream().allMatch(j -> j.status().equals(BatchJob.COLLECTED)));
        }
    }

    @Test
    void aFailedValidationStopsWithLineNumbersAndAResumeFinishesTheRun() throws Exception {
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .batchPace(BatchPace.FAST)
                .faults(FaultPlan.parse("batch-validation-fail=once"))
                .start()) {
            RunSpec spec = MovieRuns.spec(MovieRuns.movies(50), server.baseUrl().toString(), 4);
            InMemoryRunLedger ledger = new InMemoryRunLedger();
            try (OpenAiBatchClient client = new OpenAiBatchClient(spec.provider())) {
                RunOutcome stopped = RunEngine.batch(new BatchStageRunner(client, ledger, 1, null, POLL, dir), ledger)
                        .runToEnd(spec, RunListener.NONE);
                assertEquals(RunOutcome.Status.STOPPED, stopped.status());
                assertTrue(
                        stopped.stopReason().contains("failed validation")
                                && stopped.stopReason().contains("line"),
                        stopped.stopReason());

                RunOutcome resumed = RunEngine.batch(new BatchStageRunner(client, ledger, 1, null, POLL, dir), ledger)
                        .runToEnd(spec, RunListener.NONE);
                assertEquals(RunOutcome.Status.COMPLETED, resumed.status(), resumed.stopReason());
                assertEquals(50, ledger.stored(Stage.JUDGE).size());
            }
        }
    }

    @Test
    void aResumedRunPollsTheBatchItLeftLiveInsteadOfPayingForItAgain() throws Exception {
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .batchPace(new BatchPace(500, Duration.ofMillis(20)))
                .start()) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(200), server.baseUrl().toString(), 4);
            InMemoryRunLedger ledger = new InMemoryRunLedger();
            try (OpenAiBatchClient client = new OpenAiBatchClient(spec.provider())) {
                Sleeper crashOnFirstPoll = d -> {
                    throw new IllegalStateException("the process died here");
                };
                RunOutcome crashed = RunEngine.batch(
                                new BatchStageRunner(
                                        client, ledger, 3, null, POLL, dir, new BatchSharder(), crashOnFirstPoll),
                                ledger)
                        .runToEnd(spec, RunListener.NONE);
                assertEquals(RunOutcome.Status.STOPPED, crashed.status());
                assertTrue(ledger.jobs(Stage.BASE).get(0).live(), "the batch is in the ledger, still running");

                BatchStageRunner resumed = new BatchStageRunner(client, ledger, 3, null, POLL, dir);
                RunOutcome outcome = RunEngine.batch(resumed, ledger).runToEnd(spec, RunListener.NONE);
                assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
                assertEquals(1, ledger.jobs(Stage.BASE).size(), "the live batch was polled, not resubmitted");
                assertEquals(200, resumed.linesSent(), "only the judge batch was sent after the resume");
                assertEquals(0, server.counters().duplicateAnswers());
                assertEquals(400, server.counters().batchLinesProcessed());
            }
        }
    }

    @Test
    void cancelCancelsTheLiveBatchAtTheProvider() throws Exception {
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .batchPace(new BatchPace(50, Duration.ofMillis(20)))
                .start()) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(500), server.baseUrl().toString(), 4);
            InMemoryRunLedger ledger = new InMemoryRunLedger();
            CountDownLatch progressed = new CountDownLatch(1);
            try (OpenAiBatchClient client = new OpenAiBatchClient(spec.provider())) {
                RunHandle handle = RunEngine.batch(new BatchStageRunner(client, ledger, 5, null, POLL, dir), ledger)
                        .start(spec, new RunListener() {
                            @Override
                            public void progress(StageProgress p) {
                                if (p.done() > 10) {
                                    progressed.countDown();
                                }
                            }

                            @Override
                            public void rowUpdated(RowResult row) {}
                        });
                assertTrue(progressed.await(30, TimeUnit.SECONDS), "the batch answered some lines");
                handle.cancel();
                RunOutcome outcome = handle.outcome().get(10, TimeUnit.SECONDS);
                assertEquals(RunOutcome.Status.CANCELLED, outcome.status());
                BatchJob job = ledger.jobs(Stage.BASE).get(0);
                assertNotNull(job.batchId());
                BatchState state = client.retrieve(job.batchId());
                assertTrue(List.of("cancelling", "cancelled").contains(state.status()), state.status());
            }
        }
    }

    private static long expiredLines(InMemoryRunLedger ledger) {
        return ledger.jobs(Stage.BASE).size() > 3
                ? ledger.jobs(Stage.BASE).get(3).lineCount()
                : 0;
    }
}
