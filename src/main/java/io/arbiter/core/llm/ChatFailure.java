package io.arbiter.core.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request that did not produce a reply, said in plain words.
 * {@code stopsRun} is set when every further request would fail the same way (a refused key, an unknown model,
 * a used-up quota, a provider nobody answers at), so a run stops instead of failing each row in turn.
 * {@code retryable} is set when the same request may well succeed if sent again (timeouts, resets, 408, 409,
 * 429 and 5xx); the HTTP status, the provider's error code, the parameter it named and its Retry-After are kept
 * when there were any.
 * A reply that came back whole but could not be used (a refusal, a cut-off, a body that is no chat completion) keeps
 * its raw body, capped and redacted, for the row detail, and the tokens it cost.
 */
public final class ChatFailure extends Exception {

    private final boolean stopsRun;
    private final boolean retryable;
    private final int statusCode;
    private final String errorCode;
    private final Duration retryAfter;
    private final String rawBody;
    private final Usage usage;
    private final String param;

    public ChatFailure(String message, boolean stopsRun, Throwable cause) {
        this(message, stopsRun, cause, false, 0, null, null);
    }

    /**
     * @param statusCode the HTTP status, 0 when there was no HTTP answer
     * @param errorCode  the provider's error code (e.g. {@code insufficient_quota}), null when none
     * @param retryAfter how long the provider asked us to wait, null when it did not say
     */
    public ChatFailure(
            String message,
            boolean stopsRun,
            Throwable cause,
            boolean retryable,
            int statusCode,
            String errorCode,
            Duration retryAfter) {
        this(message, stopsRun, cause, retryable, statusCode, errorCode, retryAfter, null, Usage.NONE, null);
    }

    private ChatFailure(
            String message,
            boolean stopsRun,
            Throwable cause,
            boolean retryable,
            int statusCode,
            String errorCode,
            Duration retryAfter,
            String rawBody,
            Usage usage,
            String param) {
        super(message, cause);
        this.stopsRun = stopsRun;
        this.retryable = retryable && !stopsRun;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
        this.rawBody = rawBody;
        this.usage = usage == null ? Usage.NONE : usage;
        this.param = param;
    }

    /** A whole reply that was read and cannot be used: sending it again would get the same, so it is not retried. */
    public static ChatFailure unusableReply(String message, String rawBody, Usage usage) {
        return new ChatFailure(message, false, null, false, 0, null, null, rawBody, usage, null);
    }

    /** An HTTP error answer, retryable exactly when its status is one worth sending again. */
    public static ChatFailure http(
            String message, int statusCode, String errorCode, Duration retryAfter, boolean stopsRun, Throwable cause) {
        return new ChatFailure(
                message, stopsRun, cause, isRetryableStatus(statusCode), statusCode, errorCode, retryAfter);
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

    /** The request parameter the provider named as the problem (e.g. {@code response_format}), when it named one. */
    public Optional<String> param() {
        return Optional.ofNullable(param);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The reply as received, when it came back whole but could not be used; capped and redacted. */
    public Optional<String> rawBody() {
        return Optional.ofNullable(rawBody);
    }

    /** Tokens the provider reported for a reply that could not be used (they were paid for); NONE otherwise. */
    public Usage usage() {
        return usage;
    }

    /** The same failure with another message, e.g. to say how often it was tried. */
    public ChatFailure withMessage(String message) {
        return new ChatFailure(
                message, stopsRun, this, retryable, statusCode, errorCode, retryAfter, rawBody, usage, param);
    }

    /** The same failure naming the request parameter the provider found fault with. */
    ChatFailure withParam(String parameter) {
        return new ChatFailure(
                getMessage(),
                stopsRun,
                getCause(),
                retryable,
                statusCode,
                errorCode,
                retryAfter,
                rawBody,
                usage,
                parameter);
    }

    /** The same failure keeping the reply it was read from (capped and redacted by the caller). */
    ChatFailure withRawBody(String raw) {
        return new ChatFailure(
                getMessage(), stopsRun, getCause(), retryable, statusCode, errorCode, retryAfter, raw, usage, param);
    }

    /**
     * The same failure with its message (and raw body) passed through {@link Redaction}; the cause is dropped when
     * any message in its chain holds something to redact (the SDK's exception carries the provider's words as sent).
     */
    ChatFailure redacted(String keyInUse) {
        String message = Redaction.redact(getMessage(), keyInUse);
        String raw = Redaction.redact(rawBody, keyInUse);
        boolean causeLeaks = false;
        for (Throwable t = getCause(); t != null && !causeLeaks; t = t.getCause()) {
            causeLeaks = t.getMessage() != null && !t.getMessage().equals(Redaction.redact(t.getMessage(), keyInUse));
        }
        if (!causeLeaks && Objects.equals(message, getMessage()) && Objects.equals(raw, rawBody)) {
            return this;
        }
        return new ChatFailure(
                message,
                stopsRun,
                causeLeaks ? null : getCause(),
                retryable,
                statusCode,
                errorCode,
                retryAfter,
                raw,
                usage,
                param);
    }
}
