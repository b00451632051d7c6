package io.arbiter.core.metrics;

import io.arbiter.core.verdict.Evaluation;

/**
 * The running counts behind {@link AccuracyCounts}, kept as rows come and go: a row's answer replaced by a newer one
 * is taken out and the new one put in, so figures over 50,000 streaming rows cost each update, not each row again.
 * Not thread-safe.
 */
public final class AccuracyTally {

    private int rows;
    private long judgeHits;
    private long judgeN;
    private long baseTruthHits;
    private long baseTruthN;
    private long judgeTruthHits;
    private long judgeTruthN;
    private int unparsedBase;
    private int unparsedJudge;
    private int errors;

    /** Counts a row in. */
    public void add(ScoredRow row) {
        count(row, 1);
    }

    /**
     * Counts in a row nothing was asked for yet: one more row, in no proportion. The same as {@link #add} with such
     * a row's scored form, without making it, for the rows a large run has not reached.
     */
    public void addUnasked() {
        rows++;
    }

    /** Takes a row counted in before back out, as when its answer is replaced. */
    public void remove(ScoredRow row) {
        count(row, -1);
    }

    /** The figures of the rows counted in now. */
    public AccuracyCounts counts() {
        return new AccuracyCounts(
                rows,
                new Proportion(judgeHits, judgeN),
                new Proportion(baseTruthHits, baseTruthN),
                new Proportion(judgeTruthHits, judgeTruthN),
                unparsedBase,
                unparsedJudge,
                errors);
    }

    private void count(ScoredRow row, int sign) {
        rows += sign;
        if (row.base() != null && !row.base().parsed()) {
            unparsedBase += sign;
        }
        if (row.judge() != null) {
            if (row.judge().parsed()) {
                judgeN += sign;
                if (row.judge().evaluation() == Evaluation.CORRECT) {
                    judgeHits += sign;
                }
            } else {
                unparsedJudge += sign;
            }
        }
        TruthMatch base = TruthMatch.ofBase(row.truth(), row.base());
        if (base.scored()) {
            baseTruthN += sign;
            if (base == TruthMatch.RIGHT) {
                baseTruthHits += sign;
            }
        }
        TruthMatch judge = TruthMatch.ofJudge(row.truth(), row.judge());
        if (judge.scored()) {
            judgeTruthN += sign;
            if (judge == TruthMatch.RIGHT) {
                judgeTruthHits += sign;
            }
        }
        if (row.failed()) {
            errors += sign;
        }
    }
}
