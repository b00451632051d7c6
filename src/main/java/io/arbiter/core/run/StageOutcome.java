package io.arbiter.core.run;

import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.Usage;

/**
 * What one stage produced for one row: the reply text, or the error that stopped it, or nothing yet.
 *
 * @param text  the model's reply, unchanged; null when there is none
 * @param error why the request failed, in plain words; null when it did not
 * @param usage tokens reported by the provider
 * @param fromCache true when the answer came from the response cache in this run, so its tokens were not paid again
 */
public record StageOutcome(String text, String error, Usage usage, boolean fromCache) {

    public static final StageOutcome PENDING = new StageOutcome(null, null, Usage.NONE);

    public StageOutcome(String text, String error, Usage usage) {
        this(text, error, usage, false);
    }

    public static StageOutcome answered(String text, Usage usage) {
        return new StageOutcome(text, null, usage);
    }

    /** The stage outcome of a reply, remembering whether it came from the cache. */
    public static StageOutcome answered(ChatReply reply) {
        return new StageOutcome(reply.content(), null, reply.usage(), reply.fromCache());
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
