package io.arbiter.ui.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunHandle;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.run.StageProgress;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The run screen's state, driven by a fake run on the test thread. */
class ProgressViewModelTest {

    private final ProgressViewModel model = new ProgressViewModel(new SameThreadTaskExecutor());
    private final FakeRun run = new FakeRun();
    private final List<RowResult> rowsSeen = new ArrayList<>();
    private final List<RunOutcome> finished = new ArrayList<>();

    @Test
    void lateSmallerCountNeverMovesTheBarBackwards() {
        List<Double> barValues = new ArrayList<>();
        model.baseProgressProperty().addListener((obs, old, now) -> barValues.add(now.doubleValue()));
        start();

        run.listener.progress(progress(Stage.BASE, 5, 10));
        run.listener.progress(progress(Stage.BASE, 3, 10));

        assertEquals(0.5, model.baseProgressProperty().get());
        assertEquals("5 / 10", model.baseCountProperty().get());
        for (int i = 1; i < barValues.size(); i++) {
            assertTrue(barValues.get(i) >= barValues.get(i - 1), "bar went back: " + barValues);
        }
    }

    @Test
    void countShowsFailuresAndTokens() {
        start();

        run.listener.progress(new StageProgress(Stage.JUDGE, 1234, 2, 2000, new Usage(10_000, 500)));

        assertEquals(
                "1,234 / 2,000 · 2 failed · 10,500 tokens",
                model.judgeCountProperty().get());
        assertEquals(0.617, model.judgeProgressProperty().get(), 1e-9);
        assertEquals("starting…", model.baseCountProperty().get(), "the base stage has not reported");
    }

    @Test
    void updatedRowsReachTheRowsConsumer() {
        start();
        RowResult answered = RowResult.pending(0, List.of("Drama"))
                .withBase(StageOutcome.answered("Drama", Usage.NONE), new BaseAnswer("Drama", "Drama"));
        RowResult failed = RowResult.pending(1, List.of("Crime")).withBase(StageOutcome.failed("timeout"), null);

        run.listener.rowUpdated(answered);
        run.listener.rowUpdated(failed);

        assertEquals(List.of(answered, failed), rowsSeen);
    }

    @Test
    void aBurstOfRowsIsAppliedInSlicesOneTurnAtATimeAndAllOfItOnceTheRunEnds() {
        // The UI thread's turns are held so the test runs them one by one; each applied slice "takes" 10 ms on a
        // clock the test moves, more than a turn's budget, so every turn applies one slice and asks for another.
        List<Runnable> turns = new ArrayList<>();
        long[] now = {0};
        ProgressViewModel sliced = new ProgressViewModel(new UiTurns(turns), () -> now[0]);
        List<Integer> sliceSizes = new ArrayList<>();
        sliced.start(
                run,
                rows -> {
                    sliceSizes.add(rows.size());
                    rowsSeen.addAll(rows);
                    now[0] += 10_000_000L;
                },
                finished::add);
        int burst = 3 * ProgressViewModel.SLICE_ROWS + 10;
        for (int i = 0; i < burst; i++) {
            run.listener.rowUpdated(RowResult.pending(i, List.of("Drama")));
        }
        assertEquals(1, turns.size(), "the burst asked for one turn");

        turns.remove(0).run();
        assertEquals(List.of(ProgressViewModel.SLICE_ROWS), sliceSizes, "one slice, then the pulse's turn");
        assertEquals(1, turns.size(), "and the next turn asked for");
        turns.remove(0).run();
        assertEquals(2 * ProgressViewModel.SLICE_ROWS, rowsSeen.size());

        run.outcome.complete(outcome(RunOutcome.Status.COMPLETED, null));
        // The run's end (its turn is the latest asked for) applies what is left at once, whatever the clock says.
        turns.remove(turns.size() - 1).run();
        assertEquals(burst, rowsSeen.size());
        turns.forEach(Runnable::run); // the slice turn still queued finds nothing left
        assertEquals(burst, rowsSeen.size());
        for (int i = 0; i < burst; i++) {
            assertEquals(i, rowsSeen.get(i).row(), "rows applied in the order they came");
        }
        assertEquals(1, finished.size());
    }

