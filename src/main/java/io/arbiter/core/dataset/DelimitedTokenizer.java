package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * An RFC 4180 record reader over a char stream: any delimiter and quote, records ended by LF, CRLF or a lone CR
 * (mixed is fine), quoted cells with delimiters, doubled quotes and line breaks, and the physical line where each
 * record starts. It copies a cell's chars only when the cell spans two buffers or holds quotes.
 */
final class DelimitedTokenizer {

    /** Makes the String for one cell; the store uses it to share repeated values. */
    interface CellMaker {
        String cell(int field, char[] chars, int offset, int length);
    }

    /** A record the tokenizer cannot read past; {@code line} is where the trouble starts. */
    static final class ParseFailure extends Exception {
        final long line;
        final ImportProblem.Kind kind;

        ParseFailure(long line, ImportProblem.Kind kind, String message) {
            super(message);
            this.line = line;
            this.kind = kind;
        }
    }

    /** Longest cell accepted: far beyond any real one, small enough that a wrong quote character cannot exhaust memory. */
    static final int MAX_CELL_CHARS = 64 * 1024 * 1024;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int AFTER_QUOTE = 3;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final CellMaker maker;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean endOfInput;
    private boolean previousBufferEndedWithCr;

    private char[] cell = new char[1024];
    private int cellLength;

    private String[] fields = new String[16];
    private int count;
    private boolean quotedAny;
    private long line = 1;
    private long recordLine;

    DelimitedTokenizer(Reader in, char delimiter, char quote, CellMaker maker) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.maker = maker;
    }

    /** The cells of the last record read; valid until the next call to {@link #next()}. */
    String[] fields() {
        return fields;
    }

    int count() {
        return count;
    }

    /** Physical line (1-based) where the last record starts. */
    long recordLine() {
        return recordLine;
    }

    /** The physical line the reader has reached (1-based). */
    long line() {
        return line;
    }

    /**
     * An empty line, or one of only spaces and tabs: one unquoted blank cell. Such a line is no row (a last line of
     * spaces left by an editor would otherwise be a one-cell ragged row); a quoted blank cell still is one.
     */
    boolean isBlank() {
        return count == 1 && !quotedAny && fields[0].isBlank();
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException, ParseFailure {
        count = 0;
        cellLength = 0;
        quotedAny = false;
        if (pos >= lim && !fill()) {
            return false;
        }
        recordLine = line;
        long quoteLine = line;
        int state = FIELD_START;
        int segment = pos;
        char[] b = buf;
        while (true) {
            if (pos >= lim) {
                append(segment, pos);
                if (!fill()) {
                    if (state == QUOTED) {
                        throw new ParseFailure(
                                quoteLine,
                                ImportProblem.Kind.UNTERMINATED_QUOTE,
                                "a quoted cell starts here and is never closed (is " + ImportSettings.describe(quote)
                                        + " the right quote character?)");
                    }
                    endCell(0, 0);
                    return true;
                }
                segment = 0;
            }
            char c = b[pos];
            switch (state) {
                case FIELD_START -> {
                    if (c == quote) {
                        state = QUOTED;
                        quotedAny = true;
                        quoteLine = line;
                        segment = ++pos;
                    } else {
                        state = UNQUOTED;
                        segment = pos;
                    }
                }
                case UNQUOTED -> {
                    // The hot loop: most cells are short and unquoted.
                    int p = pos;
                    int end = lim;
                    while (p < end) {
                        char d = b[p];
                        if (d == delimiter || d == '\n' || d == '\r') {
                            break;
                        }
                        p++;
                    }
                    pos = p;
                    if (p < end) {
                        endCell(segment, p);
                        if (b[p] == delimiter) {
                            pos++;
                            state = FIELD_START;
                            segment = pos;
                        } else {
                            endLine();
                            return true;
                        }
                    }
                }
                case QUOTED -> {
                    int p = pos;
                    int end = lim;
                    while (p < end) {
                        char d = b[p];
                        if (d == quote) {
                            break;
                        }
                        if (d == '\r') {
                            line++;
                        } else if (d == '\n' && !(p > 0 ? b[p - 1] == '\r' : previousBufferEndedWithCr)) {
                            line++;
                        }
                        p++;
                    }
                    pos = p;
                    if (p < end) {
                        append(segment, p);
                        pos++;
                        segment = pos;
                        state = AFTER_QUOTE;
                    }
                }
                default -> { // AFTER_QUOTE
                    if (c == quote) { // a doubled quote stands for one
                        segment = pos++;
                        state = QUOTED;
                    } else if (c == delimiter) {
                        endCell(pos, pos);
                        segment = ++pos;
                        state = FIELD_START;
                    } else if (c == '\n' || c == '\r') {
                        endCell(pos, pos);
                        endLine();
                        return true;
                    } else { // text after a closing quote: kept, as spreadsheets do
                        segment = pos;
                        state = UNQUOTED;
                    }
                }
            }
        }
    }

    /** Skips the rest of the current physical line and its ending (Excel's sep= line); false if the input ends first. */
    boolean skipLine() throws IOException {
        while (true) {
            if (pos >= lim && !fill()) {
                return false;
            }
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                endLine();
                return true;
            }
            pos++;
        }
    }

    private void endLine() throws IOException {
        char c = buf[pos++];
        line++;
        if (c == '\r') {
            if (pos >= lim && !fill()) {
                return;
            }
            if (buf[pos] == '\n') {
                pos++;
            }
        }
    }

    private void append(int from, int to) throws ParseFailure {
        int length = to - from;
        if (length <= 0) {
            return;
        }
        if (cellLength + length > cell.length) {
            if ((long) cellLength + length > MAX_CELL_CHARS) {
                throw new ParseFailure(
                        recordLine,
                        ImportProblem.Kind.CELL_TOO_LONG,
                        "a cell is longer than "
                                + MAX_CELL_CHARS / (1024 * 1024) + " million characters (is "
                                + ImportSettings.describe(quote)
                                + " the right quote character?)");
            }
            cell = Arrays.copyOf(cell, Math.max(cellLength + length, Math.min(MAX_CELL_CHARS, cell.length * 2)));
        }
        System.arraycopy(buf, from, cell, cellLength, length);
        cellLength += length;
    }

    private void endCell(int from, int to) throws ParseFailure {
        String value;
        if (cellLength == 0) {
            value = maker.cell(count, buf, from, to - from);
        } else {
            append(from, to);
            value = maker.cell(count, cell, 0, cellLength);
            cellLength = 0;
            if (cell.length > 1 << 20) {
                cell = new char[1024]; // do not keep a huge buffer for one huge cell
            }
        }
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = value;
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        previousBufferEndedWithCr = lim > 0 && buf[lim - 1] == '\r';
        pos = 0;
        lim = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        lim = n;
        return true;
    }
}
