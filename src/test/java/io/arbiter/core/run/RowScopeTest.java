package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rows a run's figures count: covered rows less worked examples; failed and pending rows stay in. */
class RowScopeTest {

    @Test
    void aWholeRunCountsEveryRowButItsExamples() {
        RowScope scope = RowScope.of(List.of(), List.of(2));
        assertFalse(scope.draft());
        assertTrue(scope.counts(0));
        assertTrue(scope.covers(2));
        assertFalse(scope.counts(2), "the judge saw row 2's answer in its prompt");
    }

    @Test
    void aDraftCountsOnlyTheRowsItTried() {
        RowScope scope = RowScope.of(List.of(3, 5), List.of(5));
        assertTrue(scope.draft());
        assertFalse(scope.covers(0));
        assertTrue(scope.counts(3));
        assertFalse(scope.counts(5));
        List<RowResult> rows = List.of(
                RowResult.pending(0, List.of()),
                RowResult.pending(3, List.of()).withBase(StageOutcome.failed("timed out"), null),
                RowResult.pending(5, List.of()));
        assertEquals(List.of(rows.get(1)), scope.measured(rows), "a failed row is still one the run covers");
    }

    @Test
    void promotionsChangeTheExamplesNotTheCoveredRows() {
        RowScope scope = RowScope.of(List.of(1, 2), List.of()).withExamples(List.of(2));
        assertEquals(RowScope.of(List.of(1, 2), List.of(2)), scope);
        assertEquals(RowScope.EVERY_ROW, RowScope.of(List.of(), List.of()));
    }
}
