package io.arbiter.core.llm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A response cache that lasts as long as the process: for tests and for runs without a project file. */
public final class InMemoryResponseCache implements ResponseCache {

    private final Map<String, ChatReply> replies = new ConcurrentHashMap<>();

    @Override
    public Optional<ChatReply> cached(String requestKey) {
        return Optional.ofNullable(replies.get(requestKey));
    }

    @Override
    public void cache(String requestKey, ChatReply reply) {
        replies.putIfAbsent(requestKey, reply);
    }

    public int size() {
        return replies.size();
    }
}
