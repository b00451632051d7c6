package io.arbiter.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The columns beside the inputs that a judge of open-ended answers uses: a reference answer it may be shown, and what
 * people already said about the base answer, the truth the judge is checked against.
 *
 * @param reference    a reference answer, shown to the judge as {@code {{reference}}}; null when there is none
 * @param humanScore   a person's score of the base answer, a whole number on the run's scale; null when none
 * @param humanVerdict a person's Correct/Incorrect on the base answer; null when none
 * @param humanPreference which of a pair's answers a person preferred (A, B or tie); null when none
 * @param answerB      a pairwise run's second answer, B, when the dataset holds both (the mapping's answer column
 *                     holds A); null when the run generates them
 */
public record JudgeColumns(
        String reference, String humanScore, String humanVerdict, String humanPreference, String answerB) {

    public static final JudgeColumns NONE = new JudgeColumns(null, null, null);

    public JudgeColumns {
        reference = ColumnMapping.blankIsNull(reference);
        humanScore = ColumnMapping.blankIsNull(humanScore);
        humanVerdict = ColumnMapping.blankIsNull(humanVerdict);
        humanPreference = ColumnMapping.blankIsNull(humanPreference);
        answerB = ColumnMapping.blankIsNull(answerB);
    }

    /** The columns of a judge of single answers: no pair. */
    public JudgeColumns(String reference, String humanScore, String humanVerdict) {
        this(reference, humanScore, humanVerdict, null, null);
    }

    /** The same columns with a pair's second answer and the people's preferences read from these. */
    public JudgeColumns withPair(String answerBColumn, String humanPreferenceColumn) {
        return new JudgeColumns(reference, humanScore, humanVerdict, humanPreferenceColumn, answerBColumn);
    }

    /** The row's answer B as the dataset holds it; empty text without a column. */
    public String answerB(Dataset dataset, int row) {
        return answerB == null ? "" : dataset.value(row, answerB);
    }

    /** The row's human preference cell as written (A, B, tie …), null without a column; read by the run. */
    public String humanPreferenceCell(Dataset dataset, int row) {
        return humanPreference == null ? null : dataset.value(row, humanPreference);
    }

    /** The row's reference answer; empty text without a reference column. */
    public String reference(Dataset dataset, int row) {
        return reference == null ? "" : dataset.value(row, reference);
    }

    /**
     * The row's human score; empty when there is no column or the cell is blank.
     *
     * @throws IllegalArgumentException when the cell is not a whole number, naming the row and the column
     */
    public OptionalInt humanScore(Dataset dataset, int row) {
        if (humanScore == null) {
            return OptionalInt.empty();
        }
        String cell = dataset.value(row, humanScore);
        if (cell == null || cell.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(cell.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Row " + (row + 1) + " of " + dataset.name() + ": human score '"
                    + cell.strip() + "' in column '" + humanScore + "' is not a whole number");
        }
    }

    /**
     * The row's human verdict: true for Correct (also pass, right, yes, 1), false for Incorrect (fail, wrong, no,
     * 0); empty when there is no column or the cell is blank.
     *
     * @throws IllegalArgumentException when the cell says neither, naming the row and the column
     */
    public Optional<Boolean> humanVerdict(Dataset dataset, int row) {
        if (humanVerdict == null) {
            return Optional.empty();
        }
        String cell = dataset.value(row, humanVerdict);
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        return switch (cell.strip().toLowerCase(Locale.ROOT)) {
            case "correct", "pass", "right", "yes", "true", "1" -> Optional.of(true);
            case "incorrect", "fail", "wrong", "no", "false", "0" -> Optional.of(false);
            default -> throw new IllegalArgumentException("Row " + (row + 1) + " of " + dataset.name()
                    + ": human verdict '" + cell.strip() + "' in column '" + humanVerdict
                    + "' is neither Correct nor Incorrect");
        };
    }

    /** Columns named here that the dataset lacks, in plain words. */
    public List<String> problemsWith(Dataset dataset) {
        List<String> problems = new ArrayList<>();
        missing(dataset, reference, "Reference", problems);
        missing(dataset, humanScore, "Human score", problems);
        missing(dataset, humanVerdict, "Human verdict", problems);
        missing(dataset, humanPreference, "Human preference", problems);
        missing(dataset, answerB, "Answer B", problems);
        return problems;
    }

    private static void missing(Dataset dataset, String column, String role, List<String> problems) {
        if (column != null && !dataset.hasColumn(column)) {
            problems.add(role + " column '" + column + "' is not in " + dataset.name() + " (columns: "
                    + String.join(", ", dataset.columns()) + ")");
        }
    }
}
