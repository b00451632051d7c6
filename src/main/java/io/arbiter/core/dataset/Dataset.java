package io.arbiter.core.dataset;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table of text cells read from one file: named columns and rows, immutable once built.
 *
 * <p>Cells are held column by column, one array per column, so a million rows cost one reference per cell and no
 * per-row object; repeated short values (genres, years) are shared by the importer.
 */
public final class Dataset {

    private final String name;
    private final Path source;
    private final List<String> columns;
    private final String[][] cells; // [column][row]
    private final int size;
    private final Map<String, Integer> columnIndex = new HashMap<>();

    /** Rows are copied into columns; each row must have one cell per column. */
    public Dataset(String name, List<String> columns, List<String[]> rows) {
        this(name, null, columns, byColumn(columns.size(), rows), rows.size());
    }

    /** Takes the column arrays as they are; each must hold at least {@code size} cells. */
    Dataset(String name, Path source, List<String> columns, String[][] cells, int size) {
        this.name = Objects.requireNonNull(name);
        this.source = source;
        this.columns = List.copyOf(columns);
        this.cells = cells;
        this.size = size;
        if (cells.length != this.columns.size()) {
            throw new IllegalArgumentException(cells.length + " column arrays for " + this.columns.size() + " columns");
        }
        for (int i = 0; i < this.columns.size(); i++) {
            columnIndex.putIfAbsent(this.columns.get(i), i);
        }
    }

    private static String[][] byColumn(int width, List<String[]> rows) {
        String[][] cells = new String[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (row.length != width) {
                throw new IllegalArgumentException(
                        "row " + (r + 1) + " has " + row.length + " cells for " + width + " columns");
            }
            for (int c = 0; c < width; c++) {
                cells[c][r] = row[c];
            }
        }
        return cells;
    }

    public String name() {
        return name;
    }

    /** The file the dataset was read from, or null when it came from a stream or was built in code. */
    public Path source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return size;
    }

    public boolean hasColumn(String column) {
        return columnIndex.containsKey(column);
    }

    /** Index of the named column; throws if the dataset has no such column. */
    public int columnIndex(String column) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            throw new IllegalArgumentException("No column '" + column + "' in " + name + "; columns are " + columns);
        }
        return index;
    }

    public String value(int row, int column) {
        Objects.checkIndex(row, size);
        return cells[column][row];
    }

    public String value(int row, String column) {
        return value(row, columnIndex(column));
    }
}
