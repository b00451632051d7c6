package io.arbiter.core.dataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which columns feed the prompts and which hold the truth, and what the base model is asked to do.
 *
 * @param inputColumns   columns sent to the base model when its prompt has no user part
 * @param truthColumn    the ground-truth column, or null when the dataset has none
 * @param truthSeparator splits a multi-label truth cell such as "Crime, Drama"; empty for single-label
 * @param answerColumn   a column that already holds the base model's answers (judge-only mode), or null
 * @param labelRenames   truth labels renamed or merged before a run, e.g. "Sci-fi" → "Sci-Fi"
 * @param task           classify (the answer names a label) or generate (free text, kept whole)
 * @param judgeColumns   the reference answer and the people's judgements the dataset holds, if any
 */
public record ColumnMapping(
        List<String> inputColumns,
        String truthColumn,
        String truthSeparator,
        String answerColumn,
        Map<String, String> labelRenames,
        TaskKind task,
        JudgeColumns judgeColumns) {

    public ColumnMapping {
        inputColumns = List.copyOf(inputColumns);
        truthSeparator = Objects.requireNonNullElse(truthSeparator, "");
        answerColumn = blankIsNull(answerColumn);
        labelRenames = Map.copyOf(Objects.requireNonNullElse(labelRenames, Map.of()));
        task = Objects.requireNonNullElse(task, TaskKind.CLASSIFY);
        judgeColumns = Objects.requireNonNullElse(judgeColumns, JudgeColumns.NONE);
    }

    /** A classification mapping, as every mapping was before task kinds. */
    public ColumnMapping(
            List<String> inputColumns,
            String truthColumn,
            String truthSeparator,
            String answerColumn,
            Map<String, String> labelRenames) {
        this(inputColumns, truthColumn, truthSeparator, answerColumn, labelRenames, TaskKind.CLASSIFY, null);
    }

    /** A mapping that runs both stages and keeps the truth labels as written. */
    public ColumnMapping(List<String> inputColumns, String truthColumn, String truthSeparator) {
        this(inputColumns, truthColumn, truthSeparator, null, Map.of());
    }

    public boolean hasTruth() {
        return truthColumn != null && !truthColumn.isBlank();
    }

    /** True when the base answers come from a column and only the judge is asked. */
    public boolean judgeOnly() {
        return answerColumn != null;
    }

    public ColumnMapping withLabelRenames(Map<String, String> renames) {
        return new ColumnMapping(inputColumns, truthColumn, truthSeparator, answerColumn, renames, task, judgeColumns);
    }

    /** The same columns for a task of {@code kind}. */
    public ColumnMapping withTask(TaskKind kind) {
        return new ColumnMapping(
                inputColumns, truthColumn, truthSeparator, answerColumn, labelRenames, kind, judgeColumns);
    }

    /** The same mapping reading the reference answer and the people's judgements from {@code columns}. */
    public ColumnMapping withJudgeColumns(JudgeColumns columns) {
        return new ColumnMapping(inputColumns, truthColumn, truthSeparator, answerColumn, labelRenames, task, columns);
    }

    /** True when base answers are free text, kept whole. */
    public boolean generates() {
        return task == TaskKind.GENERATE;
    }

    static String blankIsNull(String column) {
        return column == null || column.isBlank() ? null : column;
    }

    /** The row's truth labels, trimmed, renamed, without empties or repeats; empty without a truth column. */
    public List<String> truthLabels(Dataset dataset, int row) {
        if (!hasTruth()) {
            return List.of();
        }
        List<String> labels = splitLabels(dataset.value(row, truthColumn), truthSeparator);
        if (labelRenames.isEmpty()) {
            return labels;
        }
        Set<String> renamed = new LinkedHashSet<>();
        for (String label : labels) {
            renamed.add(labelRenames.getOrDefault(label, label));
        }
        return List.copyOf(renamed);
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
        if (inputColumns.isEmpty()) {
            problems.add("Choose at least one input column: the column the model reads.");
        }
        for (String column : inputColumns) {
            if (!dataset.hasColumn(column)) {
                problems.add("Input column '" + column + "' is not in " + dataset.name() + " (columns: "
                        + String.join(", ", dataset.columns()) + ")");
            }
        }
        if (judgeOnly() && !dataset.hasColumn(answerColumn)) {
            problems.add("Answer column '" + answerColumn + "' is not in " + dataset.name() + " (columns: "
                    + String.join(", ", dataset.columns()) + ")");
        }
        if (hasTruth() && !dataset.hasColumn(truthColumn)) {
            problems.add("Truth column '" + truthColumn + "' is not in " + dataset.name() + " (columns: "
                    + String.join(", ", dataset.columns()) + ")");
        }
        if (generates() && hasTruth()) {
            problems.add("A generating task's answers are free text, so a truth column of labels ('" + truthColumn
                    + "') cannot say whether they are right: choose no truth column, and give people's judgements"
                    + " as a human score or human verdict column");
        }
        problems.addAll(judgeColumns.problemsWith(dataset));
        return problems;
    }
}
