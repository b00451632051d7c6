package io.arbiter.core.dataset;

/**
 * Something in a file that the importer worked around: a row left out, a column it had to name.
 *
 * @param line the physical line of the file where the problem starts, 1-based
 */
public record ImportProblem(long line, Kind kind, String message) {

    /** What went wrong, so a UI or script can group problems without parsing messages. */
    public enum Kind {
        /** A row whose cell count differs from the header's; left out of the dataset. */
        RAGGED_ROW,
        /** A quoted cell never closed before the end of the file (fatal when it is the last one). */
        UNTERMINATED_QUOTE,
        /** A header cell with no name; the column was named column_N. */
        BLANK_HEADER,
        /** A header name used twice; the later column got a _2, _3 suffix. */
        DUPLICATE_HEADER,
        /** A JSON Lines line that is not a JSON object; left out like a ragged row. */
        NOT_AN_OBJECT,
        /** The bytes were not valid in the detected encoding; the file was read again as windows-1252. */
        ENCODING_FALLBACK,
        /** A cell longer than the reader accepts (fatal). */
        CELL_TOO_LONG
    }

    /** The problem as one line: "line 12: 3 cells where the header has 4". */
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
