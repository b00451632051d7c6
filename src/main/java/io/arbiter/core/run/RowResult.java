package io.arbiter.core.run;

import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgeVerdict;
import java.util.List;

/**
 * Everything a run knows about one dataset row.
 *
 * @param row        index of the row in the dataset
 * @param truth      the row's ground-truth labels (empty without a truth column)
 * @param base       the base stage's outcome
 * @param baseAnswer the normalised base answer; null until the base stage has answered
 * @param judge      the judge stage's outcome
 * @param verdict    the parsed judge output; null until the judge stage has answered
 */
public record RowResult(int row, List<String> truth, StageOutcome base, BaseAnswer baseAnswer,
                        StageOutcome judge, JudgeVerdict verdict) {

    public RowResult {
        truth = List.copyOf(truth);
    }

    public static RowResult pending(int row, List<String> truth) {
        return new RowResult(row, truth, StageOutcome.PENDING, null, StageOutcome.PENDING, null);
    }

    public RowResult withBase(StageOutcome outcome, BaseAnswer answer) {
        return new RowResult(row, truth, outcome, answer, judge, verdict);
    }

    public RowResult withJudge(StageOutcome outcome, JudgeVerdict parsed) {
        return new RowResult(row, truth, base, baseAnswer, outcome, parsed);
    }

    public boolean failed() {
        return base.failed() || judge.failed();
    }

    /** The row as the metrics read it. */
    public ScoredRow scored() {
        return new ScoredRow(truth, baseAnswer, verdict, failed());
    }
}
