package io.arbiter.core.llm;

/**
 * A model's reply text and the tokens it cost.
 *
 * @param fromCache true when the reply came from a response cache: nothing was sent, so its tokens cost nothing
 */
public record ChatReply(String content, Usage usage, boolean fromCache) {

    public ChatReply(String content, Usage usage) {
        this(content, usage, false);
    }

    /** The same reply, marked as served from a cache. */
    public ChatReply servedFromCache() {
        return new ChatReply(content, usage, true);
    }
}
