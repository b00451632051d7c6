package io.arbiter.core.llm;

/**
 * A model's reply text and the tokens it cost.
 *
 * @param content   the answer, without any reasoning the model put before it; what is parsed and what the judge sees
 * @param fromCache true when the reply came from a response cache: nothing was sent, so its tokens cost nothing
 * @param reasoning what the model reasoned before answering (a {@code <think>} block, a {@code reasoning_content}
 *                  field); null when it gave none. Kept for the row detail, never parsed, never sent on
 */
public record ChatReply(String content, Usage usage, boolean fromCache, String reasoning) {

    public ChatReply(String content, Usage usage) {
        this(content, usage, false, null);
    }

    public ChatReply(String content, Usage usage, boolean fromCache) {
        this(content, usage, fromCache, null);
    }

    /**
     * The reply with any reasoning before its answer split off, for replies kept before Arbiter split them (an older
     * project's cache); unchanged when it is split already or has none.
     */
    public ChatReply reasoningApart() {
        if (reasoning != null) {
            return this;
        }
        ReasoningSplit split = ReasoningSplit.of(content);
        return split.reasoning() == null || split.unclosed()
                ? this
                : new ChatReply(split.answer(), usage, fromCache, split.reasoning());
    }

    /** The same reply, marked as served from a cache. */
    public ChatReply servedFromCache() {
        return new ChatReply(content, usage, true, reasoning);
    }
}
