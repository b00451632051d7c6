package io.arbiter.core.llm;

import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Turns the SDK's exceptions into {@link ChatFailure}s a user can act on and a retry layer can reason about. */
final class ProviderErrors {

    /** OpenAI's code for a 429 that waiting will not cure: the account is out of credit. */
    static final String INSUFFICIENT_QUOTA = "insufficient_quota";

    private ProviderErrors() {}

    /** As {@link #explain(RuntimeException, String, String, Instant, String)} when no key was sent. */
    static ChatFailure explain(RuntimeException e, String baseUrl, String model, Instant now) {
        return explain(e, baseUrl, model, now, null);
    }

    /**
     * The failure in plain words, with the key in use and anything shaped like a key {@link Redaction redacted}:
     * a provider's error body may echo the key or the Authorization header it was sent.
     *
     * @param model    the model asked for, named in a 404; null when the call was not about a model
     * @param keyInUse the key sent with the request; null when none
     */
    static ChatFailure explain(RuntimeException e, String baseUrl, String model, Instant now, String keyInUse) {
        return explain(e, baseUrl, model, now, keyInUse, null);
    }

    /**
     * As above, naming the request's time limit when it ran out.
     *
     * @param timeout the limit the request had; null when unknown
     */
    static ChatFailure explain(
            RuntimeException e, String baseUrl, String model, Instant now, String keyInUse, Duration timeout) {
        if (timeout != null
                && !(e instanceof OpenAIServiceException)
                && causedBy(e, InterruptedIOException.class)
                && !causedBy(e, ConnectException.class)) {
            return timedOut(baseUrl, timeout, e);
        }
        return explainUnredacted(e, baseUrl, model, now).redacted(keyInUse);
    }

    /** OkHttp's call and read timeouts are InterruptedIOExceptions (SocketTimeoutException is one too). */
    static ChatFailure timedOut(String baseUrl, Duration timeout, Throwable cause) {
        return ChatFailure.timedOut(
                "No answer from " + baseUrl + " within " + Timeouts.words(timeout)
                        + " (the request timeout: raise it with --request-timeout, or Request timeout in the provider's "
                        + "settings).",
                cause);
    }

    private static ChatFailure explainUnredacted(RuntimeException e, String baseUrl, String model, Instant now) {
        if (e instanceof OpenAIServiceException service) {
            return explainService(service, baseUrl, model, now);
        }
        if (e instanceof OpenAIIoException || e instanceof OpenAIRetryableException) {
            if (causedBy(e, ConnectException.class)) {
                return new ChatFailure("Nothing answers at " + baseUrl + " (connection refused).", true, e);
            }
            return ChatFailure.transientIo("Network error talking to " + baseUrl + ": " + rootMessage(e), e);
        }
        if (e instanceof OpenAIInvalidDataException
                || causedBy(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
            // A 200 whose body is cut off or garbled was lost in transit, like a reset: the answer was never read.
            return ChatFailure.transientIo(
                    "The reply from " + baseUrl + " was cut off or garbled: " + rootMessage(e), e);
        }
        return new ChatFailure("Unexpected reply from " + baseUrl + ": " + rootMessage(e), false, e);
    }

    private static ChatFailure explainService(OpenAIServiceException e, String baseUrl, String model, Instant now) {
        int status = e.statusCode();
        String code = e.code().orElse(null);
        Duration retryAfter = RetryAfter.parse(values(e, "retry-after-ms"), values(e, "retry-after"), now)
                .orElse(null);
        if (e instanceof UnauthorizedException) {
            return ChatFailure.http(
                    "The provider at " + baseUrl + " refused the API key (401).", status, code, retryAfter, true, e);
        }
        if (e instanceof PermissionDeniedException) {
            return ChatFailure.http(
                    "The API key has no access to this (403): " + serviceMessage(e), status, code, retryAfter, true, e);
        }
        if (e instanceof NotFoundException) {
            String what = model == null ? "that endpoint" : "the model '" + model + "'";
            return ChatFailure.http(
                    "The provider at " + baseUrl + " does not know " + what + " (404).",
                    status,
                    code,
                    retryAfter,
                    true,
                    e);
        }
        if (status == 429
                && (INSUFFICIENT_QUOTA.equals(code)
                        || serviceMessage(e).contains(INSUFFICIENT_QUOTA)
                        || serviceMessage(e).contains("exceeded your current quota"))) {
            return ChatFailure.http(
                    "The provider's quota is used up (429): " + serviceMessage(e), status, code, retryAfter, true, e);
        }
        return ChatFailure.http(
                        "The provider answered " + status + ": " + serviceMessage(e),
                        status,
                        code,
                        retryAfter,
                        false,
                        e)
                .withParam(e.param().orElse(null));
    }

    private static List<String> values(OpenAIServiceException e, String header) {
        try {
            return e.headers().values(header);
        } catch (RuntimeException noHeaders) {
            return List.of();
        }
    }

    private static String serviceMessage(RuntimeException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
