package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Majorities worked by hand. */
class MajorityTest {

    private static final double EPS = 1e-12;

    @Test
    void aStrictMajorityWinsWithItsShare() {
        Majority m = Majority.of(List.of("A", "A", "B"));
        assertEquals("A", m.category());
        assertEquals(2.0 / 3, m.agreementShare().getAsDouble(), EPS);
        assertFalse(m.unanimous());
        assertTrue(Majority.of(List.of("B", "B")).unanimous());
        // One reading is its own majority.
        assertEquals("B", Majority.of(Arrays.asList(null, "B", null)).category());
    }

    @Test
    void aTieOrAPluralityShortOfHalfIsNoMajority() {
        Majority tie = Majority.of(List.of("A", "B"));
        assertNull(tie.category());
        assertTrue(tie.noMajority());
        assertEquals(0.5, tie.agreementShare().getAsDouble(), EPS);
        // A, A, B, C: A has 2 of 4, not more than half.
        Majority plurality = Majority.of(List.of("A", "A", "B", "C"));
        assertTrue(plurality.noMajority());
        assertEquals(0.5, plurality.agreementShare().getAsDouble(), EPS);
        // Missing readings do not count: A, A, null, B is 2 of 3.
        assertEquals("A", Majority.of(Arrays.asList("A", "A", null, "B")).category());
    }

    @Test
    void noReadingHasNoMajorityAndNoShare() {
        Majority none = Majority.of(Arrays.asList(null, null));
        assertFalse(none.hasMajority());
        assertFalse(none.noMajority());
        assertTrue(none.agreementShare().isEmpty());
        assertEquals(0, Majority.of(List.of()).readings());
    }
}
