package io.arbiter.core.run;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import java.util.List;

/**
 * How a run ended, with every row it holds.
 *
 * @param rows       one result per row the run covers (every dataset row, or the spec's selection), in dataset order,
 *                   each with its dataset index; rows never reached are pending
 * @param metrics    the three accuracies over {@code rows}
 * @param status     completed, cancelled by the user, or stopped by a failure that every request would hit
 * @param stopReason why the run stopped, in plain words; null unless {@code status} is STOPPED
 * @param batchOutput how each batch stage's lines were accounted for; empty for a realtime run
 */
public record RunOutcome(
        List<RowResult> rows,
        AccuracyCounts metrics,
        Usage baseUsage,
        Usage judgeUsage,
        Status status,
        String stopReason,
        List<BatchReconciliation> batchOutput) {

    /** How a run ended. */
    public enum Status {
        COMPLETED,
        CANCELLED,
        STOPPED
    }

    public RunOutcome {
        rows = List.copyOf(rows);
        batchOutput = List.copyOf(batchOutput);
    }

    public RunOutcome(
            List<RowResult> rows,
            AccuracyCounts metrics,
            Usage baseUsage,
            Usage judgeUsage,
            Status status,
            String stopReason) {
        this(rows, metrics, baseUsage, judgeUsage, status, stopReason, List.of());
    }

    /** The rows this run left without an answer, and why. */
    public Unanswered unanswered() {
        return Unanswered.of(rows, status);
    }

    /** What the batch output held besides one answer per line, e.g. for the run message; empty when clean. */
    public String batchProblems() {
        return String.join(
                "; ",
                batchOutput.stream()
                        .map(BatchReconciliation::describe)
                        .filter(text -> !text.isEmpty())
                        .toList());
    }

    /**
     * The part of the stage's usage answered from the response cache: tokens counted but not sent, nor paid for. A
     * pair's second answer counts with the base stage, its swapped judge with the judge (as their usage does).
     */
    public Usage cachedUsage(Stage stage) {
        Usage cached = Usage.NONE;
        for (RowResult row : rows) {
            for (Stage own : row.stages()) {
                StageOutcome outcome = row.outcome(own);
                if (own.bar() == stage.bar() && outcome.fromCache()) {
                    cached = cached.plus(outcome.usage());
                }
            }
        }
        return cached;
    }

    /**
     * The part of the judge's usage that juror {@code juror} (0-based, the run's judge first) sent and was paid for:
     * its votes' tokens less those answered from the cache. A juror on a provider of its own is billed for it there.
     */
    public Usage paidUsage(int juror) {
        Usage paid = Usage.NONE;
        for (RowResult row : rows) {
            for (Stage own : row.stages()) {
                StageOutcome outcome = row.outcome(own);
                if (own.judges() && own.juror() == juror && !outcome.fromCache()) {
                    paid = paid.plus(outcome.usage());
                }
            }
        }
        return paid;
    }
}
