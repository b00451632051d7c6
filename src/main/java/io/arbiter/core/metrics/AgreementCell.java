package io.arbiter.core.metrics;

import io.arbiter.core.verdict.Evaluation;
import java.util.Optional;

/**
 * Which cell of the judge's {@link AgreementTable} one row falls in. The single per-row decision behind the table,
 * so a screen that lists "the rows in this cell" lists exactly the rows the table counts there.
 */
public enum AgreementCell {
    /** Judge says Correct and the base answer is right. */
    TRUE_ACCEPT,
    /** Judge says Correct but the base answer is wrong. */
    FALSE_ACCEPT,
    /** Judge says Incorrect but the base answer is right. */
    FALSE_REJECT,
    /** Judge says Incorrect and the base answer is wrong. */
    TRUE_REJECT;

    /** The cell of a verdict and the truth about the base answer. */
    public static AgreementCell of(boolean judgeSaysCorrect, boolean baseIsRight) {
        if (judgeSaysCorrect) {
            return baseIsRight ? TRUE_ACCEPT : FALSE_ACCEPT;
        }
        return baseIsRight ? FALSE_REJECT : TRUE_REJECT;
    }

    /**
     * The row's cell; empty when the row is not in the table: no parsed base answer, no parsed judge verdict, or
     * nothing (ground truth or human) that says whether the base answer is right.
     */
    public static Optional<AgreementCell> of(RatedRow row) {
        if (!judged(row.scored())) {
            return Optional.empty();
        }
        TruthMatch reference = row.reference();
        return reference.scored()
                ? Optional.of(of(saysCorrect(row.scored()), reference == TruthMatch.RIGHT))
                : Optional.empty();
    }

    /**
     * The row's cell against a person's verdict alone, the ground truth set aside: what held-out agreement counts
     * (docs/STATISTICS.md). Empty without a parsed base answer and verdict, or without a person's verdict.
     */
    public static Optional<AgreementCell> byHuman(RatedRow row) {
        if (!judged(row.scored()) || !row.human().scored()) {
            return Optional.empty();
        }
        return Optional.of(of(saysCorrect(row.scored()), row.human() == TruthMatch.RIGHT));
    }

    /** The row's cell by its ground truth alone (no human verdict). */
    public static Optional<AgreementCell> of(ScoredRow row) {
        return of(RatedRow.of(row));
    }

    /** True when the row has a parsed base answer and a parsed judge verdict: the rows the judge can be scored on. */
    static boolean judged(ScoredRow r) {
        return r.base() != null
                && r.base().parsed()
                && r.judge() != null
                && r.judge().parsed();
    }

    static boolean saysCorrect(ScoredRow r) {
        return r.judge().evaluation() == Evaluation.CORRECT;
    }

    public boolean judgeSaysCorrect() {
        return this == TRUE_ACCEPT || this == FALSE_ACCEPT;
    }

    /** True when the judge said what the truth about the base answer says. */
    public boolean agrees() {
        return this == TRUE_ACCEPT || this == TRUE_REJECT;
    }

    public boolean baseIsRight() {
        return this == TRUE_ACCEPT || this == FALSE_REJECT;
    }

    /** This cell's count in {@code table}. */
    public long count(AgreementTable table) {
        return switch (this) {
            case TRUE_ACCEPT -> table.tp();
            case FALSE_ACCEPT -> table.fp();
            case FALSE_REJECT -> table.fn();
            case TRUE_REJECT -> table.tn();
        };
    }
}
