package io.arbiter.core.dataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as an elapsed-time format shows it: {@code [h]:mm:ss} counts hours past 24 (1.5 days shows 36:00:00),
 * {@code [mm]:ss} minutes past 60 (90:00), {@code [s]} seconds. The bracketed unit is the whole count, padded to the
 * letters in the bracket; the units after it are the remainder, two digits each, to the second (fractions of a second
 * round). A negative duration keeps its sign, as the 1904 calendar shows it (the 1900 one shows #####).
 */
record ElapsedTime(char unit, int width, boolean minutes, boolean seconds) {

    /** Excel's built-in format 46. */
    static final ElapsedTime BUILT_IN_46 = new ElapsedTime('h', 1, true, true);

    private static final Pattern BRACKET = Pattern.compile("\\[(h+|m+|s+)]");

    /**
     * The elapsed-time format in a number format's first section; null when it has none. Quoted text and escaped,
     * spaced or repeated characters ({@code \x}, {@code _x}, {@code *x}) are not codes.
     */
    static ElapsedTime in(String format) {
        String codes = format.replaceAll("\"[^\"]*\"|[\\\\_*].", "");
        String section = codes.split(";", 2)[0].toLowerCase(Locale.ROOT);
        Matcher bracket = BRACKET.matcher(section);
        if (!bracket.find()) {
            return null;
        }
        char unit = bracket.group(1).charAt(0);
        String after = section.substring(bracket.end()).replaceAll("\\[[^]]*]", "");
        return new ElapsedTime(
                unit,
                bracket.group(1).length(),
                unit == 'h' && after.indexOf('m') >= 0,
                unit != 's' && after.indexOf('s') >= 0);
    }

    /** A day count (1.5 is a day and a half) as this format shows it. */
    String show(BigDecimal days) {
        long total = days.abs()
                .multiply(BigDecimal.valueOf(86_400))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        long perUnit = unit == 'h' ? 3_600 : unit == 'm' ? 60 : 1;
        StringBuilder shown = new StringBuilder(days.signum() < 0 && total > 0 ? "-" : "");
        shown.append(String.format(Locale.ROOT, "%0" + width + "d", total / perUnit));
        long rest = total % perUnit;
        if (minutes) {
            shown.append(String.format(Locale.ROOT, ":%02d", rest / 60));
        }
        if (seconds) {
            shown.append(String.format(Locale.ROOT, ":%02d", rest % 60));
        }
        return shown.toString();
    }
}
