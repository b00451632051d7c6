package io.arbiter.core.dataset;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.dhatim.fastexcel.reader.Cell;

/**
 * A workbook cell's text as Excel shows it rather than as it is stored: a date (a day count with a date format) as
 * ISO 2024-03-05, or 2024-03-05T13:45:10 when it has a time; a number to Excel's 15 significant digits, so 0.1 stored
 * as 0.1000000000000000055 reads 0.1 and 3.0 reads 3; TRUE and FALSE; a formula as the value Excel last computed
 * (empty when the file holds none); an error as Excel spells it (#DIV/0!); a duration as its elapsed-time format
 * shows it (36:00:00 for a day and a half under [h]:mm:ss).
 */
final class XlsxCells {

    /** Excel shows at most 15 significant digits; the 16th and 17th a file stores are binary noise. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_UP);

    /** 9999-12-31, the last day Excel shows; larger day counts show as ####. */
    private static final int LAST_DAY = 2_958_465;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What a number format makes of a number. */
    enum Shown {
        NUMBER,
        DATE,
        TIME
    }

    private final boolean date1904;

    /** {@code date1904}: the workbook counts days from 1904-01-01 (old Mac Excel), not 1900-01-00. */
    XlsxCells(boolean date1904) {
        this.date1904 = date1904;
    }

    String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY -> "";
            case NUMBER -> value == null ? "" : number((BigDecimal) value, cell);
            case BOOLEAN -> value == null ? "" : bool((Boolean) value);
            case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case STRING -> value == null ? "" : unescape(value.toString());
            case FORMULA -> cached(value, cell);
        };
    }

    /** A formula's last computed value is typed like a plain cell's: a number, TRUE/FALSE, or text. */
    private String cached(Object value, Cell cell) {
        if (value instanceof BigDecimal number) {
            return number(number, cell);
        }
        if (value instanceof Boolean b) {
            return bool(b);
        }
        return value == null ? "" : unescape(value.toString());
    }

    /**
     * Text with the characters XML cannot hold put back: Excel writes a carriage return as {@code _x000D_} (any
     * character as {@code _xHHHH_}), and an underscore that would start such a sequence as {@code _x005F_}.
     */
    static String unescape(String text) {
        int at = text.indexOf("_x");
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (; at >= 0; at = text.indexOf("_x", from)) {
            out.append(text, from, at);
            if (at + 7 <= text.length() && text.charAt(at + 6) == '_' && hex(text, at + 2, at + 6)) {
                out.append((char) Integer.parseInt(text.substring(at + 2, at + 6), 16));
                from = at + 7;
            } else {
                out.append('_');
                from = at + 1;
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean hex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private String number(BigDecimal value, Cell cell) {
        ElapsedTime elapsed = elapsed(cell.getDataFormatId(), cell.getDataFormatString());
        if (elapsed != null && value.abs().compareTo(BigDecimal.valueOf(LAST_DAY + 1L)) < 0) {
            return elapsed.show(value); // beyond Excel's last day it shows ####: the number is more use
        }
        Shown shown = shown(cell.getDataFormatId(), cell.getDataFormatString());
        if (shown != Shown.NUMBER && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(LAST_DAY + 1L)) < 0) {
            return dateTime(value, shown, date1904);
        }
        return number(value);
    }

    /** The elapsed-time format a cell is shown with ([h]:mm:ss and the like); null for any other. */
    static ElapsedTime elapsed(Integer id, String format) {
        if (format == null || format.isBlank()) {
            return id != null && id == 46 ? ElapsedTime.BUILT_IN_46 : null;
        }
        return ElapsedTime.in(format);
    }

    /** A number with Excel's 15 significant digits, no trailing zeros and no exponent: 0.1, 3, 12345678.5. */
    static String number(BigDecimal value) {
        BigDecimal shown = value.round(EXCEL_DIGITS).stripTrailingZeros();
        return shown.signum() == 0 ? "0" : shown.toPlainString();
    }

    private static String bool(Boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    /**
     * A day count as ISO: the date, with the time to the second when there is one; a time format's value under a day
     * as the time alone (a duration or a time of day, as Excel shows it).
     */
    static String dateTime(BigDecimal serial, Shown shown, boolean date1904) {
        long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
        long seconds = serial.subtract(BigDecimal.valueOf(days))
                .multiply(BigDecimal.valueOf(86_400))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        if (seconds == 86_400) {
            days++;
            seconds = 0;
        }
        if (shown == Shown.TIME && days == 0) {
            return LocalTime.ofSecondOfDay(seconds).format(TIME);
        }
        LocalDate day = epoch(days, date1904).plusDays(days);
        return seconds == 0
                ? day.toString()
                : LocalDateTime.of(day, LocalTime.ofSecondOfDay(seconds)).format(DATE_TIME);
    }

    /**
     * Day 0 of the count. Excel's 1900 count holds a 29 February 1900 that never was (day 60, kept from Lotus 1-2-3),
     * so from day 61 on it is a day ahead of the calendar: day 1 is 1900-01-01, day 61 1900-03-01.
     */
    private static LocalDate epoch(long days, boolean date1904) {
        if (date1904) {
            return LocalDate.of(1904, 1, 1);
        }
        return days < 61 ? LocalDate.of(1899, 12, 31) : LocalDate.of(1899, 12, 30);
    }

    /**
     * Whether a number format shows a date, a time or a number. Excel's built-in formats are known by number (14-22
     * and 45-47, with the East Asian 27-36 and 50-58); a custom one is a date when, outside quoted text, escapes and
     * [colour] or [$-locale] brackets, its first section has a day, month or year, and a time when it has only hours,
     * minutes or seconds. Elapsed times ([h]:mm) are durations, read by {@link ElapsedTime} before this is asked.
     */
    static Shown shown(Integer id, String format) {
        if (format == null || format.isBlank()) {
            return id == null ? Shown.NUMBER : builtIn(id);
        }
        String codes = codes(format);
        if (codes == null) {
            return Shown.NUMBER;
        }
        if (codes.indexOf('y') >= 0 || codes.indexOf('d') >= 0) {
            return Shown.DATE;
        }
        if (codes.indexOf('h') >= 0 || codes.indexOf('s') >= 0) {
            return Shown.TIME;
        }
        return codes.indexOf('m') >= 0 ? Shown.DATE : Shown.NUMBER; // "mmm": a month alone
    }

    private static Shown builtIn(int id) {
        if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || (id >= 34 && id <= 36)) {
            return Shown.DATE;
        }
        if ((id >= 18 && id <= 21) || id == 45 || id == 47 || id == 32 || id == 33) {
            return Shown.TIME;
        }
        return id >= 50 && id <= 58 ? Shown.DATE : Shown.NUMBER;
    }

    /** The format's first section in lower case without literal text; null for an elapsed time or General. */
    private static String codes(String format) {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            switch (c) {
                case ';' -> i = format.length(); // later sections are for negatives, zero and text
                case '"' -> {
                    int close = format.indexOf('"', i + 1);
                    i = close < 0 ? format.length() : close;
                }
                case '\\', '_', '*' -> i++; // an escaped, spaced or repeated character
                case '[' -> {
                    int close = format.indexOf(']', i + 1);
                    String inside = format.substring(i + 1, close < 0 ? format.length() : close)
                            .toLowerCase(Locale.ROOT);
                    if (inside.matches("h+|m+|s+")) {
                        return null;
                    }
                    i = close < 0 ? format.length() : close;
                }
                default -> codes.append(Character.toLowerCase(c));
            }
        }
        String lower = codes.toString();
        return lower.strip().equals("general") ? null : lower.replace("general", "");
    }
}
