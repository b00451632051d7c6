package io.arbiter.core.run;

import io.arbiter.core.llm.BatchResultLine;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.Usage;

/**
 * What one stage produced for one row: the reply text, or the error that stopped it, or nothing yet.
 *
 * @param text      the model's answer, without any reasoning before it; null when there is none. This is what is
 *                  parsed and what the judge is shown as the base answer
 * @param error     why the request failed, in plain words; null when it did not
 * @param usage     tokens reported by the provider (a refused or cut-off reply's too: they were paid for)
 * @param fromCache true when the answer came from the response cache in this run, so its tokens were not paid again
 * @param reasoning what the model reasoned before answering; null when it gave none. Shown, never parsed or sent on
 * @param rawBody   the provider's reply as received when it came back whole but could not be used; null otherwise
 */
public record StageOutcome(
        String text, String error, Usage usage, boolean fromCache, String reasoning, String rawBody) {

    public static final StageOutcome PENDING = new StageOutcome(null, null, Usage.NONE);

    public StageOutcome(String text, String error, Usage usage) {
        this(text, error, usage, false);
    }

    public StageOutcome(String text, String error, Usage usage, boolean fromCache) {
        this(text, error, usage, fromCache, null, null);
    }

    public static StageOutcome answered(String text, Usage usage) {
        return new StageOutcome(text, null, usage);
    }

    /** The stage outcome of a reply, remembering whether it came from the cache and what it reasoned. */
    public static StageOutcome answered(ChatReply reply) {
        return new StageOutcome(reply.content(), null, reply.usage(), reply.fromCache(), reply.reasoning(), null);
    }

    public static StageOutcome failed(String error) {
        return new StageOutcome(null, error, Usage.NONE);
    }

    /** A failed request, with the reply it got (when one came back whole) and the tokens that reply cost. */
    public static StageOutcome failed(ChatFailure failure) {
        return new StageOutcome(
                null,
                failure.getMessage(),
                failure.usage(),
                false,
                null,
                failure.rawBody().orElse(null));
    }

    /**
     * A batch output or error line as this stage's outcome; {@code prefix} goes before a failed line's error
     * (e.g. "Batch line 12: ").
     */
    public static StageOutcome of(BatchResultLine line, String prefix) {
        return line.answered()
                ? new StageOutcome(line.text(), null, line.usage(), false, line.reasoning(), null)
                : new StageOutcome(null, prefix + line.error(), line.usage(), false, null, line.rawBody());
    }

    public boolean answered() {
        return text != null;
    }

    public boolean failed() {
        return error != null;
    }
}
