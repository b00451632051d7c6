package io.arbiter.core.verdict;

/**
 * What a pairwise judge said about one row: its verdict with answer A shown first and, when the run asks both
 * orders, with answer B shown first (in the places shown: its A is answer B), and the row's outcome once both are
 * mapped back to the answers.
 *
 * @param aFirst      the verdict with A shown first; null until that order is answered
 * @param bFirst      the verdict with B shown first; null until answered, or when the run does not swap
 * @param bothOrders  true when the run asks both orders, so the outcome waits for the second
 */
public record PairJudgement(JudgePreference aFirst, JudgePreference bFirst, boolean bothOrders) implements Judgement {

    /** The row's outcome: A, B, tie, inconsistent, or UNPARSED while an order it needs is missing or unread. */
    public PairOutcome outcome() {
        return bothOrders ? PairOutcome.of(aFirst, bFirst) : PairOutcome.of(aFirst);
    }

    /** The verdict with B shown first mapped back to the answers (its "A" is answer B); null when there is none. */
    public Preference bFirstMapped() {
        return bFirst == null || !bFirst.parsed() ? null : bFirst.winner().swapped();
    }

    /** Both orders' replies, each under its heading, as the row detail shows them. */
    @Override
    public String raw() {
        String first = aFirst == null ? "" : aFirst.raw();
        if (!bothOrders) {
            return first;
        }
        return "A shown first:\n" + first + "\n\nB shown first:\n" + (bFirst == null ? "" : bFirst.raw());
    }

    @Override
    public boolean parsed() {
        return outcome() != PairOutcome.UNPARSED;
    }

    /**
     * The pass/fail view every judgement has: Correct when A is preferred (in both orders when both are asked),
     * Incorrect for B, a tie or an inconsistent pair. The pairwise figures, not this, are what a pairwise run shows;
     * it only keeps the verdict-shaped counts (parsed or not) right.
     */
    @Override
    public JudgeVerdict asVerdict() {
        PairOutcome outcome = outcome();
        if (outcome == PairOutcome.UNPARSED) {
            return JudgeVerdict.unparsed(raw());
        }
        return new JudgeVerdict(
                raw(), outcome.name(), outcome == PairOutcome.A ? Evaluation.CORRECT : Evaluation.INCORRECT);
    }
}
