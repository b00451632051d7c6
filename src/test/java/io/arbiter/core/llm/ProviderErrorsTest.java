package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.core.http.Headers;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.ErrorObject;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SDK's exceptions, built as the SDK builds them, turned into failures a retry layer can act on. */
class ProviderErrorsTest {

    private static final String URL = "https://api.example.test/v1";
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void aTruncatedReplyBodyIsRetryableLikeAReset() {
        RuntimeException e = new com.openai.errors.OpenAIInvalidDataException(
                "Error reading response",
                new com.fasterxml.jackson.core.io.JsonEOFException(null, null, "Unexpected end-of-input"));

        ChatFailure failure = ProviderErrors.explain(e, URL, "m", NOW);

        assertTrue(failure.retryable());
        assertFalse(failure.stopsRun());
        assertTrue(failure.getMessage().contains("cut off or garbled"), failure.getMessage());
    }

    @Test
    void rateLimitIsRetryableAndCarriesRetryAfter() {
        RateLimitException e = RateLimitException.builder()
                .headers(Headers.builder().put("Retry-After", "7").build())
                .error(error("rate_limit_exceeded", "Rate limit reached for requests"))
                .build();

        ChatFailure failure = ProviderErrors.explain(e, URL, "m", NOW);

        assertTrue(failure.retryable());
        assertFalse(failure.stopsRun());
        assertEquals(429, failure.statusCode().getAsInt());
        assertEquals(Optional.of(Duration.ofSeconds(7)), failure.retryAfter());
        assertEquals(Optional.of("rate_limit_exceeded"), failure.errorCode());
    }

    @Test
    void insufficientQuotaStopsTheRunWithTheProvidersMessage() {
        RateLimitException e = RateLimitException.builder()
                .headers(Headers.builder().build())
                .error(error("insufficient_quota", "You exceeded your current quota, please check your plan."))
                .build();

        ChatFailure failure = ProviderErrors.explain(e, URL, "m", NOW);

        assertTrue(failure.stopsRun());
        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("You exceeded your current quota"), failure.getMessage());
    }

    @Test
    void serverErrorIsRetryableAndBadRequestOrBadKeyIsNot() {
        ChatFailure server = ProviderErrors.explain(
                InternalServerException.builder()
                        .statusCode(503)
                        .headers(Headers.builder().build())
                        .error(error(null, "overloaded"))
                        .build(),
                URL,
                "m",
                NOW);
        ChatFailure bad = ProviderErrors.explain(
                BadRequestException.builder()
                        .headers(Headers.builder().build())
                        .error(error(null, "bad"))
                        .build(),
                URL,
                "m",
                NOW);
        ChatFailure key = ProviderErrors.explain(
                UnauthorizedException.builder()
                        .headers(Headers.builder().build())
                        .error(error(null, "no"))
                        .build(),
                URL,
                "m",
                NOW);

        assertTrue(server.retryable());
        assertEquals(503, server.statusCode().getAsInt());
        assertFalse(bad.retryable());
        assertFalse(bad.stopsRun());
        assertFalse(key.retryable());
        assertTrue(key.stopsRun());
    }

    @Test
    void timeoutIsATransientNetworkError() {
        ChatFailure failure = ProviderErrors.explain(
                new OpenAIIoException("Request failed", new SocketTimeoutException("timeout")), URL, "m", NOW);

        assertTrue(failure.retryable());
        assertFalse(failure.stopsRun());
        assertTrue(failure.statusCode().isEmpty());
    }

    @Test
    void retryAfterReadsSecondsDatesAndMilliseconds() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), RetryAfter.parse("1.5", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Wed, 01 Jan 2025 12:00:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 01 Jan 2025 11:00:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.of(Duration.ofMillis(250)), RetryAfter.parse(List.of("250"), List.of("9"), NOW));
    }

    private static ErrorObject error(String code, String message) {
        return ErrorObject.builder()
                .code(Optional.ofNullable(code))
                .message(message)
                .param(Optional.empty())
                .type("error")
                .build();
    }
}
