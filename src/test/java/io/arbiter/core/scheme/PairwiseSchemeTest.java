package io.arbiter.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgePreference;
import io.arbiter.core.verdict.PairJudgement;
import io.arbiter.core.verdict.PairOutcome;
import io.arbiter.core.verdict.Preference;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairwiseSchemeTest {

    private final PairwiseScheme scheme = PairwiseScheme.DEFAULT;

    private static JudgePreference said(Preference winner) {
        return new JudgePreference("[[" + (winner == Preference.TIE ? "C" : winner.name()) + "]]", winner, "");
    }

    @Test
    void theSettingSaysWhetherBothOrdersAreAskedAndReadsBack() {
        assertEquals("pairwise:both", PairwiseScheme.DEFAULT.setting());
        assertEquals("pairwise:none", PairwiseScheme.ofSwap("none").setting());
        assertEquals(PairwiseScheme.DEFAULT, JudgeSchemes.byId("pairwise"));
        assertEquals(PairwiseScheme.DEFAULT, JudgeSchemes.byId("pairwise:both"));
        assertEquals(new PairwiseScheme(false), JudgeSchemes.byId("Pairwise:None"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PairwiseScheme.ofSwap("random"));
        assertTrue(e.getMessage().contains("'both'"), e.getMessage());
    }

    @Test
    void eachOrderIsExportedInTheAnswersPlacesWithTheRowsOutcome() {
        // B shown first and picked: mapped back it is B; A first it picked A, so the pair is inconsistent.
        PairJudgement inconsistent = new PairJudgement(said(Preference.A), said(Preference.A), true);
        assertEquals(List.of("A", "B", "inconsistent"), scheme.exportCells(List.of(), inconsistent));
        PairJudgement tie = new PairJudgement(said(Preference.TIE), said(Preference.TIE), true);
        assertEquals(List.of("tie", "tie", "tie"), scheme.exportCells(List.of(), tie));
        PairJudgement half = new PairJudgement(said(Preference.B), JudgePreference.unparsed("meh"), true);
        assertEquals(List.of("B", "", "unparsed"), scheme.exportCells(List.of(), half));
        PairJudgement once = new PairJudgement(said(Preference.B), null, false);
        assertEquals(List.of("B", "", "B"), scheme.exportCells(List.of(), once));
        assertEquals(List.of("winner_ab", "winner_ba", "outcome"), scheme.exportColumns());
    }

    @Test
    void theVerdictViewPassesAOnlyWhenBothOrdersPreferIt() {
        PairJudgement a = new PairJudgement(said(Preference.A), said(Preference.B), true);
        assertEquals(PairOutcome.A, a.outcome());
        assertEquals(Evaluation.CORRECT, a.asVerdict().evaluation());
        assertEquals(
                Evaluation.INCORRECT,
                new PairJudgement(said(Preference.TIE), said(Preference.TIE), true)
                        .asVerdict()
                        .evaluation());
        PairJudgement waiting = new PairJudgement(said(Preference.A), null, true);
        assertFalse(waiting.parsed(), "the second order is still to come");
        assertEquals(Evaluation.UNPARSED, waiting.asVerdict().evaluation());
        assertEquals("UNPARSED", scheme.spell(waiting));
    }

    @Test
    void aReplyIsReadInThePlacesShownAndTheJudgeMayAnswerInJson() {
        assertEquals(Preference.B, scheme.read("B is clearer.\n[[B]]").winner());
        assertEquals(
                Preference.TIE,
                scheme.read("{\"reasoning\": \"same\", \"winner\": \"tie\"}").winner());
        assertEquals("pairwise_verdict", scheme.outputSchema().orElseThrow().name());
        PairJudgement read = (PairJudgement) scheme.reader(LabelSet.empty()).read("[[A]]");
        assertEquals(Preference.A, read.aFirst().winner());
    }

    @Test
    void reviewersMarkTheBetterAnswerWithABAndT() {
        assertEquals(
                List.of("A", "B", "T"),
                scheme.reviewMarks().stream().map(ReviewMark::key).toList());
        assertEquals(
                List.of(Preference.A, Preference.B, Preference.TIE),
                scheme.reviewMarks().stream().map(ReviewMark::preference).toList());
    }

    @Test
    void aRowWhoseSecondOrderIsStillToComeIsNotReachedNotUnparsed() {
        // A run stopped between its two orders: row 0 has both, row 1 only A first.
        PairJudgement both = new PairJudgement(said(Preference.A), said(Preference.B), true);
        PairJudgement half = new PairJudgement(said(Preference.A), null, true);
        var figures = scheme.figures(List.of(
                        io.arbiter.core.metrics.RatedRow.preferred(scored(both), Preference.A),
                        io.arbiter.core.metrics.RatedRow.preferred(scored(half), Preference.B)))
                .pairs();
        assertEquals(1, figures.rows(), "the half-judged row is left out, as a row never sent");
        assertEquals(0, figures.unparsed());
        assertEquals(1, figures.aWins());
        assertEquals(List.of("A", "", ""), scheme.exportCells(List.of(), half), "no outcome yet");
    }

    private static io.arbiter.core.metrics.ScoredRow scored(PairJudgement pair) {
        return new io.arbiter.core.metrics.ScoredRow(List.of(), null, pair.asVerdict(), false, null, pair);
    }
}
