package io.arbiter.core.run;

/**
 * What a pairwise run adds to a row: answer B's outcome and, when the judge is asked in both orders, the outcome of
 * the judge with B shown first. Answer A and the A-first judge are the row's base and judge outcomes.
 *
 * @param baseB   answer B's stage (generated, or taken from the answer-B column)
 * @param judgeBA the judge with B shown first; PENDING and never sent when {@code swapped} is false
 * @param swapped true when the run asks both orders
 */
public record PairStages(StageOutcome baseB, StageOutcome judgeBA, boolean swapped) {

    /** Nothing answered yet. */
    public static PairStages pending(boolean swapped) {
        return new PairStages(StageOutcome.PENDING, StageOutcome.PENDING, swapped);
    }

    public PairStages withBaseB(StageOutcome outcome) {
        return new PairStages(outcome, judgeBA, swapped);
    }

    public PairStages withJudgeBA(StageOutcome outcome) {
        return new PairStages(baseB, outcome, swapped);
    }
}
