package io.arbiter.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsASpreadsheetWouldExecuteGetALeadingQuote() {
        // OWASP "CSV Injection": = + - @ tab and carriage return start a formula in Excel, LibreOffice, Sheets.
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", CsvCells.escape("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("'+1", CsvCells.escape("+1"));
        assertEquals("'-1+2", CsvCells.escape("-1+2"));
        assertEquals("'-A1", CsvCells.escape("-A1"));
        assertEquals("'-1e5", CsvCells.escape("-1e5"));
        assertEquals("'-", CsvCells.escape("-"));
        assertEquals("'@SUM(A1)", CsvCells.escape("@SUM(A1)"));
        assertEquals("'\tx", CsvCells.escape("\tx"));
        assertEquals("'\rx", CsvCells.escape("\rx"));
    }

    @Test
    void aPlainNegativeNumberStaysANumber() {
        for (String number : List.of("-1", "-0.25", "-1234567.125")) {
            assertEquals(number, CsvCells.escape(number), number);
            assertEquals(number, CsvCells.unescape(number), number);
        }
        assertEquals("-1", CsvCells.unescape("'-1"), "as a file written before this reads");
        assertEquals("''-1", CsvCells.escape("'-1"), "text that is a quote and a number keeps its quote");
    }

    @Test
    void harmlessCellsAreLeftAlone() {
        for (String cell : List.of("", "Drama", "Crime, Drama", "1-2", "a=b", " =x", "'tis", "''", "'")) {
            assertEquals(cell, CsvCells.escape(cell), cell);
            assertEquals(cell, CsvCells.unescape(cell), cell);
        }
        assertEquals("", CsvCells.escape(null));
    }

    @Test
    void everyValueReadsBackAsItWas() {
        for (String value : List.of(
                "-1", "-1+2", "'-1", "-0.5", "=1+1", "'=1+1", "''-x", "@home", "\t", "\r\n", "'", "'tis", "-", "Drama",
                "", "+", "'+", "''")) {
            assertEquals(value, CsvCells.unescape(CsvCells.escape(value)), value);
        }
    }

    @Test
    void onlyOneQuoteIsStrippedOnReading() {
        assertEquals("-1", CsvCells.unescape("'-1"));
        assertEquals("'-1", CsvCells.unescape("''-1"));
        assertEquals("'abc", CsvCells.unescape("'abc"));
    }
}
