package io.arbiter.core.dataset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Column names from a header row, as every format with one names them: a blank cell becomes column_N and a repeated
 * name gets _2, _3, each reported where the header is.
 */
final class HeaderNames {

    private final TableReading reading;
    private final long line;
    private final List<String> names = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    /** Names for the header at {@code line} (a sheet's row), reporting renames to {@code reading}. */
    HeaderNames(TableReading reading, long line) {
        this.reading = reading;
        this.line = line;
    }

    /** Names the columns of a whole header row. */
    static List<String> of(String[] cells, long line, TableReading reading) {
        HeaderNames header = new HeaderNames(reading, line);
        for (String cell : cells) {
            header.add(cell);
        }
        return header.names;
    }

    /** column_1, column_2, ... for a file without a header. */
    static List<String> numbered(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(numberedName(i - 1));
        }
        return names;
    }

    /** The name of the column at {@code index} (0-based) in a file without a header. */
    static String numberedName(int index) {
        return "column_" + (index + 1);
    }

    /** Names the next column from its header cell; returns the name given. */
    String add(String cell) {
        int i = names.size();
        String name = cell.strip();
        if (i == 0 && name.startsWith("\uFEFF")) {
            name = name.substring(1).strip();
        }
        if (name.isEmpty()) {
            name = numberedName(i);
            reading.problem(new ImportProblem(
                    line, ImportProblem.Kind.BLANK_HEADER, "column " + (i + 1) + " has no name; it is called " + name));
        }
        if (seen.contains(name)) {
            int suffix = 2;
            while (seen.contains(name + "_" + suffix)) {
                suffix++;
            }
            String renamed = name + "_" + suffix;
            reading.problem(new ImportProblem(
                    line,
                    ImportProblem.Kind.DUPLICATE_HEADER,
                    "column name '" + name + "' appears twice; column " + (i + 1) + " is called " + renamed));
            name = renamed;
        }
        seen.add(name);
        names.add(name);
        return name;
    }
}
