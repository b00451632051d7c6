package io.arbiter.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A row's side of the split is the seed's and the row's alone, and held-out rows never become examples. */
class HeldOutSplitTest {

    private static final HeldOutSplit SPLIT = new HeldOutSplit(42, 0.25);

    @Test
    void aRowsSideIsFixedBySeedAndRowAlone() {
        // Computed independently in Python from SplitMix64's finaliser:
        //   M=(1<<64)-1
        //   def mix(z): z=((z^(z>>30))*0xbf58476d1ce4e5b9)&M; z=((z^(z>>27))*0x94d049bb133111eb)&M; return z^(z>>31)
        //   [r for r in range(20) if (mix(42^mix(r))>>11)*2**-53 < 0.25]  ->  [4, 12, 13, 15, 16]
        //   sum(1 for r in range(10000) if (mix(42^mix(r))>>11)*2**-53 < 0.25)  ->  2592
        assertEquals(List.of(4, 12, 13, 15, 16), heldOut(SPLIT, IntStream.range(0, 20)));
        assertEquals(2592, heldOut(SPLIT, IntStream.range(0, 10_000)).size(), "about a quarter");
        // Asked in reverse, or for a few rows only, each row keeps its side.
        List<Integer> backwards = heldOut(SPLIT, IntStream.range(0, 20).map(i -> 19 - i));
        assertEquals(List.of(16, 15, 13, 12, 4), backwards);
        assertTrue(SPLIT.heldOut(13) && !SPLIT.heldOut(14));
        assertFalse(
                new HeldOutSplit(43, 0.25).heldOut(4) && new HeldOutSplit(43, 0.25).heldOut(12),
                "another project's seed holds out other rows");
        assertTrue(
                heldOut(SPLIT.withShare(0.5), IntStream.range(0, 20)).containsAll(List.of(4, 12, 13, 15, 16)),
                "a larger share keeps the rows held out before: the draw per row does not change");
    }

    @Test
    void noShareHoldsNothingOutAndASharePastTheEndsIsRefused() {
        assertEquals(List.of(), heldOut(HeldOutSplit.NONE, IntStream.range(0, 1000)));
        assertEquals(List.of(), heldOut(SPLIT.withShare(0), IntStream.range(0, 1000)));
        assertThrows(IllegalArgumentException.class, () -> SPLIT.withShare(1));
        assertThrows(IllegalArgumentException.class, () -> SPLIT.withShare(-0.1));
        assertThrows(IllegalArgumentException.class, () -> SPLIT.withShare(Double.NaN));
        assertEquals("25%", SPLIT.percent());
    }

    @Test
    void aHeldOutRowCannotBePromotedAndLeavesTheExamplesWhenTheShareGrows() {
        ReviewLog log = new ReviewLog();
        List<String> changes = new ArrayList<>();
        log.setListener(new ReviewLog.Listener() {
            @Override
            public void verdictChanged(int row, HumanVerdict now) {}

            @Override
            public void promotionChanged(int row, boolean promoted) {
                changes.add(row + (promoted ? "+" : "-"));
            }
        });
        for (int row = 0; row < 20; row++) {
            log.label(row, true, "ana", Instant.EPOCH);
        }
        assertTrue(log.togglePromoted(4), "no split yet: any reviewed row");
        assertTrue(log.togglePromoted(3));

        log.useSplit(SPLIT);
        assertEquals(List.of(3), log.promotedRows(), "row 4 is held out now: it checks the examples");
        assertTrue(log.heldOut(12));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> log.togglePromoted(12));
        assertEquals(
                "Row 13 is held out (25% of rows, seeded per project) to check the worked examples on rows the judge"
                        + " has not seen: it cannot be an example.",
                refused.getMessage());
        assertFalse(log.promoted(12));
        assertTrue(log.togglePromoted(5), "a promotable row");

        log.restore(java.util.Map.copyOf(log.verdicts()), List.of(12, 5, 3));
        assertEquals(List.of(5, 3), log.promotedRows(), "a kept review's held-out rows are not examples");
        assertEquals(List.of("4+", "3+", "4-", "5+"), changes);
        assertEquals(SPLIT, log.copy().split());
    }

    private static List<Integer> heldOut(HeldOutSplit split, IntStream rows) {
        return rows.filter(split::heldOut).boxed().toList();
    }
}
