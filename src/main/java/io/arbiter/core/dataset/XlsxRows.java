package io.arbiter.core.dataset;

import java.util.Arrays;
import java.util.Iterator;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads a sheet's rows into a {@link ColumnStore}: the first row with anything in it is the header (or the first row
 * of data, columns named column_1, column_2, ...), blank rows are skipped, and a cell right of the header's last gets
 * a column of its own, named like a blank header cell. A sheet's row numbers stand for a text file's lines.
 */
final class XlsxRows {

    private static final int CHECK_EVERY_ROWS = 1024;

    private final TableReading reading;
    private final ImportSettings settings;
    private final XlsxCells cells;
    private final String where;
    private final ColumnStore store;
    private HeaderNames header;
    private String[] row = new String[16];

    /** {@code where} names the file and sheet in messages. */
    XlsxRows(TableReading reading, ImportSettings settings, XlsxCells cells, String where) {
        this.reading = reading;
        this.settings = settings;
        this.cells = cells;
        this.where = where;
        this.store = reading.store();
    }

    void read(Iterator<Row> rows) throws DatasetException {
        int sinceCheck = 0;
        boolean first = true;
        int lastRow = 0; // the sheet's number of the last row read, for a message about the next
        while (store.size() < reading.maxRows() && hasNext(rows, lastRow)) {
            Row sheetRow = next(rows, lastRow);
            lastRow = sheetRow.getRowNum();
            int count = texts(sheetRow);
            if (count == 0) {
                continue; // a blank or merely formatted row
            }
            if (first) {
                first = false;
                header = new HeaderNames(reading, sheetRow.getRowNum());
                if (settings.header()) {
                    for (int c = 0; c < count; c++) {
                        store.addColumn(header.add(row[c] == null ? "" : row[c]));
                    }
                    continue;
                }
            }
            while (store.width() < count) {
                // a cell beyond the header's last: named as a blank header cell would be
                store.addColumn(settings.header() ? header.add("") : HeaderNames.numberedName(store.width()));
            }
            store.addSparseRow(row, count);
            if (++sinceCheck == CHECK_EVERY_ROWS) {
                sinceCheck = 0;
                reading.rowsRead(store.size());
            }
        }
        if (first) {
            throw new DatasetException(where + ": the sheet is empty (no cell has anything in it)");
        }
    }

    private boolean hasNext(Iterator<Row> rows, int lastRow) throws DatasetException {
        try {
            return rows.hasNext();
        } catch (RuntimeException e) {
            throw unreadable(e, lastRow);
        }
    }

    private Row next(Iterator<Row> rows, int lastRow) throws DatasetException {
        try {
            return rows.next();
        } catch (RuntimeException e) {
            throw unreadable(e, lastRow);
        }
    }

    /**
     * A row the reader could not parse (a number cell holding 1,5, a cell type it does not know), said with where to
     * look: the next row the sheet holds after the last one read. (Its number is not known: a sheet leaves its empty
     * rows out, so it may be further down.)
     */
    private DatasetException unreadable(RuntimeException e, int lastRow) {
        String which = lastRow == 0 ? "its first row" : "the next row after row " + lastRow;
        return new DatasetException(
                where + ": " + which + " cannot be read (" + XlsxFormat.causeOf(e)
                        + "); open the workbook in Excel and save it again",
                e);
    }

    /** The row's cells as text into {@link #row}; returns how many up to its last non-empty one, 0 for a blank row. */
    private int texts(Row sheetRow) {
        int width = sheetRow.getCellCount();
        if (row.length < width) {
            row = new String[Math.max(width, row.length * 2)];
        }
        Arrays.fill(row, null);
        int count = 0;
        for (int c = 0; c < width; c++) {
            Cell cell = sheetRow.getCell(c);
            String text = cells.text(cell);
            if (!text.isEmpty()) {
                row[c] = store.cell(c, text);
                count = c + 1;
            }
        }
        return count;
    }
}
