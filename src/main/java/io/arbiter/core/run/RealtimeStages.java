package io.arbiter.core.run;

import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.llm.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * A run's realtime sending: a fixed pool of the profile's concurrency sends each row's request, records what came
 * back and counts it, while the coordinator waits and says which requests it has waited on for a while. Returns from
 * a wait at once on cancel or stop: rows in flight are not waited for. (Past 300 lines: the overlapped schedule of
 * every stage and the one-request path share the tallies, the pool and the in-flight watch.)
 */
final class RealtimeStages {

    private final ActiveRun run;
    private final ChatClient client;
    private final RunLedger ledger;
    private final ThreadPoolExecutor pool;
    private final InFlightRequests inFlight;

    RealtimeStages(ActiveRun run, ChatClient client, RunLedger ledger, int concurrency, Duration waitingNotice) {
        this.run = run;
        this.client = client;
        this.ledger = ledger;
        this.inFlight = new InFlightRequests(waitingNotice);
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                concurrency, concurrency, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "run-worker-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    // Below the window's threads, so a run that keeps both cores busy still leaves the workbench
                    // its frames (on Linux only with -XX:ThreadPriorityPolicy=1, which the launchers pass;
                    // docs/PERFORMANCE.md).
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
    }

    /**
     * Starts the workers for {@code requests} requests (at most the concurrency) before any is queued. Started one by
     * one as requests are queued, each new worker makes its first, slow request on a cold JVM while the coordinator
     * is still starting the next: at concurrency 256 the first wave took ~0.6 s to leave (docs/PERFORMANCE.md).
     */
    private void startWorkers(int requests) {
        for (int started = pool.getPoolSize(); started < requests && pool.prestartCoreThread(); started++) {
            // one more idle worker, waiting on the queue
        }
    }

    /** Stops the workers; a request in flight is interrupted and its row left unanswered. */
    void shutdown() {
        pool.shutdownNow();
    }

    /**
     * Stages that share a progress bar, each with its rows the ledger did not answer, sent all at once; {@code done}
     * of their {@code total} are in already.
     */
    void runStages(Stage bar, Map<Stage, List<Integer>> toSend, int done, int total) {
        Tally tally = new Tally(bar, done, total);
        int count = toSend.values().stream().mapToInt(List::size).sum();
        CountDownLatch finished = new CountDownLatch(count);
        startWorkers(count);
        toSend.forEach((stage, rows) -> {
            for (int row : rows) {
                pool.execute(() -> {
                    try {
                        if (!run.ended()) {
                            send(tally, stage, row);
                        }
                    } finally {
                        finished.countDown();
                    }
                });
            }
        });
        awaitStage(finished);
    }

    /**
     * Every stage in realtime, overlapped: a row's judge requests are queued as soon as its answers are in (both, for
     * a pair), so while the last base requests are in flight the free workers already judge. Waiting for the whole
     * base stage first would leave most of the workers idle for one reply's time, and longer when the last wave is
     * partly filled. The queue is first in, first out, so base requests mostly go first (a judge request queued
     * while the base requests are still being queued goes among them).
     *
     * @param bases  the stages that answer (BASE; and BASE_B for a pair)
     * @param judges the stages that judge (JUDGE; and JUDGE_BA for a pair asked in both orders)
     */
    void runAllStages(List<Stage> bases, List<Stage> judges) {
        List<Integer> covered = run.covered();
        Map<Stage, List<Integer>> baseToSend = new LinkedHashMap<>();
        // How many of each row's answers are still to come; the row is judged when its count reaches zero.
        Map<Integer, AtomicInteger> answersToCome = new HashMap<>();
        int baseSending = 0;
        for (Stage stage : bases) {
            List<Integer> rows = run.fillFromLedger(stage, covered);
            baseToSend.put(stage, rows);
            baseSending += rows.size();
            rows.forEach(row ->
                    answersToCome.computeIfAbsent(row, r -> new AtomicInteger()).incrementAndGet());
        }
        List<Integer> judgeable = new ArrayList<>();
        for (int row : covered) {
            if (!answersToCome.containsKey(row) && StageRequests.judgeable(run.row(row))) {
                judgeable.add(row);
            }
        }
        Map<Stage, List<Integer>> judgeToSend = new LinkedHashMap<>();
        int judgeSending = 0;
        for (Stage stage : judges) {
            List<Integer> rows = run.fillFromLedger(stage, judgeable);
            judgeToSend.put(stage, rows);
            judgeSending += rows.size();
        }
        int baseTotal = covered.size() * bases.size();
        Tally base = new Tally(Stage.BASE, baseTotal - baseSending, baseTotal);
        // Every row may reach the judge until its answers say otherwise; settled when the base stage ends.
        int judgeTotal = (judgeable.size() + answersToCome.size()) * judges.size();
        Tally judge = new Tally(Stage.JUDGE, judgeable.size() * judges.size() - judgeSending, judgeTotal);
        AtomicInteger baseLeft = new AtomicInteger(baseSending);
        startWorkers(baseSending + judgeSending);
        run.progress(base.progress());
        run.progress(judge.progress());
        // Requests queued and not yet over, plus one for this thread until it has queued the base stage. (Not a
        // Phaser: it takes at most 65,535 parties, and a run has a request per row.)
        AtomicInteger outstanding = new AtomicInteger(1);
        CompletableFuture<Void> allOver = new CompletableFuture<>();
        Runnable over = () -> {
            if (outstanding.decrementAndGet() == 0) {
                allOver.complete(null);
            }
        };
        BiConsumer<Stage, Integer> sendJudge = (stage, row) -> {
            outstanding.incrementAndGet();
            execute(over, () -> {
                try {
                    if (!run.ended()) {
                        send(judge, stage, row);
                    }
                } finally {
                    over.run();
                }
            });
        };
        judgeToSend.forEach((stage, rows) -> rows.forEach(row -> sendJudge.accept(stage, row)));
        baseToSend.forEach((stage, rows) -> {
            for (int row : rows) {
                outstanding.incrementAndGet();
                execute(over, () -> {
                    try {
                        if (run.ended() || !send(base, stage, row)) {
                            return;
                        }
                        // Whichever answer of a pair comes second queues the judge: both are in the row by then.
                        if (answersToCome.get(row).decrementAndGet() == 0) {
                            if (StageRequests.judgeable(run.row(row))) {
                                judges.forEach(j -> sendJudge.accept(j, row)); // counted before this task is over
                            } else {
                                judge.total.addAndGet(-judges.size()); // nothing to judge: the bar will not wait
                            }
                        }
                        if (baseLeft.decrementAndGet() == 0) {
                            run.progress(judge.progress());
                        }
                    } finally {
                        over.run();
                    }
                });
            }
        });
        over.run();
        awaitAll(allOver);
    }

