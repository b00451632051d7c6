package io.arbiter.core.run;

import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One run under way: its rows as they fill, each stage's usage, and why it ended. The coordinator thread calls
 * {@link #execute}, which takes the stages in turn and hands the sending to {@link RealtimeStages} or the Batch API;
 * workers and batch output come back here through {@link #settle} and {@link #show}, so every outcome reaches the
 * rows and the listener one way. (Past 300 lines: it holds the rows, the usage and why the run ended, and the stage
 * order beside them; a pair's stages made that order longer, and moving it out would hand all three around.)
 */
final class ActiveRun implements RunHandle {

    private final RunSpec spec;
    private final RunListener listener;
    private final RunLedger ledger;
    /** The Batch API's runner for a batch run; null in realtime. */
    private final BatchStageRunner batch;
    /** The realtime workers; null in a batch run, which sends nothing itself. */
    private final RealtimeStages realtime;

    private final StageRequests requests;
    private final RowInterpreter interpreter;
    /** Indexed by dataset row, whatever the selection, so every result keeps its row's index. */
    private final AtomicReferenceArray<RowResult> rows;
    /** Striped locks over the rows, so two outcomes for one row are put one after the other. */
    private final Object[] rowLocks = new Object[64];
    /** The rows this run sends and counts: every row, or the spec's selection. */
    private final List<Integer> covered;

    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final AtomicReference<Usage> baseUsage = new AtomicReference<>(Usage.NONE);
    private final AtomicReference<Usage> judgeUsage = new AtomicReference<>(Usage.NONE);
    private final List<BatchReconciliation> batchOutput = new CopyOnWriteArrayList<>();

    /** A realtime run through {@code client}, or with {@code batch} (and no client) a run through the Batch API. */
    ActiveRun(
            RunSpec spec,
            RunListener listener,
            ChatClient client,
            RunLedger ledger,
            BatchStageRunner batch,
            Duration waitingNotice) {
        this.spec = spec;
        this.listener = listener;
        this.ledger = ledger;
        this.batch = batch;
        this.requests = new StageRequests(spec);
        this.interpreter = RowInterpreter.of(spec);
        this.rows = new AtomicReferenceArray<>(spec.dataset().size());
        this.covered = spec.rows();
        for (int i = 0; i < rowLocks.length; i++) {
            rowLocks[i] = new Object();
        }
        this.realtime = batch == null
                ? new RealtimeStages(this, client, ledger, spec.provider().concurrency(), waitingNotice)
                : null;
    }

    void execute() {
        try {
            // Here, not in the constructor: the workbench starts a run on its UI thread, which 50,000 pending rows
            // (each with its truth read) kept from a frame for a tenth of a second.
            for (int row : covered) {
                rows.set(row, RowResult.pending(spec, row));
            }
            listener.progress(new StageProgress(Stage.JUDGE, 0, 0, 0, Usage.NONE));
            List<Stage> bases =
                    spec.stages().stream().filter(stage -> !stage.judges()).toList();
            List<Stage> judges = spec.stages().stream().filter(Stage::judges).toList();
            if (spec.mapping().judgeOnly()) {
                takeExistingAnswers();
            } else if (batch == null) {
                realtime.runAllStages(bases, judges);
                return;
            } else {
                runStages(bases, covered);
            }
            if (!ended()) {
                List<Integer> answered = new ArrayList<>();
                for (int row : covered) {
                    if (StageRequests.judgeable(rows.get(row))) {
                        answered.add(row);
                    }
                }
                runStages(judges, answered);
            }
        } catch (RecordFailure e) {
            stop(e.getMessage()); // a batch's answers could not be kept
        } catch (RuntimeException e) {
            stop("The run failed unexpectedly: " + e);
        } finally {
            if (realtime != null) {
                realtime.shutdown();
            }
            try {
                outcome.complete(snapshot());
            } catch (RuntimeException e) {
                outcome.complete(new RunOutcome(
                        List.of(),
                        AccuracyCounts.of(List.of()),
                        baseUsage.get(),
                        judgeUsage.get(),
                        RunOutcome.Status.STOPPED,
                        "The run failed unexpectedly: " + e));
            }
        }
    }

    /** Judge-only mode: the answers (both of a pair) are already in columns, so the base stage costs nothing. */
    private void takeExistingAnswers() {
        int column = spec.dataset().columnIndex(spec.mapping().answerColumn());
        for (int row : covered) {
            String answer = spec.dataset().value(row, column);
            RowResult taken = interpreter.existingAnswer(rows.get(row), answer);
            if (taken.paired()) {
                taken = interpreter.existingAnswerB(
                        taken, spec.mapping().judgeColumns().answerB(spec.dataset(), row));
            }
            show(taken);
        }
        listener.progress(new StageProgress(Stage.BASE, covered.size(), 0, covered.size(), Usage.NONE));
    }

    /**
     * Stages that share a progress bar (a pair's two answers, or its two orders), over the same rows: what the ledger
     * holds is filled in, the rest sent in realtime, all at once, or as one batch per stage in turn.
     */
    private void runStages(List<Stage> stages, List<Integer> stageRows) {
        if (stages.isEmpty()) {
            return;
        }
        Stage bar = stages.get(0).bar();
        int total = stageRows.size() * stages.size();
        Map<Stage, List<Integer>> toSend = new LinkedHashMap<>();
        int done = total;
        for (Stage stage : stages) {
            List<Integer> missing = fillFromLedger(stage, stageRows);
            toSend.put(stage, missing);
            done -= missing.size();
        }
        listener.progress(new StageProgress(bar, done, 0, total, usage(bar).get()));
        if (done == total) {
            return;
        }
        if (batch == null) {
            realtime.runStages(bar, toSend, done, total);
            return;
        }
        for (Map.Entry<Stage, List<Integer>> stage : toSend.entrySet()) {
            if (ended()) {
                return;
            }
            if (!stage.getValue().isEmpty()) {
                runBatchStage(stage.getKey(), stage.getValue(), done, total);
                done += stage.getValue().size();
            }
        }
    }

    /** One stage through the Batch API; outcomes are recorded as each output file is read. */
    private void runBatchStage(Stage stage, List<Integer> toSend, int alreadyDone, int total) {
        Map<Integer, ChatRequest> stageRequests = new LinkedHashMap<>();
        for (int row : toSend) {
            stageRequests.put(row, requestFor(stage, row));
        }
        BatchStageSink sink = new BatchStageSink(this, ledger, stage, alreadyDone, total);
        String stop = batch.run(spec.provider().baseUrl(), stage, stageRequests, sink, this::ended);
        if (stop != null) {
            stop(stop);
        }
    }

    /** Puts the ledger's answers on their rows; returns the rows still to send (unanswered or failed before). */
    List<Integer> fillFromLedger(Stage stage, List<Integer> stageRows) {
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
            settle(stage, row, outcome);
        }
        return toSend;
    }

    /** Counts an outcome's tokens and puts it on its row; for outcomes already recorded (ledger, batch output). */
    void settle(Stage stage, int row, StageOutcome outcome) {
        usage(stage).accumulateAndGet(outcome.usage(), Usage::plus);
        put(stage, row, outcome);
    }

    /**
     * Puts a stage's outcome on its row as it stands and tells the listener. A pair's answers (and its two orders)
     * come back on different workers at once: the row is read and written under its lock, so neither outcome is
     * lost and the listener hears each row's states in order.
     */
    void put(Stage stage, int row, StageOutcome outcome) {
        synchronized (rowLocks[row % rowLocks.length]) {
            RowResult updated;
            try {
                updated = interpreter.apply(stage, rows.get(row), outcome);
            } catch (RuntimeException bug) {
                updated = interpreter.apply(stage, rows.get(row), StageOutcome.failed("Internal error: " + bug));
            }
            show(updated);
        }
    }

    /** Puts the row's new result in place and tells the listener. */
    private void show(RowResult updated) {
        rows.set(updated.row(), updated);
        listener.rowUpdated(updated);
    }

    ChatRequest requestFor(Stage stage, int row) {
        return requests.request(stage, rows.get(row));
    }

    RowResult row(int row) {
        return rows.get(row);
    }

    List<Integer> covered() {
        return covered;
    }

    RunSpec spec() {
        return spec;
    }

    /** The usage of the stage's bar: a pair's second answer is base usage, its swapped judge judge usage. */
    AtomicReference<Usage> usage(Stage stage) {
        return stage.bar() == Stage.BASE ? baseUsage : judgeUsage;
    }

    void progress(StageProgress progress) {
        listener.progress(progress);
    }

    void waiting(Waiting waiting) {
        listener.waiting(waiting);
    }

    void reconciled(BatchReconciliation reconciliation) {
        batchOutput.add(reconciliation);
    }

    /** Ends the run with this reason, unless it already ended with another. */
    void stop(String reason) {
        stopReason.compareAndSet(null, reason);
    }

    boolean ended() {
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
                AccuracyCounts.of(spec.scope().measured(results).stream()
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
