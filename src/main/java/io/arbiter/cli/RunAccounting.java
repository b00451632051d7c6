package io.arbiter.cli;

import io.arbiter.core.llm.CountingChatClient;
import io.arbiter.core.run.BatchStageRunner;
import io.arbiter.core.run.RunLedger;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageOutcome;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The summary's {@code requests} and {@code seconds}: requests this invocation sent (batch lines included, cache
 * hits not), and the wall time from the first of them to the last answer stored. Sits in front of the real ledger
 * to see when answers are stored.
 */
final class RunAccounting implements RunLedger {

    private final RunLedger ledger;
    private final AtomicLong lastStoredNanos = new AtomicLong();
    private volatile CountingChatClient realtime;
    private volatile BatchStageRunner batch;

    RunAccounting(RunLedger ledger) {
        this.ledger = ledger;
    }

    void realtime(CountingChatClient client) {
        this.realtime = client;
    }

    void batch(BatchStageRunner runner) {
        this.batch = runner;
    }

    @Override
    public Map<Integer, StageOutcome> stored(Stage stage) {
        return ledger.stored(stage);
    }

    @Override
    public void record(Stage stage, int row, StageOutcome outcome, String requestKey) {
        ledger.record(stage, row, outcome, requestKey);
        lastStoredNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    @Override
    public void recordAll(Stage stage, Map<Integer, StageOutcome> outcomes, Map<Integer, String> requestKeys) {
        ledger.recordAll(stage, outcomes, requestKeys);
        lastStoredNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    long requests() {
        return (realtime == null ? 0 : realtime.requests()) + (batch == null ? 0 : batch.linesSent());
    }

    double seconds() {
        long first = realtime != null ? realtime.firstSentNanos() : batch != null ? batch.firstSentNanos() : 0;
        long last = lastStoredNanos.get();
        if (first == 0 || last < first) {
            return 0;
        }
        return Math.round((last - first) / 1e7) / 100.0;
    }
}
