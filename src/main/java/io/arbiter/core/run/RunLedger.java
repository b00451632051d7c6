package io.arbiter.core.run;

import java.util.Map;

/**
 * Where a run writes every response the moment it arrives, and reads back what an earlier attempt at the same run
 * already has, so a crash or kill loses nothing already paid for and a resumed run asks only for what is missing.
 * Implementations are called from many worker threads at once and return only once the response is durable.
 */
public interface RunLedger {

    /** What the ledger holds for one stage, by row: answers and recorded errors alike. */
    Map<Integer, StageOutcome> stored(Stage stage);

    /**
     * Writes one stage's outcome for one row, replacing what was there.
     *
     * @param requestKey the {@link io.arbiter.core.llm.RequestKey} of the request sent; null when unknown
     */
    void record(Stage stage, int row, StageOutcome outcome, String requestKey);

    /**
     * False when the request keys given to {@link #record} are thrown away, so the run need not work them out: a
     * SHA-256 over each whole prompt was 7% of a realtime worker's CPU at concurrency 256 (docs/PERFORMANCE.md).
     */
    default boolean keepsRequestKeys() {
        return true;
    }

    /** Writes many outcomes at once, e.g. a downloaded batch output file; keys may lack rows. */
    default void recordAll(Stage stage, Map<Integer, StageOutcome> outcomes, Map<Integer, String> requestKeys) {
        outcomes.forEach((row, outcome) -> record(stage, row, outcome, requestKeys.get(row)));
    }

    /** Keeps nothing: a run that is not resumable, as runs were before the ledger. */
    RunLedger NONE = new RunLedger() {
        @Override
        public Map<Integer, StageOutcome> stored(Stage stage) {
            return Map.of();
        }

        @Override
        public void record(Stage stage, int row, StageOutcome outcome, String requestKey) {}

        @Override
        public boolean keepsRequestKeys() {
            return false;
        }
    };
}
