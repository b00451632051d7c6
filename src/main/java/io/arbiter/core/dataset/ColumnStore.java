package io.arbiter.core.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects cells column by column while a file is read, sharing repeated short values per column so that a million
 * rows of "Drama" are one String. Columns may be added as they appear (JSON Lines); earlier rows get "".
 */
final class ColumnStore {

    private final List<String> names = new ArrayList<>();
    private final List<ValuePool> pools = new ArrayList<>();
    private String[][] cells = new String[0][];
    private int capacity;
    private int size;

    ColumnStore(List<String> columns, int expectedRows) {
        capacity = Math.max(16, expectedRows);
        for (String column : columns) {
            addColumn(column);
        }
    }

    int width() {
        return names.size();
    }

    int size() {
        return size;
    }

    List<String> names() {
        return names;
    }

    int indexOf(String column) {
        return names.indexOf(column);
    }

    /** Adds a column; rows already stored get "" in it. */
    int addColumn(String name) {
        names.add(name);
        pools.add(new ValuePool());
        cells = Arrays.copyOf(cells, names.size());
        String[] column = new String[capacity];
        Arrays.fill(column, 0, size, "");
        cells[names.size() - 1] = column;
        return names.size() - 1;
    }

    /** The cell text for a column, shared with an equal earlier value when it is short. */
    String cell(int column, char[] chars, int offset, int length) {
        if (length == 0) {
            return "";
        }
        if (column >= pools.size()) {
            return new String(chars, offset, length);
        }
        return pools.get(column).share(chars, offset, length);
    }

    String cell(int column, String value) {
        if (column >= pools.size() || value.length() > ValuePool.MAX_LENGTH) {
            return value;
        }
        return pools.get(column).share(value.toCharArray(), 0, value.length());
    }

    /** Appends a row of exactly {@link #width()} cells. */
    void addRow(String[] row) {
        ensureRoom();
        for (int c = 0; c < cells.length; c++) {
            cells[c][size] = row[c];
        }
        size++;
    }

    /** Appends a row given as cells per column index; a null cell becomes "". */
    void addSparseRow(String[] row, int count) {
        ensureRoom();
        for (int c = 0; c < cells.length; c++) {
            String value = c < count ? row[c] : null;
            cells[c][size] = value == null ? "" : value;
        }
        size++;
    }

    private void ensureRoom() {
        if (size == capacity) {
            capacity = capacity + (capacity >> 1) + 16;
            for (int c = 0; c < cells.length; c++) {
                cells[c] = Arrays.copyOf(cells[c], capacity);
            }
        }
    }

    Dataset toDataset(String name, Path source) {
        if (capacity - size > size / 8) {
            for (int c = 0; c < cells.length; c++) {
                cells[c] = Arrays.copyOf(cells[c], size);
            }
            capacity = size;
        }
        return new Dataset(name, source, names, cells, size);
    }

    /**
     * An open-addressing set of one column's short values, looked up straight from the parser's char buffer so a
     * repeated value allocates nothing. It stops growing when full and gives up on columns that rarely repeat.
     */
    static final class ValuePool {

        static final int MAX_LENGTH = 40;
        private static final int SLOTS = 1 << 13;
        private static final int MAX_ENTRIES = SLOTS / 2;
        private static final int TRIAL = 1 << 16;

        private final String[] table = new String[SLOTS];
        private int entries;
        private boolean disabled;
        private int lookupsWhileFull;
        private int hitsWhileFull;

        String share(char[] chars, int offset, int length) {
            if (disabled || length > MAX_LENGTH) {
                return new String(chars, offset, length);
            }
            int hash = 0;
            for (int i = offset; i < offset + length; i++) {
                hash = 31 * hash + chars[i];
            }
            int mask = SLOTS - 1;
            int slot = (hash ^ (hash >>> 15)) & mask;
            String found;
            while ((found = table[slot]) != null) {
                if (found.hashCode() == hash && sameChars(found, chars, offset, length)) {
                    if (entries >= MAX_ENTRIES) {
                        hitsWhileFull++;
                    }
                    return found;
                }
                slot = (slot + 1) & mask;
            }
            String value = new String(chars, offset, length);
            if (entries < MAX_ENTRIES) {
                table[slot] = value;
                entries++;
            } else if (++lookupsWhileFull == TRIAL) {
                disabled = hitsWhileFull < TRIAL / 4; // mostly unique values: stop paying for lookups
                lookupsWhileFull = 0;
                hitsWhileFull = 0;
            }
            return value;
        }

        private static boolean sameChars(String s, char[] chars, int offset, int length) {
            if (s.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (s.charAt(i) != chars[offset + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
