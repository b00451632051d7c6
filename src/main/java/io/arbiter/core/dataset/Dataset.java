package io.arbiter.core.dataset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A table of text cells read from one file: named columns and rows, immutable once built. */
public final class Dataset {

    private final String name;
    private final List<String> columns;
    private final List<String[]> rows;
    private final Map<String, Integer> columnIndex = new HashMap<>();

    /** Rows are taken as they are (not copied); each row must have one cell per column. */
    public Dataset(String name, List<String> columns, List<String[]> rows) {
        this.name = Objects.requireNonNull(name);
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        for (int i = 0; i < this.columns.size(); i++) {
            columnIndex.putIfAbsent(this.columns.get(i), i);
        }
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
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
        return rows.get(row)[column];
    }

    public String value(int row, String column) {
        return value(row, columnIndex(column));
    }
}
