package io.arbiter.core.run;

import io.arbiter.core.llm.Usage;

/**
 * What one stage produced for one row: the reply text, or the error that stopped it, or nothing yet.
 *
 * @param text  the model's reply, unchanged; null when there is none
 * @param error why the request failed, in plain words; null when it did not
 * @param usage tokens reported by the provider
 */
public record StageOutcome(String text, String error, Usage usage) {

    public static final StageOutcome PENDING = new StageOutcome(null, null, Usage.NONE);

    public static StageOutcome answered(String text, Usage usage) {
        return new StageOutcome(text, null, usage);
    }

    public static StageOutcome failed(String error) {
        return new StageOutcome(null, error, Usage.NONE);
    }

    public boolean answered() {
        return text != null;
    }

    public boolean failed() {
        return error != null;
    }
}
