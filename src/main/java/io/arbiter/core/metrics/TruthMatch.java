package io.arbiter.core.metrics;

import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgeVerdict;
import java.util.List;
import java.util.Locale;

/**
 * How one row's answer compares with its ground truth. The single place that decides it: the metrics count
 * these and the results export prints them, so the two can never disagree.
 */
public enum TruthMatch {
    /** The answer names one of the row's truth labels. */
    RIGHT,
    /** The answer names a label that is not among the row's truth labels. */
    WRONG,
    /** Not scored: the row has no truth, or no answer yet, or the answer names no label (UNPARSED). */
    NOT_SCORED;

    /** The base answer against the truth; NOT_SCORED without truth or a parsed answer. */
    public static TruthMatch ofBase(List<String> truth, BaseAnswer base) {
        return base == null ? NOT_SCORED : ofLabel(truth, base.label());
    }

    /**
     * The judge's own prediction against the truth; NOT_SCORED without truth or a predicted label. A prediction
     * counts even when the verdict's evaluation did not parse: judge vs truth reads the label, not the verdict.
     */
    public static TruthMatch ofJudge(List<String> truth, JudgeVerdict judge) {
        return judge == null || !judge.predicted() ? NOT_SCORED : ofLabel(truth, judge.prediction());
    }

    /** A label against the truth labels, ignoring case and surrounding whitespace. */
    public static TruthMatch ofLabel(List<String> truth, String label) {
        if (truth.isEmpty() || label == null) {
            return NOT_SCORED;
        }
        String folded = fold(label);
        for (String expected : truth) {
            if (fold(expected).equals(folded)) {
                return RIGHT;
            }
        }
        return WRONG;
    }

    /** "correct", "wrong" or empty: how the results table and the export spell it. */
    public String spelled() {
        return switch (this) {
            case RIGHT -> "correct";
            case WRONG -> "wrong";
            case NOT_SCORED -> "";
        };
    }

    public boolean scored() {
        return this != NOT_SCORED;
    }

    private static String fold(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
