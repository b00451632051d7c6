package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The self-preference probe against the "self" line of
 * {@code src/test/resources/io/arbiter/core/metrics/reliability_reference.py}, worked by hand too.
 */
class SelfPreferenceTest {

    private static final double EPS = 1e-9;

    private static final Ratings JURY = RatingsFixtures.named(
            List.of("gpt-4o-mini", "o3-mini", "llama-3.1-8b", "claude-3-haiku"),
            "C C C I",
            "C C I I",
            "C . C C",
            "I I I I",
            ". . C C",
            "C I I C",
            "C C . I",
            "C . I .",
            "I C C C",
            "C C I I");

    @Test
    void jurorsOfTheBaseFamilyAgainstTheOthersOnTheSameRows() {
        // Row 5 has no OpenAI reading and is left out. Over the other 9: OpenAI jurors accept 12 of 16 readings,
        // the others 6 of 16: 0.75 − 0.375 = 0.375.
        SelfPreference self = SelfPreference.of("gpt-4o", JURY, "C");
        assertTrue(self.flagged());
        assertEquals(ModelFamily.OPENAI, self.baseFamily());
        assertEquals(List.of("gpt-4o-mini", "o3-mini"), self.sameFamily());
        assertEquals(List.of("llama-3.1-8b", "claude-3-haiku"), self.otherFamily());
        assertEquals(0.375, self.difference().value(), EPS);
        assertEquals(9, self.difference().n());
        // Fewer than 30 rows: no bootstrap interval, by the rule in docs/STATISTICS.md ("Intervals at the edges").
        assertFalse(self.difference().hasInterval());
        assertEquals(self, SelfPreference.of("gpt-4o", JURY, "C"));
        // Nine rows give no interval, so the reading cannot claim a lean, and says what it saw.
        assertEquals(
                "No sign that jurors of the base model's family (openai) favour it: +0.38 (too few rows)",
                self.reading());
        assertTrue(self.reading().endsWith(": +" + self.difference().format()), self.reading());
    }

    @Test
    void theFlagAloneForOneJudge() {
        SelfPreference same = SelfPreference.of("llama-3.1-70b", List.of("meta-llama/Llama-3.3-70B"));
        assertTrue(same.flagged());
        assertFalse(same.difference().isDefined());
        assertEquals(
                "The judge shares the base model's family (llama) and may favour it; a juror of another family would"
                        + " measure it",
                same.reading());
        SelfPreference other = SelfPreference.of("llama-3.1-70b", List.of("gpt-4o"));
        assertFalse(other.flagged());
        assertEquals("No judge shares the base model's family (llama)", other.reading());
        SelfPreference unknown = SelfPreference.of("my-model", List.of("gpt-4o"));
        assertNull(unknown.baseFamily());
        assertFalse(unknown.flagged());
        assertEquals("The base model's family is unknown: self-preference not checked", unknown.reading());
    }

    @Test
    void noRowReadByBothGroupsIsUndefined() {
        Ratings apart = RatingsFixtures.named(List.of("gpt-4o", "claude-3-haiku"), "C .", ". I");
        SelfPreference self = SelfPreference.of("gpt-4o-mini", apart, "C");
        assertTrue(self.flagged());
        assertFalse(self.difference().isDefined());
        assertEquals(0, self.difference().n());
        // The same acceptance on both sides: no sign.
        Ratings even = RatingsFixtures.named(List.of("gpt-4o", "claude-3-haiku"), "C C", "I I", "C C", "I I");
        assertEquals(
                "No sign that jurors of the base model's family (openai) favour it: +0.00 (too few rows)",
                SelfPreference.of("gpt-4o-mini", even, "C").reading());
    }
}
