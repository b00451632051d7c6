package io.arbiter.core.verdict;

/**
 * What a row comes to once a pairwise judge has been asked in both orders and each order is mapped back to the
 * answers it showed: A, B, a tie, INCONSISTENT when the two orders disagree (the judge followed the place, not the
 * answer), or UNPARSED when an order has no verdict. Inconsistent rows count as ties in the win rate (MT-Bench's
 * convention), and are shown apart.
 */
public enum PairOutcome {
    A,
    B,
    TIE,
    INCONSISTENT,
    UNPARSED;

    /**
     * The outcome of both orders.
     *
     * @param aFirst the verdict with answer A shown first (its places are the answers')
     * @param bFirst the verdict with answer B shown first (its "A" is answer B)
     */
    public static PairOutcome of(JudgePreference aFirst, JudgePreference bFirst) {
        if (aFirst == null || bFirst == null || !aFirst.parsed() || !bFirst.parsed()) {
            return UNPARSED;
        }
        Preference first = aFirst.winner();
        Preference second = bFirst.winner().swapped();
        return first == second ? of(first) : INCONSISTENT;
    }

    /** The outcome of one order with A shown first (a run that does not swap). */
    public static PairOutcome of(JudgePreference aFirst) {
        return aFirst == null || !aFirst.parsed() ? UNPARSED : of(aFirst.winner());
    }

    private static PairOutcome of(Preference preference) {
        return switch (preference) {
            case A -> A;
            case B -> B;
            case TIE -> TIE;
        };
    }
}
