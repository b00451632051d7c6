package io.arbiter.core.store;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.Stage;

/**
 * One stage's answer for one row of one run, as written to the project file the moment it arrived.
 *
 * @param text       the reply; null when the request failed
 * @param error      why it failed, in plain words; null when it did not
 * @param requestKey the {@link io.arbiter.core.llm.RequestKey} of the request sent; null when unknown
 * @param fromCache  true when the response cache gave the answer, so it was not paid for again
 * @param reasoning  what the model reasoned before its answer; null when none
 * @param rawBody    the reply as received when it came back whole but could not be used; null otherwise
 */
public record StoredResponse(
        long runId,
        Stage stage,
        int row,
        String text,
        String error,
        Usage usage,
        String requestKey,
        boolean fromCache,
        String reasoning,
        String rawBody) {

    public StoredResponse(
            long runId,
            Stage stage,
            int row,
            String text,
            String error,
            Usage usage,
            String requestKey,
            boolean fromCache) {
        this(runId, stage, row, text, error, usage, requestKey, fromCache, null, null);
    }

    /** A response that was sent for, not taken from the cache. */
    public StoredResponse(long runId, Stage stage, int row, String text, String error, Usage usage, String requestKey) {
        this(runId, stage, row, text, error, usage, requestKey, false, null, null);
    }

    public StoredResponse {
        if (stage == null) {
            throw new IllegalArgumentException("Stage must be BASE or JUDGE, not null");
        }
        if (row < 0) {
            throw new IllegalArgumentException("Row must not be negative: " + row);
        }
        usage = usage == null ? Usage.NONE : usage;
    }

    public boolean answered() {
        return text != null && error == null;
    }
}