    /** Queues a task; if the run has just ended and its workers are gone, the task is over before it began. */
    private void execute(Runnable over, Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            over.run();
        }
    }

    private void awaitAll(CompletableFuture<Void> allOver) {
        try {
            while (!allOver.isDone() && !run.ended()) {
                noticeWaiting();
                try {
                    allOver.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // look at ended() again
                } catch (ExecutionException e) {
                    return; // never completed exceptionally
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel();
        }
    }

    private void awaitStage(CountDownLatch finished) {
        try {
            while (!finished.await(50, TimeUnit.MILLISECONDS)) {
                if (run.ended()) {
                    return;
                }
                noticeWaiting();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel();
        }
    }

    /** Tells the listener which requests the run has been waiting on for a while; coordinator thread only. */
    private void noticeWaiting() {
        inFlight.check(System.nanoTime()).ifPresent(run::waiting);
    }

    /** Sends the row's request and counts it; false when the run ended meanwhile, and then it is not counted. */
    private boolean send(Tally tally, Stage stage, int row) {
        boolean ok = callFor(stage, row);
        if (!ok && !run.ended()) {
            tally.failed.incrementAndGet();
        }
        if (run.ended()) {
            return false;
        }
        tally.done.incrementAndGet();
        run.progress(tally.progress());
        return true;
    }

    /** Sends one row's request for the stage and records what came back; false when it failed. */
    private boolean callFor(Stage stage, int row) {
        AtomicReference<Usage> usage = run.usage(stage);
        String key = null;
        StageOutcome outcome;
        boolean ok;
        try {
            // Inside the try: a fault building the request is this row's error, recorded, not a lost row.
            ChatRequest request = run.requestFor(stage, row);
            if (ledger.keepsRequestKeys()) {
                key = RequestKey.of(run.spec().provider().baseUrl(), request);
            }
            ChatReply reply;
            long token = inFlight.begin();
            try {
                reply = client.complete(request);
            } finally {
                inFlight.end(token);
            }
            usage.accumulateAndGet(reply.usage(), Usage::plus);
            outcome = StageOutcome.answered(reply);
            ok = true;
        } catch (ChatFailure failure) {
            if (run.ended()) {
                return false; // interrupted by cancel: the row is simply not answered
            }
            if (failure.stopsRun()) {
                run.stop(failure.getMessage());
            }
            outcome = StageOutcome.failed(failure); // a refusal or cut-off keeps its reply and tokens
            usage.accumulateAndGet(outcome.usage(), Usage::plus);
            ok = false;
        } catch (RuntimeException bug) {
            // Recorded on the row, so it is counted and shown instead of vanishing into a worker thread.
            outcome = StageOutcome.failed("Internal error: " + bug);
            ok = false;
        }
        // Durable before anyone hears of it: a kill after this line loses nothing this request paid for.
        try {
            ledger.record(stage, row, outcome, key);
        } catch (RecordFailure e) {
            run.stop(e.getMessage());
        } catch (RuntimeException e) {
            run.stop("Could not record a response, so the run stopped: " + e.getMessage());
        }
        run.put(stage, row, outcome);
        return ok;
    }

    /**
     * A progress bar's counts (a stage's, or a pair's two stages'); the judge's total shrinks as base answers come
     * back empty.
     */
    private final class Tally {
        final Stage stage;
        final AtomicInteger done;
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger total;

        Tally(Stage stage, int done, int total) {
            this.stage = stage;
            this.done = new AtomicInteger(done);
            this.total = new AtomicInteger(total);
        }

        StageProgress progress() {
            return new StageProgress(
                    stage,
                    done.get(),
                    failed.get(),
                    total.get(),
                    run.usage(stage).get());
        }
    }
}
