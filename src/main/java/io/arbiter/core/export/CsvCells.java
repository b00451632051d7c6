package io.arbiter.core.export;

import java.util.regex.Pattern;

/**
 * Makes CSV cells safe to open in a spreadsheet (OWASP "CSV injection") and reads them back unchanged.
 *
 * <p>A cell that starts with {@code = + - @}, a tab or a carriage return is written with a leading {@code '},
 * which spreadsheets show as text instead of evaluating. To keep the round trip exact, a cell that already starts
 * with quotes followed by one of those characters ({@code '=1}) gets one more quote, and reading strips exactly one
 * quote from any cell that starts with quotes followed by one of them. So {@code -1+2} is stored as {@code '-1+2} and
 * reads back as {@code -1+2}; a cell such as {@code 'tis} is neither changed nor unquoted.
 *
 * <p>A plain negative number ({@code -1}, {@code -0.25}) is left as it is: a spreadsheet reads it as a number and
 * nothing in it can run, and quoted it opened as the text {@code '-1} that neither sorts nor adds up. (A file
 * written before holds {@code '-1}, which still reads back as {@code -1}.)
 */
public final class CsvCells {

    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-[0-9]+(\\.[0-9]+)?");

    private CsvCells() {}

    /** The cell as written to a file: null becomes "", a dangerous start gets a leading quote. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        if (NEGATIVE_NUMBER.matcher(value).matches()) {
            return value;
        }
        return startsDangerouslyAfterQuotes(value) ? "'" + value : value;
    }

    /** The inverse of {@link #escape}: the cell as it was before it was written. */
    public static String unescape(String cell) {
        if (cell == null) {
            return "";
        }
        return cell.startsWith("'") && startsDangerouslyAfterQuotes(cell) ? cell.substring(1) : cell;
    }

    /** True when the text, after any leading single quotes, starts with a character a spreadsheet would execute. */
    private static boolean startsDangerouslyAfterQuotes(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length() && isFormulaStart(text.charAt(i));
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
