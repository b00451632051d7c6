package io.arbiter.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which columns feed the prompts and which one holds the ground truth.
 *
 * @param inputColumns   columns sent to the base model when its prompt has no user part
 * @param truthColumn    the ground-truth column, or null when the dataset has none
 * @param truthSeparator splits a multi-label truth cell such as "Crime, Drama"; empty for single-label
 */
public record ColumnMapping(List<String> inputColumns, String truthColumn, String truthSeparator) {

    public ColumnMapping {
        inputColumns = List.copyOf(inputColumns);
        truthSeparator = Objects.requireNonNullElse(truthSeparator, "");
    }

    public boolean hasTruth() {
        return truthColumn != null && !truthColumn.isBlank();
    }

    /** The row's truth labels, trimmed, without empties; empty when there is no truth column. */
    public List<String> truthLabels(Dataset dataset, int row) {
        if (!hasTruth()) {
            return List.of();
        }
        return splitLabels(dataset.value(row, truthColumn), truthSeparator);
    }

    /** Splits a truth cell into trimmed, non-empty labels. */
    public static List<String> splitLabels(String cell, String separator) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        List<String> labels = new ArrayList<>();
        if (separator.isEmpty()) {
            labels.add(cell.strip());
            return labels;
        }
        int from = 0;
        while (true) {
            int at = cell.indexOf(separator, from);
            String part = (at < 0 ? cell.substring(from) : cell.substring(from, at)).strip();
            if (!part.isEmpty()) {
                labels.add(part);
            }
            if (at < 0) {
                return labels;
            }
            from = at + separator.length();
        }
    }

    /** Checks that every named column exists in the dataset; returns problems in plain words. */
    public List<String> problemsWith(Dataset dataset) {
        List<String> problems = new ArrayList<>();
        for (String column : inputColumns) {
            if (!dataset.hasColumn(column)) {
                problems.add("Input column '" + column + "' is not in " + dataset.name() + " (columns: " + String.join(", ", dataset.columns()) + ")");
            }
        }
        if (hasTruth() && !dataset.hasColumn(truthColumn)) {
            problems.add("Truth column '" + truthColumn + "' is not in " + dataset.name() + " (columns: " + String.join(", ", dataset.columns()) + ")");
        }
        return problems;
    }
}