    @Test
    void aLargeRunsCountsAreRewrittenAtMostTenTimesASecondAndTheLastOneHeldBackShowsSoonAfter() throws Exception {
        // The UI thread's turns come through a queue, as the turn asked for after the pause comes from a timer.
        BlockingQueue<Runnable> turns = new LinkedBlockingQueue<>();
        long[] now = {0};
        ProgressViewModel paced = new ProgressViewModel(new QueuedTurns(turns), () -> now[0]);
        paced.start(run, rowsSeen::addAll, finished::add);

        run.listener.progress(progress(Stage.BASE, 100, 5_000));
        turns.take().run();
        assertEquals("100 / 5,000", paced.baseCountProperty().get(), "the first count shows at once");

        now[0] += ProgressViewModel.SHOW_NANOS / 10;
        run.listener.progress(progress(Stage.BASE, 200, 5_000));
        turns.take().run();
        assertEquals("100 / 5,000", paced.baseCountProperty().get(), "held back: the last count is too recent");
        assertEquals(0.02, paced.baseProgressProperty().get(), 1e-9);

        now[0] += ProgressViewModel.SHOW_NANOS;
        Runnable later = turns.poll(5, TimeUnit.SECONDS);
        assertNotNull(later, "no turn was asked for to show the count held back");
        later.run();
        assertEquals("200 / 5,000", paced.baseCountProperty().get());
        assertEquals(0.04, paced.baseProgressProperty().get(), 1e-9);
    }

    @Test
    void cancelAsksTheRunToStopOnlyWhileItRuns() {
        model.cancel();
        start();

        model.cancel();
        assertEquals(1, run.cancels);
        assertEquals("Cancelling…", model.messageProperty().get());

        run.outcome.complete(outcome(RunOutcome.Status.CANCELLED, null));
        model.cancel();
        assertEquals(1, run.cancels);
    }

    @Test
    void completedRunSaysFinishedAndHandsOverTheOutcome() {
        start();
        assertTrue(model.runningProperty().get());
        assertEquals("Running…", model.messageProperty().get());

        RunOutcome done = outcome(RunOutcome.Status.COMPLETED, null);
        run.outcome.complete(done);

        assertFalse(model.runningProperty().get());
        assertEquals("Run finished.", model.messageProperty().get());
        assertEquals(1, finished.size());
        assertSame(done, finished.get(0));
    }

    @Test
    void completedRunWithUnansweredRowsSaysHowManyAndWhy() {
        start();
        AccuracyCounts withErrors = AccuracyCounts.of(List.of(
                new ScoredRow(List.of("Drama"), null, null, true), new ScoredRow(List.of("Crime"), null, null, true)));
        String noLine = "The provider returned no output line for this request";
        List<RowResult> rows = List.of(
                RowResult.pending(0, List.of("Drama")).withBase(StageOutcome.failed(noLine), null),
                RowResult.pending(1, List.of("Crime")).withBase(StageOutcome.failed(noLine), null));

        run.outcome.complete(
                new RunOutcome(rows, withErrors, Usage.NONE, Usage.NONE, RunOutcome.Status.COMPLETED, null));

        assertEquals(
                "Run completed with 2 rows unanswered: 2 × base: " + noLine + ". "
                        + "Retry 2 rows sends only those; the other answers are kept.",
                model.messageProperty().get());
        assertEquals(2, model.failedRowsProperty().get(), "Retry 2 rows offers itself for the two");

        model.start(new FakeRun(), rowsSeen::addAll, finished::add);
        assertEquals(0, model.failedRowsProperty().get(), "a new run starts with nothing to retry");
    }

    @Test
    void requestsOutForAWhileAreSaidAndTheLineClearsWhenTheyAnswer() {
        start();

        run.listener.waiting(new io.arbiter.core.run.Waiting(16, java.time.Duration.ofSeconds(45)));
        assertTrue(
                model.messageProperty().get().startsWith("Running… waiting on 16 requests, longest 45 s"),
                model.messageProperty().get());

        run.listener.waiting(io.arbiter.core.run.Waiting.NONE);
        assertEquals("Running…", model.messageProperty().get());
    }

