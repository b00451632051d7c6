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
        return of(winner(aFirst), winner(bFirst));
    }

    /** The outcome of one order with A shown first (a run that does not swap). */
    public static PairOutcome of(JudgePreference aFirst) {
        return of(winner(aFirst));
    }

    /**
     * The outcome of both orders from their winners alone, as a results file keeps them.
     *
     * @param aFirst the winner with answer A shown first; null when not parsed or not answered
     * @param bFirst the winner with answer B shown first, in the places shown (its A is answer B); null when not
     *               parsed or not answered
     */
    public static PairOutcome of(Preference aFirst, Preference bFirst) {
        if (aFirst == null || bFirst == null) {
            return UNPARSED;
        }
        return aFirst == bFirst.swapped() ? of(aFirst) : INCONSISTENT;
    }

    /** The outcome of one order with A shown first, from its winner; UNPARSED when null. */
    public static PairOutcome of(Preference aFirst) {
        if (aFirst == null) {
            return UNPARSED;
        }
        return switch (aFirst) {
            case A -> A;
            case B -> B;
            case TIE -> TIE;
        };
    }

    private static Preference winner(JudgePreference order) {
        return order == null ? null : order.winner();
    }
}
