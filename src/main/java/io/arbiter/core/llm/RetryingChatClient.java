package io.arbiter.core.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

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
    private final LongSupplier nanoTime;

    /**
     * @param limiter null to send as fast as the caller's concurrency allows
     */
    public RetryingChatClient(ChatClient delegate, RetryPolicy policy, RateLimiter limiter) {
        this(delegate, policy, limiter, Sleeper.SYSTEM, () -> ThreadLocalRandom.current()
                .nextDouble());
    }

    RetryingChatClient(
            ChatClient delegate, RetryPolicy policy, RateLimiter limiter, Sleeper sleeper, DoubleSupplier random) {
        this(delegate, policy, limiter, sleeper, random, System::nanoTime);
    }

    /** @param nanoTime the clock a row's time budget is measured on; {@code System::nanoTime} but in tests */
    RetryingChatClient(
            ChatClient delegate,
            RetryPolicy policy,
            RateLimiter limiter,
            Sleeper sleeper,
            DoubleSupplier random,
            LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
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

    /**
     * Sends the request, and again while the failure is worth it and the row's time budget allows: each attempt
     * gets at most what is left of the budget, and a retry that would have less than the policy's minimum is not
     * sent; the failure then says how long the row took and which setting bounds it.
     */
    @Override
    public ChatReply complete(ChatRequest request) throws ChatFailure {
        long estimate = RateLimiter.estimateTokens(request);
        long started = 0;
        Duration budget = policy.timeouts().row();
        ChatFailure previous = null;
        for (int attempt = 1; ; attempt++) {
            RateLimiter.Permit permit = admit(estimate);
            if (attempt == 1) {
                started = nanoTime.getAsLong(); // a wait for the client's own rate limit is not the provider's time
            }
            Duration left = budget.minusNanos(nanoTime.getAsLong() - started);
            if (previous != null && left.compareTo(policy.minimumAttempt()) < 0) {
                // The rate limit held the retry until too little of the budget was left for it.
                if (permit != null) {
                    permit.release();
                }
                throw outOfBudget(previous, attempt - 1, started, budget);
            }
            boolean cutByBudget = left.compareTo(policy.timeouts().request()) < 0;
            Duration limit = cutByBudget ? left : policy.timeouts().request();
            try {
                ChatReply reply = delegate.complete(
                        request, limit.isNegative() || limit.isZero() ? policy.minimumAttempt() : limit);
                if (permit != null) {
                    permit.settle(reply.usage().total());
                }
                return reply;
            } catch (ChatFailure failure) {
                if (permit != null) {
                    permit.release(); // a failed attempt used no tokens; keeping its estimate would starve the rest
                }
                ChatFailure named = cutByBudget ? budgetCut(failure, budget) : failure;
                backOffOrThrow(named, attempt, started, budget);
                previous = named;
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
        backOffOrThrow(failure, attempt, nanoTime.getAsLong(), null);
    }

    /** @param budget the row's time budget, counted from {@code started}; null when the call has none */
    private void backOffOrThrow(ChatFailure failure, int attempt, long started, Duration budget) throws ChatFailure {
        if (!worthRetrying(failure)) {
            throw failure;
        }
        if (attempt >= policy.maxAttempts()) {
            throw attempt == 1
                    ? failure
                    : failure.withMessage(failure.getMessage() + " (gave up after " + attempt + " attempts)");
        }
        Duration delay = delayAfter(failure, attempt);
        if (budget != null) {
            Duration spent = Duration.ofNanos(nanoTime.getAsLong() - started);
            if (budget.minus(spent).minus(delay).compareTo(policy.minimumAttempt()) < 0) {
                throw outOfBudget(failure, attempt, started, budget);
            }
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatFailure("Interrupted while waiting to retry: " + failure.getMessage(), false, e);
        }
    }

    /** The failure, saying that the row's time budget leaves no room for another attempt, and how to raise it. */
    private ChatFailure outOfBudget(ChatFailure failure, int attempts, long started, Duration budget) {
        Duration spent = Duration.ofNanos(nanoTime.getAsLong() - started);
        return failure.withMessage(failure.getMessage() + " (gave up after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " in " + Timeouts.words(roundedUp(spent))
                + ": another would not fit in the row's time budget of " + Timeouts.words(budget)
                + "; raise it with --row-timeout, or Row timeout in the provider's settings)");
    }

    /**
     * A time-out of an attempt that had only what was left of the row's budget, not the whole request timeout: the
     * message then names the budget, not the request timeout.
     */
    private static ChatFailure budgetCut(ChatFailure failure, Duration budget) {
        String message = failure.getMessage();
        int named = message.indexOf(" (the request timeout:");
        if (!failure.errorCode().filter("timeout"::equals).isPresent() || named < 0) {
            return failure;
        }
        return failure.withMessage(message.substring(0, named) + " (all that was left of the row's time budget of "
                + Timeouts.words(budget) + ").");
    }

    /** Whole seconds, and tenths below ten seconds, so a short budget does not read "in 0 s". */
    private static Duration roundedUp(Duration spent) {
        return spent.compareTo(Duration.ofSeconds(10)) < 0
                ? Duration.ofMillis((spent.toMillis() + 99) / 100 * 100)
                : Duration.ofSeconds(spent.toSeconds());
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
