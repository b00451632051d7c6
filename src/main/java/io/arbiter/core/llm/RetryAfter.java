package io.arbiter.core.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Reads how long a provider asks to be left alone: Retry-After in seconds or as an HTTP date, or retry-after-ms. */
final class RetryAfter {

    private RetryAfter() {}

    /**
     * @param retryAfterMs the values of OpenAI's {@code retry-after-ms} header, preferred when present
     * @param retryAfter   the values of the standard {@code Retry-After} header
     */
    static Optional<Duration> parse(List<String> retryAfterMs, List<String> retryAfter, Instant now) {
        for (String value : retryAfterMs) {
            try {
                double millis = Double.parseDouble(value.strip());
                if (millis >= 0 && Double.isFinite(millis)) {
                    return Optional.of(Duration.ofNanos((long) (millis * 1_000_000)));
                }
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        for (String value : retryAfter) {
            Optional<Duration> parsed = parse(value, now);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    /** One Retry-After value: delta-seconds (decimals tolerated) or an IMF-fixdate; a date in the past means now. */
    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            double seconds = Double.parseDouble(text);
            if (seconds >= 0 && Double.isFinite(seconds)) {
                return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
            }
            return Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
