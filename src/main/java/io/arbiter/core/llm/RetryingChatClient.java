package io.arbiter.core.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Sends a realtime request again when the failure is one that passes (timeouts, resets, 408, 409, 429, 5xx),
 * with jittered exponential backoff or the provider's Retry-After; never on 400/401/403/404/422 or a used-up
 * quota, which surface at once. Optionally spaces requests with a {@link RateLimiter} first.
 */
public final class RetryingChatClient implements ChatClient {

    private final ChatClient delegate;
    private final RetryPolicy policy;
    private final RateLimiter limiter;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * @param limiter null to send as fast as the caller's concurrency allows
     */
    public RetryingChatClient(ChatClient delegate, RetryPolicy policy, RateLimiter limiter) {
        this(delegate, policy, limiter, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryingChatClient(ChatClient delegate, RetryPolicy policy, RateLimiter limiter, Sleeper sleeper,
                       DoubleSupplier random) {
        this.delegate = delegate;
        this.policy = policy;
        this.limiter = limiter;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** The provider's client with the SDK's own retries off, so only this layer retries. */
    public static RetryingChatClient openAi(ProviderProfile profile, RetryPolicy policy, RateLimiter limiter)
            throws ChatFailure {
        return new RetryingChatClient(new OpenAiChatClient(profile, 0), policy, limiter);
    }

    @Override
    public ChatReply complete(ChatRequest request) throws ChatFailure {
        long estimate = RateLimiter.estimateTokens(request);
        for (int attempt = 1; ; attempt++) {
            RateLimiter.Permit permit = admit(estimate);
            try {
                ChatReply reply = delegate.complete(request);
                if (permit != null) {
                    permit.settle(reply.usage().total());
                }
                return reply;
            } catch (ChatFailure failure) {
                if (permit != null) {
                    permit.release(); // a failed attempt used no tokens; keeping its estimate would starve the rest
                }
                backOffOrThrow(failure, attempt);
            }
        }
    }

    @Override
    public List<String> models() throws ChatFailure {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.models();
            } catch (ChatFailure failure) {
                backOffOrThrow(failure, attempt);
            }
        }
    }

    /** Whether a failure is worth sending again: never when it stops the run; by status when there is one. */
    static boolean worthRetrying(ChatFailure failure) {
        if (failure.stopsRun()) {
            return false;
        }
        if (failure.statusCode().isPresent()) {
            return ChatFailure.isRetryableStatus(failure.statusCode().getAsInt());
        }
        return failure.retryable();
    }

    /** How long to wait after the given failed attempt: Retry-After when the provider said, else full jitter. */
    Duration delayAfter(ChatFailure failure, int attempt) {
        if (failure.retryAfter().isPresent()) {
            Duration asked = failure.retryAfter().get();
            return asked.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : asked;
        }
        long ceiling = policy.backoffCeiling(attempt).toNanos();
        return Duration.ofNanos((long) (random.getAsDouble() * ceiling));
    }

    private void backOffOrThrow(ChatFailure failure, int attempt) throws ChatFailure {
        if (!worthRetrying(failure)) {
            throw failure;
        }
        if (attempt >= policy.maxAttempts()) {
            throw attempt == 1 ? failure
                    : failure.withMessage(failure.getMessage() + " (gave up after " + attempt + " attempts)");
        }
        try {
            sleeper.sleep(delayAfter(failure, attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatFailure("Interrupted while waiting to retry: " + failure.getMessage(), false, e);
        }
    }

    private RateLimiter.Permit admit(long estimate) throws ChatFailure {
        if (limiter == null) {
            return null;
        }
        try {
            return limiter.acquire(estimate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatFailure("Interrupted while waiting for the rate limit", false, e);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
