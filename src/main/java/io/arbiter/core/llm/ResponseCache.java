package io.arbiter.core.llm;

import java.util.Optional;

/** Replies already paid for, by {@link RequestKey}; the project store keeps them across runs. Thread-safe. */
public interface ResponseCache {

    Optional<ChatReply> cached(String requestKey);

    /** Keeps a successful reply; a key already present keeps its first reply. */
    void cache(String requestKey, ChatReply reply);

    /**
     * Keeps a successful reply, perhaps after returning: for a caller that writes something durable right after
     * and need not wait twice. A cache without write-behind keeps it at once.
     */
    default void cacheSoon(String requestKey, ChatReply reply) {
        cache(requestKey, reply);
    }
}
