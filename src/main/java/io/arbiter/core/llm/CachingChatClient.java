package io.arbiter.core.llm;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers a request that was answered before from the cache, without calling the provider; only successful
 * replies are kept, so a failure is always tried again. The reply comes back as first received, usage included, and
 * marked {@link ChatReply#fromCache() fromCache} so a run's cost can leave it out.
 * Keys include the temperature, but a cached reply at temperature above 0 is one sample repeated: that is the
 * point for a reproducible evaluation, and what a user turning the cache off would avoid.
 */
public final class CachingChatClient implements ChatClient {

    private final ChatClient delegate;
    private final ResponseCache cache;
    private final String baseUrl;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * @param baseUrl the provider the delegate talks to; part of every key, so two providers never share replies
     */
    public CachingChatClient(ChatClient delegate, ResponseCache cache, String baseUrl) {
        this.delegate = delegate;
        this.cache = cache;
        this.baseUrl = baseUrl;
    }

    @Override
    public ChatReply complete(ChatRequest request) throws ChatFailure {
        String key = RequestKey.of(baseUrl, request);
        var cached = cache.cached(key);
        if (cached.isPresent()) {
            hits.incrementAndGet();
            return cached.get().reasoningApart().servedFromCache();
        }
        misses.incrementAndGet();
        ChatReply reply = delegate.complete(request); // a failure propagates and is never cached
        // A run records the reply in its ledger next, and that write waits for both (the store's writer keeps order).
        cache.cacheSoon(key, reply);
        return reply;
    }

    @Override
    public List<String> models() throws ChatFailure {
        return delegate.models();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
