package io.arbiter.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.metrics.TruthMatch;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Labelling, relabelling, notes, promotion and undo in the order they happened. */
class ReviewLogTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final ReviewLog log = new ReviewLog();

    @Test
    void aVerdictIsOnTheAnswerItWasGivenOn() {
        Instant at = Instant.parse("2026-11-22T12:00:00Z");
        HumanVerdict verdict = log.label(4, true, "ana", at, "  Drama\n");

        assertEquals("Drama", verdict.answer());
        assertEquals(java.util.Optional.of(verdict), log.verdictOn(4, "Drama "));
        assertTrue(log.verdictOn(4, "Comedy").isEmpty(), "a later run answered otherwise: the verdict is not on it");
        assertTrue(log.verdictOn(4, null).isEmpty(), "no answer, nothing to have judged");
        assertEquals(java.util.Optional.of(verdict), log.verdict(4), "the verdict itself is kept");
        assertEquals("Drama", log.note(4, "fits", "ana", at).answer(), "a note keeps the answer");

        assertEquals("", log.label(4, false, "ana", at, "Comedy").note(), "the note was about Drama");
        assertEquals(
                "fits", log.undo().isPresent() ? log.verdict(4).orElseThrow().note() : "", "undo brings it back");

        HumanVerdict unknown = new HumanVerdict(false, "", "ana", at);
        assertTrue(unknown.on("Comedy") && unknown.on(null), "without a kept answer it counts for any");
    }

    @Test
    void labelsAndRelabelsAndUndoesNewestFirst() {
        log.label(3, true, "ana", T0);
        log.label(5, false, "ana", T0.plusSeconds(1));
        log.label(3, false, "ben", T0.plusSeconds(2)); // relabel

        assertEquals(
                new HumanVerdict(false, "", "ben", T0.plusSeconds(2)),
                log.verdict(3).orElseThrow());
        assertEquals(TruthMatch.WRONG, log.verdict(3).orElseThrow().truthMatch());
        assertEquals(List.of(3, 5), List.copyOf(log.verdicts().keySet()));

        assertEquals(OptionalInt.of(3), log.undo());
        assertEquals(new HumanVerdict(true, "", "ana", T0), log.verdict(3).orElseThrow(), "back to the first label");
        assertEquals(OptionalInt.of(5), log.undo());
        assertTrue(log.verdict(5).isEmpty());
        assertEquals(OptionalInt.of(3), log.undo());
        assertTrue(log.verdict(3).isEmpty());
        assertEquals(OptionalInt.empty(), log.undo());
        assertFalse(log.canUndo());
        assertEquals(0, log.size());
    }

    @Test
    void aNoteNeedsAVerdictSurvivesRelabellingAndIsUndoable() {
        assertThrows(IllegalStateException.class, () -> log.note(1, "hm", "ana", T0));
        log.label(1, true, "ana", T0);
        log.note(1, "  plot says heist  ", "ana", T0.plusSeconds(1));
        assertEquals("plot says heist", log.verdict(1).orElseThrow().note());

        log.label(1, false, "ana", T0.plusSeconds(2));
        assertEquals("plot says heist", log.verdict(1).orElseThrow().note(), "relabelling keeps the note");
        assertFalse(log.verdict(1).orElseThrow().baseRight());

        log.undo();
        log.undo();
        assertEquals("", log.verdict(1).orElseThrow().note());
    }

    @Test
    void onlyReviewedRowsArePromotedAndUndoingTheirLabelTakesThePromotionBack() {
        assertThrows(IllegalStateException.class, () -> log.togglePromoted(2));
        log.label(2, true, "ana", T0);
        log.label(0, false, "ana", T0);
        assertTrue(log.togglePromoted(2));
        assertTrue(log.togglePromoted(0));
        assertEquals(List.of(2, 0), log.promotedRows(), "in the order promoted");
        assertFalse(log.togglePromoted(2));
        assertEquals(List.of(0), log.promotedRows());

        ReviewLog copy = log.copy();
        log.undo(); // row 0 loses its only verdict, and with it the promotion
        assertFalse(log.promoted(0));
        assertTrue(copy.promoted(0), "a copy is a snapshot");
    }

    @Test
    void everyChangeAPersonMakesIsHeardButARestoreIsNot() {
        List<String> heard = new java.util.ArrayList<>();
        log.setListener(new ReviewLog.Listener() {
            @Override
            public void verdictChanged(int row, HumanVerdict now) {
                heard.add(row + "=" + (now == null ? "none" : now.label() + now.note()));
            }

            @Override
            public void promotionChanged(int row, boolean promoted) {
                heard.add(row + (promoted ? "+" : "-"));
            }
        });
        log.label(1, true, "ana", T0);
        log.note(1, "ok", "ana", T0);
        log.togglePromoted(1);
        log.label(2, false, "ana", T0);
        log.undo();
        log.undo();
        assertEquals(List.of("1=right", "1=rightok", "1+", "2=wrong", "2=none", "1=right"), heard);

        heard.clear();
        log.restore(java.util.Map.of(4, new HumanVerdict(false, "", "ben", T0)), List.of(4, 9));
        log.clear();
        assertEquals(List.of(), heard, "bringing a kept review back or forgetting it changes nothing to keep");
    }

    @Test
    void aRestoredReviewHasNothingToUndoAndOnlyReviewedRowsAsExamples() {
        log.label(0, true, "ana", T0);
        log.restore(
                java.util.Map.of(4, new HumanVerdict(false, "", "ben", T0), 7, new HumanVerdict(true, "", "ben", T0)),
                List.of(7, 4, 9));
        assertEquals(List.of(4, 7), List.copyOf(log.verdicts().keySet()));
        assertEquals(List.of(7, 4), log.promotedRows(), "in the kept order; row 9 has no verdict");
        assertFalse(log.canUndo());
    }
}
