package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.metrics.AccuracyTally;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row nothing was asked for yet, which the window counts and resets without making it again. */
class RowResultTest {

    @Test
    void onlyARowNothingWasAskedForIsUntouched() {
        RowResult pending = RowResult.pending(4, List.of("Drama"));
        assertTrue(pending.untouched());
        assertFalse(pending.withBase(StageOutcome.failed("timed out"), null).untouched());
        assertFalse(
                RowResult.pendingVotes(4, List.of("Drama"), JudgePanel.of(List.of("a", "b"), 1, false))
                        .untouched(),
                "a jury's pending votes are not the plain state a reset makes");
        assertFalse(RowResult.pendingPair(4, List.of(), true).untouched());
    }

    @Test
    void anUntouchedRowCountsAsItsScoredFormDoes() {
        AccuracyTally scored = new AccuracyTally();
        AccuracyTally unasked = new AccuracyTally();
        for (List<String> truth : List.of(List.<String>of(), List.of("Drama"), List.of("Drama", "Crime"))) {
            scored.add(RowResult.pending(0, truth).scored());
            unasked.addUnasked();
        }
        assertEquals(scored.counts(), unasked.counts());
        assertEquals(3, unasked.counts().rows());
    }
}
