package io.arbiter.core.dataset;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads delimited records into a {@link ColumnStore}: the header (or column_1, column_2, ... without one), blank or
 * repeated header names renamed, blank lines skipped, and rows whose cell count differs from the header's left out.
 */
final class DelimitedRows {

    private static final int CHECK_EVERY_ROWS = 1024;

    private final TableReading reading;
    private final ImportSettings settings;
    private final ColumnStore store;
    private final DelimitedTokenizer tokenizer;

    DelimitedRows(TableReading reading, ImportSettings settings) {
        this.reading = reading;
        this.settings = settings;
        this.store = reading.store();
        this.tokenizer = new DelimitedTokenizer(reading.text(), settings.delimiter(), settings.quote(), store::cell);
        reading.followLines(tokenizer::line);
    }

    /** Reads the rows; {@code sepLine} is the delimiter Excel's first line named, or null when it has none. */
    void read(Character sepLine) throws IOException, DatasetException {
        try {
            if (sepLine != null) {
                tokenizer.skipLine();
                reading.skippedSepLine(sepLine);
            }
            boolean found;
            while ((found = tokenizer.next()) && tokenizer.isBlank()) {
                // leading blank lines
            }
            if (!found) {
                throw new DatasetException(reading.name()
                        + (sepLine == null
                                ? ": the file is empty"
                                : ": has only Excel's sep=" + sepLine + " line, no header or rows"));
            }
            String[] first = Arrays.copyOf(tokenizer.fields(), tokenizer.count());
            long headerLine = tokenizer.recordLine();
            List<String> columns =
                    settings.header() ? HeaderNames.of(first, headerLine, reading) : HeaderNames.numbered(first.length);
            for (String column : columns) {
                store.addColumn(column);
            }
            int width = columns.size();
            if (!settings.header()) {
                addRow(first, first.length, width, headerLine);
            }
            int sinceCheck = 0;
            while (store.size() < reading.maxRows() && tokenizer.next()) {
                if (tokenizer.isBlank()) {
                    continue;
                }
                addRow(tokenizer.fields(), tokenizer.count(), width, tokenizer.recordLine());
                if (++sinceCheck == CHECK_EVERY_ROWS) {
                    sinceCheck = 0;
                    reading.rowsRead(store.size());
                }
            }
        } catch (DelimitedTokenizer.ParseFailure e) {
            throw new DatasetException(reading.name() + ", line " + e.line + ": " + e.getMessage());
        }
    }

    private void addRow(String[] cells, int count, int width, long recordLine) {
        if (count == width) {
            store.addRow(cells);
            return;
        }
        reading.leftOut(recordLine, ImportProblem.Kind.RAGGED_ROW, count + " cells where the header has " + width);
    }
}
