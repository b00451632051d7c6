package io.arbiter.cli;

import io.arbiter.core.dataset.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Column names as given on the command line, matched against the dataset's columns. A value that is a column's name
 * is taken whole, so {@code --input-column "Title, original"} works when there is such a column; any other value is
 * a comma-separated list where a part in double quotes is one name ({@code '"Title, original",Genre'}). The flag may
 * also be repeated. A name matches exactly, or else with the spaces around it trimmed.
 */
final class ColumnNames {

    private ColumnNames() {}

    /** Every column the values name, in order and without repeats. */
    static List<String> list(String label, String option, List<String> values, Dataset dataset) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            String whole = match(value, dataset);
            if (whole != null) {
                names.add(whole);
                continue;
            }
            for (String part : split(value)) {
                names.add(require(label, option, part, value.indexOf(',') >= 0, dataset));
            }
        }
        return List.copyOf(names);
    }

    /** The one column {@code value} names (quotes around it are allowed); null or blank when none was given. */
    static String one(String label, String option, String value, Dataset dataset) {
        if (value == null || value.isBlank()) {
            return value; // no truth column
        }
        String whole = match(value, dataset);
        if (whole != null) {
            return whole;
        }
        String stripped = value.strip();
        boolean quoted = stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"");
        return require(label, option, quoted ? unquote(stripped) : value, false, dataset);
    }

    private static String require(String label, String option, String name, boolean wasSplit, Dataset dataset) {
        String found = match(name, dataset);
        if (found != null) {
            return found;
        }
        String withComma = dataset.columns().stream()
                .filter(c -> c.indexOf(',') >= 0)
                .findFirst()
                .orElse(null);
        String hint = wasSplit && withComma != null
                ? "; a name that holds a comma goes in double quotes: " + option + " '" + quote(withComma) + "'"
                : "";
        throw new CliFailure(
                label + " '" + name + "' is not in " + dataset.name() + " (columns: "
                        + dataset.columns().stream().map(ColumnNames::listed).collect(Collectors.joining(", ")) + ")"
                        + hint,
                ArbiterCli.BAD_INPUT);
    }

    private static String match(String name, Dataset dataset) {
        if (dataset.hasColumn(name)) {
            return name;
        }
        String stripped = name.strip();
        return !stripped.isEmpty() && dataset.hasColumn(stripped) ? stripped : null;
    }

    /** Splits on commas outside double quotes; a doubled quote inside quotes is one quote; empty parts are dropped. */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    if (!quoted && part.toString().isBlank()) {
                        part.setLength(0); // the spaces before an opening quote are not part of the name
                    }
                    quoted = !quoted;
                    wasQuoted = true;
                }
            } else if (!quoted && wasQuoted && Character.isWhitespace(c)) {
                continue; // nor those after the closing one
            } else if (c == ',' && !quoted) {
                add(parts, part, wasQuoted);
                part.setLength(0);
                wasQuoted = false;
            } else {
                part.append(c);
            }
        }
        add(parts, part, wasQuoted);
        return parts;
    }

    private static void add(List<String> parts, StringBuilder part, boolean wasQuoted) {
        // A quoted name keeps its spaces; an unquoted one loses those around the commas ("A, B").
        String name = wasQuoted ? part.toString() : part.toString().strip();
        if (!name.isEmpty()) {
            parts.add(name);
        }
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"");
    }

    /** A column as the list in a message shows it: quoted when a comma or quote would make the list ambiguous. */
    private static String listed(String column) {
        return column.indexOf(',') >= 0 || column.indexOf('"') >= 0 ? quote(column) : column;
    }

    private static String quote(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }
}
