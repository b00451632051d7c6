package io.arbiter.core.run;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.JudgeLoopMetrics;
import java.util.List;

/**
 * How a run ended, with every row it holds.
 *
 * @param rows       one result per row the run covers (every dataset row, or the spec's selection), in dataset order,
 *                   each with its dataset index; rows never reached are pending
 * @param metrics    the three accuracies over {@code rows}
 * @param status     completed, cancelled by the user, or stopped by a failure that every request would hit
 * @param stopReason why the run stopped, in plain words; null unless {@code status} is STOPPED
 */
public record RunOutcome(List<RowResult> rows, JudgeLoopMetrics metrics, Usage baseUsage, Usage judgeUsage,
                         Status status, String stopReason) {

    /** How a run ended. */
    public enum Status { COMPLETED, CANCELLED, STOPPED }

    public RunOutcome {
        rows = List.copyOf(rows);
    }

    /** The part of the stage's usage answered from the response cache: tokens counted but not sent, nor paid for. */
    public Usage cachedUsage(Stage stage) {
        Usage cached = Usage.NONE;
        for (RowResult row : rows) {
            StageOutcome outcome = stage == Stage.BASE ? row.base() : row.judge();
            if (outcome.fromCache()) {
                cached = cached.plus(outcome.usage());
            }
        }
        return cached;
    }
}
