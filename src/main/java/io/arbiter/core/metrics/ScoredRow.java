package io.arbiter.core.metrics;

import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.core.verdict.Judgement;
import java.util.List;

/**
 * One row as the metrics see it.
 *
 * @param truth  the row's ground-truth labels; empty when the row has none
 * @param base   the base answer, or null when the base stage has no answer for the row (not run, or failed)
 * @param judge  the judge's verdict, or null when the judge stage has no answer for the row
 * @param failed true when a request for this row failed and is waiting to be retried
 * @param score  a scoring judge's score, or null when the judge does not score or gave none (the verdict then says
 *               whether it passes)
 * @param judgement what the judge said as its scheme read it, e.g. a pair's both orders; null when it has not
 */
public record ScoredRow(
        List<String> truth, BaseAnswer base, JudgeVerdict judge, boolean failed, Integer score, Judgement judgement) {

    public ScoredRow {
        truth = List.copyOf(truth);
    }

    /** A row as the verdict and score figures read it. */
    public ScoredRow(List<String> truth, BaseAnswer base, JudgeVerdict judge, boolean failed, Integer score) {
        this(truth, base, judge, failed, score, judge);
    }

    /** A row whose judge gives a verdict, not a score. */
    public ScoredRow(List<String> truth, BaseAnswer base, JudgeVerdict judge, boolean failed) {
        this(truth, base, judge, failed, null);
    }
}
