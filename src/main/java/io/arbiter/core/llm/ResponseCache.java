package io.arbiter.core.llm;

import java.util.Optional;

/** Replies already paid for, by {@link RequestKey}; the project store keeps them across runs. Thread-safe. */
public interface ResponseCache {

    Optional<ChatReply> cached(String requestKey);

    /** Keeps a successful reply; a key already present keeps its first reply. */
    void cache(String requestKey, ChatReply reply);
}
