package io.arbiter.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A length of time as the timeout flags take it: seconds ("120", "0.5"), or with a unit ("90s", "30m", "24h").
 * Zero, negative and unreadable values are refused with the value in the message.
 */
final class Seconds implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        double unit = 1;
        if (text.endsWith("ms")) {
            unit = 0.001;
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("s")) {
            text = text.substring(0, text.length() - 1);
        } else if (text.endsWith("m")) {
            unit = 60;
            text = text.substring(0, text.length() - 1);
        } else if (text.endsWith("h")) {
            unit = 3600;
            text = text.substring(0, text.length() - 1);
        }
        double seconds;
        try {
            seconds = Double.parseDouble(text.strip()) * unit;
        } catch (NumberFormatException e) {
            throw new TypeConversionException(
                    "'" + value + "' is not a time: give seconds (120, 0.5) or 90s, 30m, 24h");
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new TypeConversionException("'" + value + "' must be a time above zero");
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }
}
