package io.arbiter.core.metrics;

import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgeVerdict;
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
 */
public record ScoredRow(List<String> truth, BaseAnswer base, JudgeVerdict judge, boolean failed, Integer score) {

    public ScoredRow {
        truth = List.copyOf(truth);
    }

    /** A row whose judge gives a verdict, not a score. */
    public ScoredRow(List<String> truth, BaseAnswer base, JudgeVerdict judge, boolean failed) {
        this(truth, base, judge, failed, null);
    }
}
