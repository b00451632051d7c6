package io.arbiter.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.scheme.ReviewMark;
import io.arbiter.core.verdict.Preference;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pairwise run in the results table: both answers, each order's verdict, the outcome, people's preference. */
class ResultsPairTest {

    private final ResultsViewModel model = new ResultsViewModel(new SameThreadTaskExecutor());

    @BeforeEach
    void showPairs() {
        PairRows.showIn(model);
    }

    @Test
    void eachRowShowsBothAnswersEachOrderMappedBackAndTheOutcome() {
        List<ResultsTableRow> rows = model.rows();
        assertEquals(
                List.of("A", "A", "B", "tie", "inconsistent", "UNPARSED"),
                rows.stream().map(ResultsTableRow::verdict).toList());
        assertEquals(
                List.of("A", "A", "B", "tie", "A", "A"),
                rows.stream().map(ResultsTableRow::winnerAB).toList());
        // B shown first: its [[B]] is answer A, its [[A]] answer B.
        assertEquals(
                List.of("A", "A", "B", "tie", "B", "UNPARSED"),
                rows.stream().map(ResultsTableRow::winnerBA).toList());
        assertEquals("Paris.", rows.get(0).baseAnswer());
        assertEquals("Lyon.", rows.get(0).answerB());
        assertEquals(
                List.of("A", "B", "B", "tie", "A", ""),
                rows.stream().map(ResultsTableRow::humanPreference).toList());
        assertEquals(ResultsTableRow.Outcome.DECIDED, rows.get(4).outcome());
        assertEquals(ResultsTableRow.Outcome.UNPARSED, rows.get(5).outcome());
        assertEquals(
                "A shown first: The first reads better.\n\nB shown first: The first reads better.",
                rows.get(4).judgeReasoning());
    }

    /**
     * By hand (see {@link PairRows}): decided rows 0-4, win rate (2 A + ½ · (1 tie + 1 inconsistent)) / 5 = 0.60;
     * 4 of those 5 agree in both orders = 0.80; order-level verdicts that are not ties: rows 0-2 one of two first
     * each, row 4 both first, row 5's A-first one first = 6 of 9 = 0.67. Against people on rows 0-4: 3 agree
     * (0.60); judge totals A 2, B 1, tie 2, people's A 2, B 2, tie 1: κ = (5·3 − 8) / (25 − 8) = 7/17 = 0.41.
     */
    @Test
    void theTilesShowTheWinRateThePositionFiguresAndSayInconsistentRowsAreTies() {
        HeadlineFigures figures = model.figures();
        assertEquals("Win rate of A", figures.agreementTileTitleProperty().get());
        assertEquals("0.60", figures.baseVsJudgeProperty().get());
        assertTrue(figures.baseVsJudgeCountsProperty().get().endsWith("· 5 rows"));
        assertEquals("Position consistency", figures.truthTileTitleProperty().get());
        assertEquals("0.80", figures.baseVsTruthProperty().get());
        assertEquals(
                "4 of 5 agree in both orders",
                figures.baseVsTruthCountsProperty().get());
        assertEquals("First-position rate", figures.judgeTileTitleProperty().get());
        assertEquals("0.67", figures.judgeVsTruthProperty().get());
        assertTrue(figures.judgeVsTruthCountsProperty().get().startsWith("0.5 unbiased · CI ["));
        String line = figures.scoreSummaryProperty().get();
        assertTrue(line.startsWith("A 2 · B 1 · tie 1 · inconsistent 1 · unparsed 1"), line);
        assertTrue(line.contains("inconsistent rows (the two orders disagree) count as ties in the win rate"), line);
        assertTrue(line.contains("vs human: agreement 0.60 ["), line);
        assertTrue(line.contains("κ 0.41 (too few rows)"), line); // five rows: below Bootstrap.MIN_ROWS
        assertTrue(line.endsWith("n = 5"), line);
    }

    @Test
    void aReviewersPreferenceCountsAtOnceAndUndoGivesTheDatasetsBack() {
        ResultsTableRow inconsistent = model.rows().get(4);
        ReviewMark tie = mark("T");

        model.reviewing().label(inconsistent, tie);

        assertEquals("tie", inconsistent.humanPreference());
        assertEquals(Preference.TIE, model.review().verdict(4).orElseThrow().preference());
        assertTrue(inconsistent.reviewSummary().startsWith("Reviewed: preference tie ("));
        // Row 4 now agrees (inconsistent counts as a tie): 4 of 5.
        assertTrue(model.figures().scoreSummaryProperty().get().contains("agreement 0.80 ["));

        assertEquals(4, model.reviewing().undo());
        assertEquals("A", inconsistent.humanPreference(), "the dataset's preference again");
        assertTrue(model.figures().scoreSummaryProperty().get().contains("agreement 0.60 ["));
    }

    @Test
    void aPreferenceOnAnEarlierPairDoesNotCountForNewAnswers() {
        model.reviewing().label(model.rows().get(5), mark("B"));
        assertEquals("B", model.rows().get(5).humanPreference());

        // A later run answers B otherwise: the preference was given on other answers.
        var old = model.rows().get(5).result();
        var changed = old.withPair(
                old.pair()
                        .withBaseB(io.arbiter.core.run.StageOutcome.answered(
                                "Slow.", old.pair().baseB().usage())),
                old.judgement());
        model.apply(List.of(changed));

        assertEquals("", model.rows().get(5).humanPreference());
    }

    @Test
    void theInconsistentPresetShowsTheRowsWhoseOrdersDisagree() {
        assertTrue(RowFilter.Preset.INCONSISTENT.appliesTo(model.scheme()));
        assertTrue(!RowFilter.Preset.FALSE_ACCEPTS.appliesTo(model.scheme()));

        model.showPreset(RowFilter.Preset.INCONSISTENT);

        assertEquals(
                List.of(4), model.rows().stream().map(ResultsTableRow::index).toList());
        assertEquals(
                "Showing: inconsistent pairs (the two orders disagree) (1 row)",
                model.rowFilterSummaryProperty().get());
    }

    @Test
    void aPairIsNotPromotedAsAWorkedExample() {
        ResultsTableRow row = model.rows().get(0);
        model.reviewing().label(row, mark("A"));

        model.reviewing().togglePromoted(row);

        assertTrue(!row.promoted());
        assertTrue(model.reviewing().reviewMessageProperty().get().contains("takes no worked examples"));
    }

    private ReviewMark mark(String key) {
        return model.scheme().reviewMarks().stream()
                .filter(m -> m.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPreferenceOverAVerdictOnTheSameRowSaysWhatItReplacesAndUndoBringsItBack() {
        ResultsTableRow row = model.rows().get(2);
        model.review().label(2, true, "ann", java.time.Instant.EPOCH, "an earlier answer");

        model.reviewing().label(row, mark("B"));

        assertTrue(
                model.reviewing().reviewMessageProperty().get().contains("It replaces the row's verdict right"),
                model.reviewing().reviewMessageProperty().get());
        model.reviewing().undo();
        assertEquals(true, model.review().verdict(2).orElseThrow().baseRight());
        assertEquals(null, model.review().verdict(2).orElseThrow().preference());
    }
}
