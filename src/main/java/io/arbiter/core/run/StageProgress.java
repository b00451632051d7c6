package io.arbiter.core.run;

import io.arbiter.core.llm.Usage;

/**
 * How far one stage has come.
 *
 * @param done   rows finished, answered or failed
 * @param failed rows whose request failed
 * @param total  rows the stage will send; for the judge, known once the base stage is over
 * @param usage  tokens reported so far in this stage
 * @param batchStatus the provider's status of the stage's batches (e.g. "in_progress"); null in realtime
 */
public record StageProgress(Stage stage, int done, int failed, int total, Usage usage, String batchStatus) {

    public StageProgress(Stage stage, int done, int failed, int total, Usage usage) {
        this(stage, done, failed, total, usage, null);
    }

    public double fraction() {
        return total == 0 ? 0 : (double) done / total;
    }
}
