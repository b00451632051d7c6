package io.arbiter.core.run;

import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.JudgeLoopMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs the two stages over a dataset (or the spec's selection of its rows): every row through the base model and
 * every answered row through the judge, in realtime with at most the profile's concurrency in flight (a row's judge
 * request is queued as soon as its base answer is in), or through the Batch API (the judge batch once the base
 * stage is over). Every outcome goes to the {@link RunLedger} as it arrives; rows the ledger already answered are filled
 * from it and not sent again, which is how a killed run resumes. Nothing here blocks the caller of {@link #start}.
 */
public final class RunEngine {

    /** How long a request is out before progress says the run is waiting on it. */
    static final Duration WAITING_NOTICE = Duration.ofSeconds(5);

    private final ChatClient client;
    private final RunLedger ledger;
    private final BatchStageRunner batch;
    private volatile Duration waitingNotice = WAITING_NOTICE;

    /** A realtime run that keeps nothing beyond its outcome. */
    public RunEngine(ChatClient client) {
        this(client, RunLedger.NONE);
    }

    /** A realtime run that records every response in {@code ledger} and resumes from what it holds. */
    public RunEngine(ChatClient client, RunLedger ledger) {
        this(client, ledger, null);
    }

    private RunEngine(ChatClient client, RunLedger ledger, BatchStageRunner batch) {
        this.client = client;
        this.ledger = ledger;
        this.batch = batch;
    }

    /** A run whose stages go through the Batch API, one stage after the other. */
    public static RunEngine batch(BatchStageRunner runner, RunLedger ledger) {
        return new RunEngine(null, ledger, runner);
    }

    /** Reports requests out longer than this as waited on (5 s unless a test needs to see it sooner). */
    public RunEngine waitingNotice(Duration notice) {
        this.waitingNotice = notice;
        return this;
    }

    public RunHandle start(RunSpec spec, RunListener listener) {
        ActiveRun run = new ActiveRun(spec, listener);
        Thread coordinator = new Thread(run::execute, "run-coordinator");
        coordinator.setDaemon(true);
        coordinator.start();
        return run;
    }

    /** Runs to the end on the calling thread; for the command line and tests. */
    public RunOutcome runToEnd(RunSpec spec, RunListener listener) {
        ActiveRun run = new ActiveRun(spec, listener);
        run.execute();
        return run.outcome().join();
    }

    private final class ActiveRun implements RunHandle {

        private final RunSpec spec;
        private final RunListener listener;
        private final StageRequests requests;
        private final RowInterpreter interpreter;
        /** Indexed by dataset row, whatever the selection, so every result keeps its row's index. */
        private final AtomicReferenceArray<RowResult> rows;
        /** The rows this run sends and counts: every row, or the spec's selection. */
        private final List<Integer> covered;

        private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
        private final AtomicReference<String> stopReason = new AtomicReference<>();
        private final CountDownLatch cancelled = new CountDownLatch(1);
        private final ExecutorService pool;
        private final AtomicReference<Usage> baseUsage = new AtomicReference<>(Usage.NONE);
        private final AtomicReference<Usage> judgeUsage = new AtomicReference<>(Usage.NONE);
        private final InFlightRequests inFlight = new InFlightRequests(waitingNotice);
        private final List<BatchReconciliation> batchOutput = new java.util.concurrent.CopyOnWriteArrayList<>();

        ActiveRun(RunSpec spec, RunListener listener) {
            this.spec = spec;
            this.listener = listener;
            this.requests = new StageRequests(spec);
            this.interpreter = RowInterpreter.of(spec);
            this.rows = new AtomicReferenceArray<>(spec.dataset().size());
            this.covered = spec.rows();
            for (int row : covered) {
                rows.set(row, RowResult.pending(row, spec.mapping().truthLabels(spec.dataset(), row)));
            }
            AtomicInteger threadNumber = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(
                    batch != null ? 1 : spec.provider().concurrency(), task -> {
                        Thread thread = new Thread(task, "run-worker-" + threadNumber.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
        }

        void execute() {
            try {
                listener.progress(new StageProgress(Stage.JUDGE, 0, 0, 0, Usage.NONE));
                if (spec.mapping().judgeOnly()) {
                    takeExistingAnswers();
                } else if (batch == null) {
                    runRealtimeStages();
                    return;
                } else {
                    runStage(Stage.BASE, covered);
                }
                if (!ended()) {
                    List<Integer> answered = new ArrayList<>();
                    for (int row : covered) {
                        if (StageRequests.judgeable(rows.get(row).base())) {
                            answered.add(row);
                        }
                    }
                    runStage(Stage.JUDGE, answered);
                }
            } catch (RecordFailure e) {
                stopReason.compareAndSet(null, e.getMessage()); // a batch's answers could not be kept
            } catch (RuntimeException e) {
                stopReason.compareAndSet(null, "The run failed unexpectedly: " + e);
            } finally {
                pool.shutdownNow();
                try {
                    outcome.complete(snapshot());
                } catch (RuntimeException e) {
                    outcome.complete(new RunOutcome(
                            List.of(),
                            JudgeLoopMetrics.of(List.of()),
                            baseUsage.get(),
                            judgeUsage.get(),
                            RunOutcome.Status.STOPPED,
                            "The run failed unexpectedly: " + e));
                }
            }
        }

        /** Judge-only mode: the base answers are already in a column, so the base stage costs nothing. */
        private void takeExistingAnswers() {
            int column = spec.dataset().columnIndex(spec.mapping().answerColumn());
            for (int row : covered) {
                String answer = spec.dataset().value(row, column);
                RowResult updated = interpreter.existingAnswer(rows.get(row), answer);
                rows.set(row, updated);
                listener.rowUpdated(updated);
            }
            listener.progress(new StageProgress(Stage.BASE, covered.size(), 0, covered.size(), Usage.NONE));
        }

        private void runStage(Stage stage, List<Integer> stageRows) {
            int total = stageRows.size();
            AtomicReference<Usage> usage = stage == Stage.BASE ? baseUsage : judgeUsage;
            List<Integer> toSend = fillFromLedger(stage, stageRows, usage);
            AtomicInteger done = new AtomicInteger(total - toSend.size());
            AtomicInteger failed = new AtomicInteger();
            listener.progress(new StageProgress(stage, done.get(), 0, total, usage.get()));
            if (toSend.isEmpty()) {
                return;
            }
            if (batch != null) {
                runBatchStage(stage, toSend, done.get(), total, usage);
                return;
            }
            CountDownLatch finished = new CountDownLatch(toSend.size());
            for (int row : toSend) {
                pool.execute(() -> {
                    try {
                        if (ended()) {
                            return;
                        }
                        boolean ok = callFor(stage, row, usage);
                        if (!ok && !ended()) {
                            failed.incrementAndGet();
                        }
                        if (!ended()) {
                            done.incrementAndGet();
                            listener.progress(new StageProgress(stage, done.get(), failed.get(), total, usage.get()));
                        }
                    } finally {
                        finished.countDown();
                    }
                });
            }
            awaitStage(finished);
        }

        /**
         * Both stages in realtime, overlapped: a row's judge request is queued as soon as its base answer is in, so
         * while the last base requests are in flight the free workers already judge. Waiting for the whole base
         * stage first would leave most of the workers idle for one reply's time, and longer when the last wave is
         * partly filled. The queue is first in, first out, so base requests mostly go first (a judge request queued
         * while the base requests are still being queued goes among them).
         */
        private void runRealtimeStages() {
            List<Integer> baseToSend = fillFromLedger(Stage.BASE, covered, baseUsage);
            java.util.Set<Integer> baseUnanswered = new java.util.HashSet<>(baseToSend);
            List<Integer> judgeable = new ArrayList<>();
            for (int row : covered) {
                if (!baseUnanswered.contains(row)
                        && StageRequests.judgeable(rows.get(row).base())) {
                    judgeable.add(row);
                }
            }
            List<Integer> judgeToSend = fillFromLedger(Stage.JUDGE, judgeable, judgeUsage);
            AtomicInteger baseDone = new AtomicInteger(covered.size() - baseToSend.size());
            AtomicInteger baseFailed = new AtomicInteger();
            AtomicInteger judgeDone = new AtomicInteger(judgeable.size() - judgeToSend.size());
            AtomicInteger judgeFailed = new AtomicInteger();
            // Every row may reach the judge until its base answer says otherwise; settled when the base stage ends.
            AtomicInteger judgeTotal = new AtomicInteger(judgeable.size() + baseToSend.size());
            AtomicInteger baseLeft = new AtomicInteger(baseToSend.size());
            listener.progress(new StageProgress(Stage.BASE, baseDone.get(), 0, covered.size(), baseUsage.get()));
            listener.progress(new StageProgress(Stage.JUDGE, judgeDone.get(), 0, judgeTotal.get(), judgeUsage.get()));
            // Requests queued and not yet over, plus one for this thread until it has queued the base stage. (Not a
            // Phaser: it takes at most 65,535 parties, and a run has a request per row.)
            AtomicInteger outstanding = new AtomicInteger(1);
            CompletableFuture<Void> allOver = new CompletableFuture<>();
            Runnable over = () -> {
                if (outstanding.decrementAndGet() == 0) {
                    allOver.complete(null);
                }
            };
            java.util.function.IntConsumer judge = row -> {
                outstanding.incrementAndGet();
                execute(over, () -> {
                    try {
                        if (ended()) {
                            return;
                        }
                        boolean ok = callFor(Stage.JUDGE, row, judgeUsage);
                        if (!ok && !ended()) {
                            judgeFailed.incrementAndGet();
                        }
                        if (!ended()) {
                            judgeDone.incrementAndGet();
                            listener.progress(new StageProgress(
                                    Stage.JUDGE,
                                    judgeDone.get(),
                                    judgeFailed.get(),
                                    judgeTotal.get(),
                                    judgeUsage.get()));
                        }
                    } finally {
                        over.run();
                    }
                });
            };
            for (int row : judgeToSend) {
                judge.accept(row);
            }
            for (int row : baseToSend) {
                outstanding.incrementAndGet();
                execute(over, () -> {
                    try {
                        if (ended()) {
                            return;
                        }
                        boolean ok = callFor(Stage.BASE, row, baseUsage);
                        if (!ok && !ended()) {
                            baseFailed.incrementAndGet();
                        }
                        if (ended()) {
                            return;
                        }
                        baseDone.incrementAndGet();
                        listener.progress(new StageProgress(
                                Stage.BASE, baseDone.get(), baseFailed.get(), covered.size(), baseUsage.get()));
                        if (StageRequests.judgeable(rows.get(row).base())) {
                            judge.accept(row); // counted before this task is over, so the wait cannot end early
                        } else {
                            judgeTotal.decrementAndGet(); // no answer to judge: the judge's bar will not wait for it
                        }
                        if (baseLeft.decrementAndGet() == 0) {
                            listener.progress(new StageProgress(
                                    Stage.JUDGE,
                                    judgeDone.get(),
                                    judgeFailed.get(),
                                    judgeTotal.get(),
                                    judgeUsage.get()));
                        }
                    } finally {
                        over.run();
                    }
                });
            }
            over.run();
            try {
                while (!allOver.isDone() && !ended()) {
                    noticeWaiting();
                    try {
                        allOver.get(50, TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        // look at ended() again
                    } catch (java.util.concurrent.ExecutionException e) {
                        return; // never completed exceptionally
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
            }
        }

        /** Queues a task; if the run has just ended and its workers are gone, the task is over before it began. */
        private void execute(Runnable over, Runnable task) {
            try {
                pool.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                over.run();
            }
        }

        /** Puts the ledger's answers on their rows; returns the rows still to send (unanswered or failed before). */
        private List<Integer> fillFromLedger(Stage stage, List<Integer> stageRows, AtomicReference<Usage> usage) {
            Map<Integer, StageOutcome> stored = ledger.stored(stage);
            if (stored.isEmpty()) {
                return stageRows;
            }
            List<Integer> toSend = new ArrayList<>();
            for (int row : stageRows) {
                StageOutcome outcome = stored.get(row);
                if (outcome == null || !outcome.answered()) {
                    toSend.add(row);
                    continue;
                }
                usage.accumulateAndGet(outcome.usage(), Usage::plus);
                RowResult updated = withOutcome(stage, rows.get(row), outcome);
                rows.set(row, updated);
                listener.rowUpdated(updated);
            }
            return toSend;
        }

        private RowResult withOutcome(Stage stage, RowResult current, StageOutcome outcome) {
            return interpreter.apply(stage, current, outcome);
        }

        private ChatRequest requestFor(Stage stage, int row) {
            return stage == Stage.BASE
                    ? requests.base(row)
                    : requests.judge(row, rows.get(row).base().text());
        }

        /** One stage through the Batch API; outcomes are recorded as each output file is read. */
        private void runBatchStage(
                Stage stage, List<Integer> toSend, int alreadyDone, int total, AtomicReference<Usage> usage) {
            Map<Integer, ChatRequest> requests = new LinkedHashMap<>();
            for (int row : toSend) {
                requests.put(row, requestFor(stage, row));
            }
            BatchStageRunner.Sink sink = new BatchStageRunner.Sink() {
                @Override
                public void outcomes(Map<Integer, StageOutcome> outcomes, Map<Integer, String> keys) {
                    ledger.recordAll(stage, outcomes, keys);
                    outcomes.forEach((row, outcome) -> {
                        usage.accumulateAndGet(outcome.usage(), Usage::plus);
                        RowResult updated = withOutcome(stage, rows.get(row), outcome);
                        rows.set(row, updated);
                        listener.rowUpdated(updated);
                    });
                }

                @Override
                public void progress(long completed, long failed, String status) {
                    listener.progress(new StageProgress(
                            stage,
                            (int) Math.min(total, alreadyDone + completed + failed),
                            (int) failed,
                            total,
                            usage.get(),
                            status));
                }

                @Override
                public void reconciled(BatchReconciliation reconciliation) {
                    batchOutput.add(reconciliation);
                }
            };
            String stop = batch.run(spec.provider().baseUrl(), stage, requests, sink, this::ended);
            if (stop != null) {
                stopReason.compareAndSet(null, stop);
            }
        }

        /** Waits for the stage, but returns at once on cancel or stop: rows in flight are not waited for. */
        private void awaitStage(CountDownLatch finished) {
            try {
                while (!finished.await(50, TimeUnit.MILLISECONDS)) {
                    if (ended()) {
                        return;
                    }
                    noticeWaiting();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
            }
        }

        /** Tells the listener which requests the run has been waiting on for a while; coordinator thread only. */
        private void noticeWaiting() {
            inFlight.check(System.nanoTime()).ifPresent(listener::waiting);
        }

        /** Sends one row's request for the stage and records what came back; false when it failed. */
        private boolean callFor(Stage stage, int row, AtomicReference<Usage> usage) {
            RowResult current = rows.get(row);
            String key = null;
            RowResult updated;
            boolean ok;
            try {
                // Inside the try: a fault building the request is this row's error, recorded, not a lost row.
                ChatRequest request = requestFor(stage, row);
                key = RequestKey.of(spec.provider().baseUrl(), request);
                ChatReply reply;
                long token = inFlight.begin();
                try {
                    reply = client.complete(request);
                } finally {
                    inFlight.end(token);
                }
                usage.accumulateAndGet(reply.usage(), Usage::plus);
                updated = withOutcome(stage, current, StageOutcome.answered(reply));
                ok = true;
            } catch (ChatFailure failure) {
                if (ended()) {
                    return false; // interrupted by cancel: the row is simply not answered
                }
                if (failure.stopsRun()) {
                    stopReason.compareAndSet(null, failure.getMessage());
                }
                StageOutcome failed = StageOutcome.failed(failure); // a refusal or cut-off keeps its reply and tokens
                usage.accumulateAndGet(failed.usage(), Usage::plus);
                updated = withOutcome(stage, current, failed);
                ok = false;
            } catch (RuntimeException bug) {
                // Recorded on the row, so it is counted and shown instead of vanishing into a worker thread.
                updated = withOutcome(stage, current, StageOutcome.failed("Internal error: " + bug));
                ok = false;
            }
            // Durable before anyone hears of it: a kill after this line loses nothing this request paid for.
            try {
                ledger.record(stage, row, stage == Stage.BASE ? updated.base() : updated.judge(), key);
            } catch (RecordFailure e) {
                stopReason.compareAndSet(null, e.getMessage());
            } catch (RuntimeException e) {
                stopReason.compareAndSet(null, "Could not record a response, so the run stopped: " + e.getMessage());
            }
            rows.set(row, updated);
            listener.rowUpdated(updated);
            return ok;
        }

        private boolean ended() {
            return cancelled.getCount() == 0 || stopReason.get() != null;
        }

        private RunOutcome snapshot() {
            List<RowResult> results = new ArrayList<>(covered.size());
            for (int row : covered) {
                results.add(rows.get(row).settled());
            }
            RunOutcome.Status status = stopReason.get() != null
                    ? RunOutcome.Status.STOPPED
                    : cancelled.getCount() == 0 ? RunOutcome.Status.CANCELLED : RunOutcome.Status.COMPLETED;
            return new RunOutcome(
                    results,
                    JudgeLoopMetrics.of(spec.scope().measured(results).stream()
                            .map(RowResult::scored)
                            .toList()),
                    baseUsage.get(),
                    judgeUsage.get(),
                    status,
                    stopReason.get(),
                    batchOutput);
        }

        @Override
        public void cancel() {
            cancelled.countDown();
        }

        @Override
        public CompletableFuture<RunOutcome> outcome() {
            return outcome;
        }
    }
}
