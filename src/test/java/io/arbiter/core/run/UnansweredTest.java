package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnansweredTest {

    private static final String TIMEOUT = "No answer from http://h/v1 within 4 s (the request timeout: raise it with "
            + "--request-timeout, or Request timeout in the provider's settings).";

    @Test
    void rowsAreGroupedByCauseMostFirstWithOneBatchLineCauseCountedOnce() {
        List<RowResult> rows = List.of(
                failedBase(0, "Batch line 3: refused: no"),
                failedBase(1, "Batch line 9: refused: no"),
                failedJudge(2, TIMEOUT),
                answered(3),
                RowResult.pending(4, List.of()));

        Unanswered unanswered = Unanswered.of(rows, RunOutcome.Status.COMPLETED);

        assertEquals(4, unanswered.rows());
        assertEquals(
                new Unanswered.Cause("base: refused: no", 2),
                unanswered.causes().get(0));
        assertEquals(3, unanswered.causes().size());
        assertTrue(
                unanswered.describe(3).startsWith("4 rows unanswered: 2 × base: refused: no; 1 × judge: No answer"),
                unanswered.describe(3));
    }

    @Test
    void aRowNotReachedSaysWhyTheRunEnded() {
        List<RowResult> rows = List.of(RowResult.pending(0, List.of()), answered(1));

        assertEquals(
                "1 row unanswered: 1 × not sent: the run was cancelled",
                Unanswered.of(rows, RunOutcome.Status.CANCELLED).describe(3));
        assertTrue(
                Unanswered.of(List.of(answered(0)), RunOutcome.Status.COMPLETED).none());
    }

    @Test
    void theBriefFormCutsEachCauseAtItsFirstParenthesisForAStatusLine() {
        List<RowResult> rows = List.of(failedJudge(0, TIMEOUT), failedBase(1, "refused: no"), failedBase(2, "other"));

        assertEquals(
                "3 rows unanswered: 1 × judge: No answer from http://h/v1 within 4 s; 1 × base: refused: no; "
                        + "and 1 other cause",
                Unanswered.of(rows, RunOutcome.Status.COMPLETED).brief(2));
    }

    private static RowResult answered(int row) {
        return RowResult.pending(row, List.of())
                .withBase(StageOutcome.answered("A", Usage.NONE), null)
                .withJudge(StageOutcome.answered("A,Correct", Usage.NONE), null);
    }

    private static RowResult failedBase(int row, String error) {
        return RowResult.pending(row, List.of()).withBase(StageOutcome.failed(error), null);
    }

    private static RowResult failedJudge(int row, String error) {
        return RowResult.pending(row, List.of())
                .withBase(StageOutcome.answered("A", Usage.NONE), null)
                .withJudge(StageOutcome.failed(error), null);
    }
}
