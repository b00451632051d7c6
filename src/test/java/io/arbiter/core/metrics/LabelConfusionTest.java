package io.arbiter.core.metrics;

import static io.arbiter.core.metrics.Rows.base;
import static io.arbiter.core.metrics.Rows.judge;
import static io.arbiter.core.metrics.Rows.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelConfusionTest {

    /* The table of AccuracyCountsTest: base vs truth 5/7, judge vs truth 4/6. */
    static final List<ScoredRow> TABLE = List.of(
            row(List.of("Drama"), base("Drama"), judge("Drama", Evaluation.CORRECT)),
            row(List.of("Crime", "Drama"), base("Crime"), judge("Drama", Evaluation.CORRECT)),
            row(List.of("Comedy"), base("Drama"), judge("Comedy", Evaluation.INCORRECT)),
            row(List.of("Western", "Action"), base("Action"), judge("Western", Evaluation.INCORRECT)),
            row(List.of("Sci-Fi"), new BaseAnswer("Crime drama", null), judge("Drama", Evaluation.INCORRECT)),
            row(List.of("Thriller"), base("Drama"), JudgeVerdict.unparsed("Thriller, maybe")),
            row(List.of(), base("Drama"), judge("Drama", Evaluation.CORRECT)),
            new ScoredRow(List.of("War"), null, null, true),
            new ScoredRow(List.of("Mystery"), base("Mystery"), null, true),
            row(List.of("Crime"), null, null),
            row(List.of("film-noir"), base("Film-Noir"), judge("Crime", Evaluation.CORRECT)));

    private static final List<String> LABELS = List.of(
            "Action", "Comedy", "Crime", "Drama", "film-noir", "Mystery", "Sci-Fi", "Thriller", "War", "Western");

    @Test
    void baseAnswersRightOnTheirOwnLabelWrongAgainstTheFirstTruthLabel() {
        LabelConfusion c = LabelConfusion.ofBase(TABLE);

        assertEquals(LABELS, c.labels());
        assertEquals(LABELS, c.columns());
        // Right: Drama (1), Crime (2, of Crime, Drama), Action (4, of Western, Action), Mystery (9), film-noir (11).
        // Wrong: Comedy row answered Drama (3), Thriller row answered Drama (6). Row 5 unparsed, 7 without truth.
        long[][] expected = new long[10][10];
        expected[0][0] = 1;
        expected[2][2] = 1;
        expected[3][3] = 1;
        expected[4][4] = 1;
        expected[5][5] = 1;
        expected[1][3] = 1;
        expected[7][3] = 1;
        assertArrayEquals(expected, c.counts());
        assertEquals(7, c.total());
        assertEquals(5, c.right());
        assertEquals(1, c.unparsed());
        assertEquals(AccuracyCounts.of(TABLE).baseVsTruth(), new Proportion(c.right(), c.total()));
    }

    @Test
    void perLabelAccuracyAndMacroScoresByHand() {
        LabelConfusion c = LabelConfusion.ofBase(TABLE);
        // Labels in truth or answered: Action, Comedy, Crime, Drama, film-noir, Mystery, Thriller (7).
        // precision: 1, 0 (never answered), 1, 1/3 (Drama answered 3 times, right once), 1, 1, 0 -> 4.3333/7
        // recall:    1, 0, 1, 1, 1, 1, 0 -> 5/7
        // F1:        1, 0, 1, 2·(1/3)·1/(4/3) = 0.5, 1, 1, 0 -> 4.5/7
        assertEquals(13.0 / 3 / 7, c.macroPrecision().value(), 1e-12);
        assertEquals(5.0 / 7, c.macroRecall().value(), 1e-12);
        assertEquals(4.5 / 7, c.macroF1().value(), 1e-12);
        assertEquals(1.0, c.perLabelAccuracy().get("Drama").value());
        assertEquals(0.0, c.perLabelAccuracy().get("Comedy").value());
        assertFalse(c.perLabelAccuracy().get("War").isDefined());
        assertEquals(LABELS, List.copyOf(c.perLabelAccuracy().keySet()));
    }

    @Test
    void judgePredictionsAndAnOtherColumnForLabelsWithoutTruth() {
        List<ScoredRow> rows = new java.util.ArrayList<>(TABLE);
        rows.add(row(List.of("Drama"), base("Drama"), judge("Horror", Evaluation.INCORRECT)));
        LabelConfusion c = LabelConfusion.ofJudge(rows);

        assertEquals(LABELS.size() + 1, c.columns().size());
        assertEquals(LabelConfusion.OTHER, c.columns().get(LABELS.size()));
        // Right: Drama (1), Drama (2, of Crime, Drama), Comedy (3), Western (4). Wrong: Sci-Fi row said Drama (5),
        // film-noir row said Crime (11), Drama row said Horror (added). Row 6 unparsed.
        assertEquals(2, c.count(3, 3));
        assertEquals(1, c.count(1, 1));
        assertEquals(1, c.count(9, 9));
        assertEquals(1, c.count(6, 3));
        assertEquals(1, c.count(4, 2));
        assertEquals(1, c.count(3, LABELS.size()));
        assertEquals(7, c.total());
        assertEquals(4, c.right());
        assertEquals(1, c.unparsed());
    }

    @Test
    void noRowsNoLabelsNoScores() {
        LabelConfusion c = LabelConfusion.ofBase(List.of());
        assertEquals(List.of(), c.labels());
        assertEquals(0, c.total());
        assertEquals("n/a", c.macroF1().format());
        assertEquals("n/a", c.macroPrecision().format());
        // Truth but nothing answered yet.
        LabelConfusion pending = LabelConfusion.ofBase(List.of(row(List.of("Drama"), null, null)));
        assertEquals(List.of("Drama"), pending.labels());
        assertEquals("n/a", pending.macroRecall().format());
    }
}