    @Test
    void cancelledRunSaysFinishedRowsAreKept() {
        start();

        run.outcome.complete(outcome(RunOutcome.Status.CANCELLED, null));

        assertFalse(model.runningProperty().get());
        assertEquals(
                "Run cancelled; finished rows are kept.",
                model.messageProperty().get());
    }

    @Test
    void stoppedRunGivesTheReason() {
        start();

        run.outcome.complete(outcome(RunOutcome.Status.STOPPED, "The provider refused the API key (401)."));

        assertFalse(model.runningProperty().get());
        assertEquals(
                "Run stopped: The provider refused the API key (401).",
                model.messageProperty().get());
    }

    @Test
    void startWhileRunningIsIgnored() {
        start();
        FakeRun second = new FakeRun();

        model.start(second, rowsSeen::addAll, finished::add);

        assertNull(second.listener, "a second run was launched");
    }

    @Test
    void nextRunStartsItsBarsFromZero() {
        start();
        run.listener.progress(progress(Stage.BASE, 10, 10));
        run.outcome.complete(outcome(RunOutcome.Status.COMPLETED, null));
        FakeRun next = new FakeRun();

        model.start(next, rowsSeen::addAll, finished::add);
        assertEquals(0.0, model.baseProgressProperty().get());
        next.listener.progress(progress(Stage.BASE, 1, 10));

        assertEquals(0.1, model.baseProgressProperty().get(), 1e-9);
        assertEquals("1 / 10", model.baseCountProperty().get());
    }

    @Test
    void batchStatusIsShownInTheMessageUntilCancel() {
        start();
        run.listener.progress(new StageProgress(Stage.BASE, 120, 0, 300, Usage.NONE, "in_progress"));
        assertEquals(
                "Base stage: batch in_progress, 120/300",
                model.messageProperty().get());

        model.cancel();
        run.listener.progress(new StageProgress(Stage.BASE, 130, 0, 300, Usage.NONE, "cancelling"));
        assertEquals("Cancelling…", model.messageProperty().get());
    }

    private void start() {
        model.start(run, rowsSeen::addAll, finished::add);
    }

    private static StageProgress progress(Stage stage, int done, int total) {
        return new StageProgress(stage, done, 0, total, Usage.NONE);
    }

    private static RunOutcome outcome(RunOutcome.Status status, String reason) {
        return new RunOutcome(List.of(), AccuracyCounts.of(List.of()), Usage.NONE, Usage.NONE, status, reason);
    }

    /** Stands in for the engine: keeps the listener it is given and ends when the test completes its outcome. */
    private static final class FakeRun implements RunHandle, java.util.function.Function<RunListener, RunHandle> {

        final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
        RunListener listener;
        int cancels;

        @Override
        public RunHandle apply(RunListener listener) {
            this.listener = listener;
            return this;
        }

        @Override
        public void cancel() {
            cancels++;
        }

        @Override
        public CompletableFuture<RunOutcome> outcome() {
            return outcome;
        }
    }

    /** The UI thread as a queue of turns the test takes and runs, from any thread; background work runs at once. */
    private record QueuedTurns(BlockingQueue<Runnable> turns) implements io.arbiter.ui.common.TaskExecutor {

        @Override
        public <T> CompletableFuture<T> submit(java.util.concurrent.Callable<T> work) {
            return new UiTurns(new ArrayList<>()).submit(work);
        }

        @Override
        public java.util.concurrent.Executor ui() {
            return turns::add;
        }

        @Override
        public void shutdown() {}
    }

    /** The UI thread as a list of turns the test runs; background work runs at once. */
    private record UiTurns(List<Runnable> turns) implements io.arbiter.ui.common.TaskExecutor {

        @Override
        public <T> CompletableFuture<T> submit(java.util.concurrent.Callable<T> work) {
            try {
                return CompletableFuture.completedFuture(work.call());
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public java.util.concurrent.Executor ui() {
            return turns::add;
        }

        @Override
        public void shutdown() {}
    }
}
