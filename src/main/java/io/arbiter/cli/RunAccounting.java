package io.arbiter.cli;

import io.arbiter.core.project.RunClients;
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
    private volatile RunClients clients;

    RunAccounting(RunLedger ledger) {
        this.ledger = ledger;
    }

    /** The clients whose requests are counted. */
    void use(RunClients counted) {
        this.clients = counted;
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
    public boolean keepsRequestKeys() {
        return ledger.keepsRequestKeys();
    }

    @Override
    public void recordAll(Stage stage, Map<Integer, StageOutcome> outcomes, Map<Integer, String> requestKeys) {
        ledger.recordAll(stage, outcomes, requestKeys);
        lastStoredNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    long requests() {
        RunClients counted = clients;
        return counted == null ? 0 : counted.requests();
    }

    double seconds() {
        RunClients counted = clients;
        long first = counted == null ? 0 : counted.firstSentNanos();
        long last = lastStoredNanos.get();
        if (first == 0 || last < first) {
            return 0;
        }
        return Math.round((last - first) / 1e7) / 100.0;
    }
}
