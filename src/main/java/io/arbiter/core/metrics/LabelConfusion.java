package io.arbiter.core.metrics;

import io.arbiter.core.dataset.LabelSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A K×K confusion matrix of answers against the truth: rows are truth labels, columns the labels answered, in
 * {@link LabelSet} order, plus an {@value #OTHER} column when an answer names a label no row has as truth. With
 * multi-label truth a right answer counts on its own label and a wrong one against the row's truth label that comes
 * first in {@link LabelSet} order (alphabetical, ignoring case), so "Crime, Drama" and "Drama, Crime" count alike
 * and the diagonal adds up to the hits of the matching accuracy. Unparsed answers are counted apart, as they are in
 * the accuracies, and per truth label ({@link #unparsedOf(int)}); docs/STATISTICS.md defines it all.
 */
public final class LabelConfusion {

    /** The column of answers that name a label outside the truth labels. */
    public static final String OTHER = "(other)";

    private final List<String> labels;
    private final List<String> columns;
    private final long[][] counts;
    private final long unparsed;
    private final long[] unparsedByLabel;
    private final Function<ScoredRow, Answer> answerOf;
    private final Map<String, Integer> index;

    private LabelConfusion(
            List<String> labels,
            List<String> columns,
            long[][] counts,
            long unparsed,
            long[] unparsedByLabel,
            Function<ScoredRow, Answer> answerOf,
            Map<String, Integer> index) {
        this.labels = labels;
        this.columns = columns;
        this.counts = counts;
        this.unparsed = unparsed;
        this.unparsedByLabel = unparsedByLabel;
        this.answerOf = answerOf;
        this.index = index;
    }

    /** A cell of the matrix: a truth label's row and an answered column. */
    public record Cell(int row, int column) {}

    /** The base answers against the truth. */
    public static LabelConfusion ofBase(List<ScoredRow> rows) {
        return of(rows, row -> row.base() == null ? null : new Answer(row.base().label()));
    }

    /** The judge's own predictions against the truth. */
    public static LabelConfusion ofJudge(List<ScoredRow> rows) {
        return of(
                rows, row -> row.judge() == null ? null : new Answer(row.judge().prediction()));
    }

    /** An answer given: the label it names, or null when it names none (UNPARSED). */
    private record Answer(String label) {}

    private static LabelConfusion of(List<ScoredRow> rows, Function<ScoredRow, Answer> answerOf) {
        List<String> all = new ArrayList<>();
        rows.forEach(row -> all.addAll(row.truth()));
        List<String> labels = new LabelSet(all).labels();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(fold(labels.get(i)), i);
        }
        int other = labels.size();
        long[][] counts = new long[labels.size()][labels.size() + 1];
        long unparsed = 0;
        long[] unparsedByLabel = new long[labels.size()];
        for (ScoredRow row : rows) {
            Answer answer = answerOf.apply(row);
            if (row.truth().isEmpty() || answer == null) {
                continue;
            }
            if (answer.label() == null) {
                unparsed++;
                // Charged like a wrong answer, so the per-label table shows where answers naming no label fell.
                Integer charged = chargedTruthLabel(row.truth(), index);
                if (charged != null) {
                    unparsedByLabel[charged]++;
                }
                continue;
            }
            Cell cell = locate(row.truth(), answer.label(), index, other);
            if (cell != null) {
                counts[cell.row()][cell.column()]++;
            }
        }
        boolean anyOther = false;
        for (long[] line : counts) {
            anyOther |= line[other] > 0;
        }
        List<String> columns = new ArrayList<>(labels);
        if (anyOther) {
            columns.add(OTHER);
        }
        long[][] trimmed = new long[labels.size()][columns.size()];
        for (int r = 0; r < labels.size(); r++) {
            System.arraycopy(counts[r], 0, trimmed[r], 0, columns.size());
        }
        return new LabelConfusion(
                labels,
                Collections.unmodifiableList(columns),
                trimmed,
                unparsed,
                unparsedByLabel,
                answerOf,
                Map.copyOf(index));
    }

    /**
     * The cell where the matrix counts an answered label: a right answer on its own label, a wrong one against the
     * truth label first in label order, whatever the order in the cell; null when no truth label is one. Columns
     * past the labels are {@value #OTHER}.
     */
    private static Cell locate(List<String> truth, String answer, Map<String, Integer> index, int other) {
        int column = index.getOrDefault(fold(answer), other);
        Integer truthRow = TruthMatch.ofLabel(truth, answer) == TruthMatch.RIGHT
                ? Integer.valueOf(column)
                : chargedTruthLabel(truth, index);
        return truthRow == null ? null : new Cell(truthRow, column);
    }

    /**
     * The cell this matrix counts {@code row} in, by the same rule that built it; empty when the row is not counted
     * (no truth, no answer, or an unparsed one). Lets a screen list exactly the rows behind a cell.
     */
    public Optional<Cell> cellOf(ScoredRow row) {
        Answer answer = answerOf.apply(row);
        if (row.truth().isEmpty() || answer == null || answer.label() == null) {
            return Optional.empty();
        }
        Cell cell = locate(row.truth(), answer.label(), index, labels.size());
        // A label outside this matrix's truth labels can only land in OTHER, which exists when the rows had one.
        return cell == null || cell.column() >= columns.size() ? Optional.empty() : Optional.of(cell);
    }

    /**
     * The truth label a wrong answer is charged to: of the row's truth labels, the one first in label order (the
     * lowest index), so reordering the cell changes nothing; null when none is a label (all blank).
     */
    private static Integer chargedTruthLabel(List<String> truth, Map<String, Integer> index) {
        Integer charged = null;
        for (String label : truth) {
            Integer i = index.get(fold(label));
            if (i != null && (charged == null || i < charged)) {
                charged = i;
            }
        }
        return charged;
    }

    /** The truth labels: the rows of the matrix. */
    public List<String> labels() {
        return labels;
    }

    /** The answered labels: the columns, the truth labels and possibly {@value #OTHER} last. */
    public List<String> columns() {
        return columns;
    }

    /** Rows with truth label {@code row} (index in {@link #labels()}) answered {@code column}. */
    public long count(int row, int column) {
        return counts[row][column];
    }

    /** A copy of the matrix, rows by columns. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            copy[r] = counts[r].clone();
        }
        return copy;
    }

    /** Answers counted in the matrix. */
    public long total() {
        long total = 0;
        for (long[] line : counts) {
            for (long c : line) {
                total += c;
            }
        }
        return total;
    }

    /** The diagonal: answers that were right. */
    public long right() {
        long right = 0;
        for (int i = 0; i < labels.size(); i++) {
            right += counts[i][i];
        }
        return right;
    }

    /** Answered rows with truth that named no label, left out of the matrix. */
    public long unparsed() {
        return unparsed;
    }

    /**
     * Answers with truth label {@code row} (its index in {@link #labels()}; for multi-label truth the one charged,
     * first in label order) that named no label: the off-list bucket of the per-label table.
     */
    public long unparsedOf(int row) {
        return unparsedByLabel[row];
    }

    /** Per truth label, the share of its rows answered right (its recall), with a Wilson interval. */
    public Map<String, Estimate> perLabelAccuracy() {
        Map<String, Estimate> accuracy = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            accuracy.put(labels.get(i), Wilson.interval(counts[i][i], rowTotal(i)));
        }
        return accuracy;
    }

    /** Mean precision over the labels that are in the truth or answered; see {@link #macroF1()}. */
    public Estimate macroPrecision() {
        return macro(Score.PRECISION);
    }

    /** Mean recall over the labels that are in the truth or answered; see {@link #macroF1()}. */
    public Estimate macroRecall() {
        return macro(Score.RECALL);
    }

    /**
     * Mean per-label F1 over the labels that occur as truth or as an answer (a label with neither is left out); a
     * label never answered has precision 0, one never true has recall 0, as scikit-learn does with
     * zero_division=0. Answers in {@value #OTHER} lower recall but are no label of their own. Undefined with no
     * answers; no interval.
     */
    public Estimate macroF1() {
        return macro(Score.F1);
    }

    private enum Score {
        PRECISION,
        RECALL,
        F1
    }

    private Estimate macro(Score score) {
        double sum = 0;
        int present = 0;
        for (int i = 0; i < labels.size(); i++) {
            long rowTotal = rowTotal(i);
            long columnTotal = columnTotal(i);
            if (rowTotal == 0 && columnTotal == 0) {
                continue;
            }
            double precision = columnTotal == 0 ? 0 : (double) counts[i][i] / columnTotal;
            double recall = rowTotal == 0 ? 0 : (double) counts[i][i] / rowTotal;
            sum += switch (score) {
                case PRECISION -> precision;
                case RECALL -> recall;
                case F1 -> precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            };
            present++;
        }
        return present == 0 ? Estimate.undefined(0) : Estimate.pointOnly(sum / present, total());
    }

    private long rowTotal(int row) {
        long total = 0;
        for (long c : counts[row]) {
            total += c;
        }
        return total;
    }

    private long columnTotal(int column) {
        long total = 0;
        for (long[] line : counts) {
            total += line[column];
        }
        return total;
    }

    private static String fold(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
