package io.arbiter.core.llm;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the requests that reach the provider (every attempt, retries included) and notes when the first was sent;
 * placed innermost, under the cache and the retries, so a cache hit is never counted.
 */
public final class CountingChatClient implements ChatClient {

    private final ChatClient delegate;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong firstSentNanos = new AtomicLong();

    public CountingChatClient(ChatClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ChatReply complete(ChatRequest request) throws ChatFailure {
        firstSentNanos.compareAndSet(0, System.nanoTime());
        requests.incrementAndGet();
        return delegate.complete(request);
    }

    @Override
    public ChatReply complete(ChatRequest request, java.time.Duration timeout) throws ChatFailure {
        firstSentNanos.compareAndSet(0, System.nanoTime());
        requests.incrementAndGet();
        return delegate.complete(request, timeout);
    }

    @Override
    public List<String> models() throws ChatFailure {
        return delegate.models();
    }

    /** Chat completion requests sent, retries included. */
    public long requests() {
        return requests.get();
    }

    /** System.nanoTime() of the first request; 0 before any. */
    public long firstSentNanos() {
        return firstSentNanos.get();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
