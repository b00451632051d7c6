package io.arbiter.core.metrics;

import static io.arbiter.core.metrics.Rows.base;
import static io.arbiter.core.metrics.Rows.judge;
import static io.arbiter.core.metrics.Rows.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.export.JudgedCsvReader;
import io.arbiter.core.export.MetricsJson;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.io.StringReader;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Issue #15 item 5: figures that do not move with the order of labels in a cell, and how rows naming no label count. */
class OrderFreeDefinitionsTest {

    private static List<ScoredRow> rows(String multiLabel) {
        return List.of(
                row(List.of(multiLabel.split(", ")), base("Comedy"), judge("Comedy", Evaluation.INCORRECT)),
                row(List.of(multiLabel.split(", ")), base("Drama"), judge("Crime", Evaluation.CORRECT)),
                row(List.of(multiLabel.split(", ")), new BaseAnswer("a heist film", null), JudgeVerdict.unparsed("?")),
                row(List.of("Comedy"), base("Crime"), judge("Comedy", Evaluation.INCORRECT)),
                row(List.of("Drama"), base("Drama"), judge("Drama", Evaluation.CORRECT)));
    }

    @Test
    void reorderingTheLabelsOfACellChangesNothing() {
        for (boolean ofJudge : new boolean[] {false, true}) {
            LabelConfusion forward = ofJudge
                    ? LabelConfusion.ofJudge(rows("Crime, Drama"))
                    : LabelConfusion.ofBase(rows("Crime, Drama"));
            LabelConfusion reversed = ofJudge
                    ? LabelConfusion.ofJudge(rows("Drama, Crime"))
                    : LabelConfusion.ofBase(rows("Drama, Crime"));
            assertArrayEquals(forward.counts(), reversed.counts());
            assertEquals(forward.perLabelAccuracy(), reversed.perLabelAccuracy());
            assertEquals(forward.macroF1(), reversed.macroF1());
            assertEquals(forward.macroRecall(), reversed.macroRecall());
            assertEquals(forward.macroPrecision(), reversed.macroPrecision());
            for (int r = 0; r < forward.labels().size(); r++) {
                assertEquals(forward.unparsedOf(r), reversed.unparsedOf(r));
            }
        }
        // The wrong base answer "Comedy" on a Crime, Drama row is charged to Crime, first in label order, whichever
        // order the cell lists them in; so is the answer naming no label (the off-list bucket).
        LabelConfusion base = LabelConfusion.ofBase(rows("Drama, Crime"));
        assertEquals(List.of("Comedy", "Crime", "Drama"), base.labels());
        assertEquals(1, base.count(1, 0), "Crime row answered Comedy");
        assertEquals(1, base.unparsedOf(1));
        assertEquals(0, base.unparsedOf(2));
    }

    @Test
    void judgeVsTruthCountsAPredictionWhoseEvaluationDidNotParse() {
        List<ScoredRow> rows = List.of(
                row(List.of("Drama"), base("Drama"), new JudgeVerdict("Drama, perhaps", "Drama", Evaluation.UNPARSED)),
                row(List.of("Drama"), base("Drama"), judge("Comedy", Evaluation.INCORRECT)));
        AccuracyCounts counts = AccuracyCounts.of(rows);
        assertEquals(new Proportion(1, 2), counts.judgeVsTruth(), "the prediction is known: it counts");
        assertEquals(new Proportion(0, 1), counts.baseVsJudge(), "the verdict is not: it does not");
        assertEquals(1, counts.unparsedJudge());
        assertEquals(1, LabelConfusion.ofJudge(rows).right());
        // The agreement table needs the verdict, so the row stays out of it.
        assertEquals(1, JudgeReport.of(rows).judge().table().n());
    }

    @Test
    void boundsCountRowsNamingNoLabelAllWrongOrAllRight() {
        List<ScoredRow> rows = List.of(
                row(List.of("Drama"), base("Drama"), judge("Drama", Evaluation.CORRECT)),
                row(List.of("Drama"), base("Drama"), judge("Comedy", Evaluation.CORRECT)),
                row(List.of("Comedy"), base("Drama"), JudgeVerdict.unparsed("no idea")),
                row(List.of("Comedy"), new BaseAnswer("Farce", null), judge("Comedy", Evaluation.INCORRECT)),
                row(List.of(), new BaseAnswer("Farce", null), JudgeVerdict.unparsed("no truth: no bound")));
        AccuracyBounds bounds = AccuracyBounds.of(rows);
        // Base: 2 right of 3 naming a label, 1 naming none -> 2/4 to 3/4. Judge: 2 of 3, 1 unparsed -> 2/4 to 3/4.
        assertEquals(OptionalDouble.of(0.5), bounds.baseWorst());
        assertEquals(OptionalDouble.of(0.75), bounds.baseBest());
        assertEquals(OptionalDouble.of(0.5), bounds.judgeWorst());
        assertEquals(OptionalDouble.of(0.75), bounds.judgeBest());
        ObjectNode json = MetricsJson.tree(JudgeReport.of(rows));
        assertEquals(0.5, json.get("base_accuracy_worst").asDouble());
        assertEquals(0.75, json.get("base_accuracy_best").asDouble());
        assertEquals(0.5, json.get("judge_vs_truth_worst").asDouble());
        assertEquals(0.75, json.get("judge_vs_truth_best").asDouble());
        assertEquals(1, json.get("base_no_label").asInt());
        assertTrue(JudgeReport.of(rows).bounds().sentence().contains("base accuracy 0.50 to 0.75"));
        assertTrue(MetricsJson.tree(JudgeReport.of(List.of()))
                .get("base_accuracy_best")
                .isNull());
    }

    @Test
    void offListBaseAnswersAndJudgePredictionsAreTreatedAlike() throws Exception {
        // Horror is no truth label: as a base answer it names no label, and as the judge's prediction too. A known
        // prediction with an evaluation that does not read still counts in judge vs truth.
        String csv = "truth,base,prediction,eval\n"
                + "Drama,Horror,Horror,Correct\n"
                + "Drama,Drama,Drama,maybe\n"
                + "Comedy,Comedy,Comedy,Correct\n";
        List<RatedRow> rows = JudgedCsvReader.read(
                new StringReader(csv),
                "judged.csv",
                new JudgedCsvReader.Columns("truth", null, "base", "eval", "prediction", null));
        JudgeReport report = JudgeReport.ofRated(rows);
        assertEquals(new Proportion(2, 2), report.loop().baseVsTruth());
        assertEquals(new Proportion(2, 2), report.loop().judgeVsTruth());
        assertEquals(1, report.bounds().baseNoLabel());
        assertEquals(1, report.bounds().judgeNoLabel());
        assertEquals(report.bounds().baseWorst(), report.bounds().judgeWorst());
    }
}
