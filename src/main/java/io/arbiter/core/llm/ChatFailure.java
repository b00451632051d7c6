package io.arbiter.core.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request that did not produce a reply, said in plain words.
 * {@code stopsRun} is set when every further request would fail the same way (a refused key, an unknown model,
 * a used-up quota, a provider nobody answers at), so a run stops instead of failing each row in turn.
 * {@code retryable} is set when the same request may well succeed if sent again (timeouts, resets, 408, 409,
 * 429 and 5xx); the HTTP status, the provider's error code and its Retry-After are kept when there were any.
 */
public final class ChatFailure extends Exception {

    private final boolean stopsRun;
    private final boolean retryable;
    private final int statusCode;
    private final String errorCode;
    private final Duration retryAfter;

    public ChatFailure(String message, boolean stopsRun, Throwable cause) {
        this(message, stopsRun, cause, false, 0, null, null);
    }

    /**
     * @param statusCode the HTTP status, 0 when there was no HTTP answer
     * @param errorCode  the provider's error code (e.g. {@code insufficient_quota}), null when none
     * @param retryAfter how long the provider asked us to wait, null when it did not say
     */
    public ChatFailure(String message, boolean stopsRun, Throwable cause, boolean retryable, int statusCode,
                       String errorCode, Duration retryAfter) {
        super(message, cause);
        this.stopsRun = stopsRun;
        this.retryable = retryable && !stopsRun;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    /** An HTTP error answer, retryable exactly when its status is one worth sending again. */
    public static ChatFailure http(String message, int statusCode, String errorCode, Duration retryAfter,
                                   boolean stopsRun, Throwable cause) {
        return new ChatFailure(message, stopsRun, cause, isRetryableStatus(statusCode), statusCode, errorCode, retryAfter);
    }

    /** A timeout, reset or other transport failure where no answer came back: worth another try. */
    public static ChatFailure transientIo(String message, Throwable cause) {
        return new ChatFailure(message, false, cause, true, 0, null, null);
    }

    /** No answer within the request's timeout: worth another try if the row's time budget allows one. */
    public static ChatFailure timedOut(String message, Throwable cause) {
        return new ChatFailure(message, false, cause, true, 0, "timeout", null);
    }

    /** 408 Request Timeout, 409 Conflict, 429 Too Many Requests and every 5xx. */
    public static boolean isRetryableStatus(int statusCode) {
        return statusCode == 408 || statusCode == 409 || statusCode == 429 || statusCode >= 500 && statusCode <= 599;
    }

    public boolean stopsRun() {
        return stopsRun;
    }

    public boolean retryable() {
        return retryable;
    }

    public OptionalInt statusCode() {
        return statusCode == 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }

    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The same failure with another message, e.g. to say how often it was tried. */
    public ChatFailure withMessage(String message) {
        return new ChatFailure(message, stopsRun, this, retryable, statusCode, errorCode, retryAfter);
    }
}
