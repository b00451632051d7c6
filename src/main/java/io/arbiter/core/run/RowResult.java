package io.arbiter.core.run;

import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgeScore;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.core.verdict.Judgement;
import java.util.List;

/**
 * Everything a run knows about one dataset row.
 *
 * @param row        index of the row in the dataset
 * @param truth      the row's ground-truth labels (empty without a truth column)
 * @param base       the base stage's outcome
 * @param baseAnswer the normalised base answer; null until the base stage has answered
 * @param judge      the judge stage's outcome
 * @param judgement  the judge output as the run's scheme read it; null until the judge stage has answered
 */
public record RowResult(
        int row,
        List<String> truth,
        StageOutcome base,
        BaseAnswer baseAnswer,
        StageOutcome judge,
        Judgement judgement) {

    public RowResult {
        truth = List.copyOf(truth);
    }

    public static RowResult pending(int row, List<String> truth) {
        return new RowResult(row, truth, StageOutcome.PENDING, null, StageOutcome.PENDING, null);
    }

    public RowResult withBase(StageOutcome outcome, BaseAnswer answer) {
        return new RowResult(row, truth, outcome, answer, judge, judgement);
    }

    public RowResult withJudge(StageOutcome outcome, Judgement parsed) {
        return new RowResult(row, truth, base, baseAnswer, outcome, parsed);
    }

    /** Why a row with an empty base answer has no verdict: the judge is not asked about nothing. */
    public static final String NOTHING_TO_JUDGE = "The base answer is empty, so the judge was not asked";

    /**
     * The row as a finished run leaves it: an empty base answer, which the judge is never sent, ends with that as
     * the judge stage's error, so no row ends with neither an answer nor a reason.
     */
    public RowResult settled() {
        if (base.answered() && base.text().isBlank() && !judge.answered() && !judge.failed()) {
            return withJudge(StageOutcome.failed(NOTHING_TO_JUDGE), null);
        }
        return this;
    }

    public boolean failed() {
        return base.failed() || judge.failed();
    }

    /** The judgement as a pass/fail verdict ({@link Judgement#asVerdict}); null before the judge answered. */
    public JudgeVerdict verdict() {
        return judgement == null ? null : judgement.asVerdict();
    }

    /** The row as the verdict figures read it. */
    public ScoredRow scored() {
        return new ScoredRow(
                truth, baseAnswer, verdict(), failed(), judgement instanceof JudgeScore s ? s.score() : null);
    }
}
