package io.arbiter.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.LabelPlan;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The "Label next" preset: the core's plan in its order, a line of expected intervals, reviewed rows dropping out. */
class LabelNextPresetTest {

    /** Truth on the first four rows (one per cell of the judge's table), none on the eight after. */
    private static final Dataset MOVIES = dataset();

    private static final ColumnMapping MAPPING = new ColumnMapping(List.of("Overview"), "Genre", ",");

    private final ResultsViewModel model = new ResultsViewModel(new SameThreadTaskExecutor());
    private List<RowResult> results;

    @BeforeEach
    void finishARun() {
        model.show(MOVIES, MAPPING);
        results = new ArrayList<>();
        results.add(answered(0, "Drama", Evaluation.CORRECT)); // true accept
        results.add(answered(1, "Crime", Evaluation.CORRECT)); // false accept
        results.add(answered(2, "Drama", Evaluation.INCORRECT)); // false reject
        results.add(answered(3, "Crime", Evaluation.INCORRECT)); // true reject
        for (int row = 4; row < 12; row++) {
            results.add(answered(row, null, row < 8 ? Evaluation.CORRECT : Evaluation.INCORRECT));
        }
        model.finish(
                results,
                AccuracyCounts.of(results.stream().map(RowResult::scored).toList()));
    }

    @Test
    void thePresetShowsThePlannedRowsInThePlansOrderWithTheExpectedIntervals() {
        LabelPlan core = new RowRatings(JudgeSchemes.DEFAULT, MOVIES, MAPPING).labelPlan(results, LabelNext.COUNT);

        model.showPreset(RowFilter.Preset.LABEL_NEXT);

        assertEquals(RowFilter.Preset.LABEL_NEXT, model.presetProperty().get());
        assertEquals(8, core.rows().size(), "every unlabelled row, fewer than 20");
        assertEquals(core.rows().stream().map(LabelPlan.Pick::row).toList(), shownIndices());
        assertFalse(
                shownIndices().equals(shownIndices().stream().sorted().toList()), "the plan's order, not the file's");
        assertEquals(core, model.labelNext().planProperty().get());
        String line = model.labelNext().summaryProperty().get();
        assertTrue(line.startsWith("After labelling these 8 (of 8 unlabelled), expected: sensitivity "), line);
        assertTrue(line.contains(" → ["), line);
        assertTrue(line.contains("PPI base accuracy"), line);
        assertEquals(
                "Showing: rows to label next (8 rows)",
                model.rowFilterSummaryProperty().get());
    }

    @Test
    void aReviewedRowDropsOutAndThePlanIsMadeAgain() {
        model.showPreset(RowFilter.Preset.LABEL_NEXT);
        List<Integer> before = shownIndices();

        model.reviewing().label(model.rows().get(0), true);

        // The rest of the rows stay; the order of the strata may change, as the labelled rates did.
        assertEquals(
                before.subList(1, before.size()).stream().sorted().toList(),
                shownIndices().stream().sorted().toList());
        LabelPlan core = new RowRatings(
                        JudgeSchemes.DEFAULT, MOVIES, MAPPING, model.review().verdicts())
                .labelPlan(results, LabelNext.COUNT);
        assertEquals(core.rows().stream().map(LabelPlan.Pick::row).toList(), shownIndices());
        assertEquals(5, model.labelNext().planProperty().get().labelled(), "the reviewer's verdict labels the row");
        assertTrue(model.labelNext().summaryProperty().get().contains("these 7 (of 7 unlabelled)"));
    }

    @Test
    void anotherPresetClearsTheLineAndAPairHasNoPlan() {
        model.showPreset(RowFilter.Preset.LABEL_NEXT);

        model.showPreset(RowFilter.Preset.ALL);

        assertEquals("", model.labelNext().summaryProperty().get());
        assertNull(model.labelNext().planProperty().get());
        assertEquals(12, model.rows().size());
        assertFalse(RowFilter.Preset.LABEL_NEXT.appliesTo(PairwiseScheme.DEFAULT));
        assertTrue(RowFilter.Preset.LABEL_NEXT.appliesTo(JudgeSchemes.DEFAULT));
    }

    private List<Integer> shownIndices() {
        return model.rows().stream().map(ResultsTableRow::index).toList();
    }

    private static RowResult answered(int row, String truth, Evaluation evaluation) {
        String judgeRaw = "Drama," + (evaluation == Evaluation.CORRECT ? "Correct" : "Incorrect");
        return RowResult.pending(row, truth == null ? List.of() : List.of(truth))
                .withBase(StageOutcome.answered("Drama", Usage.NONE), new BaseAnswer("Drama", "Drama"))
                .withJudge(
                        StageOutcome.answered(judgeRaw, Usage.NONE), new JudgeVerdict(judgeRaw, "Drama", evaluation));
    }

    private static Dataset dataset() {
        List<String[]> rows = new ArrayList<>();
        for (int row = 0; row < 12; row++) {
            String truth = row < 4 ? (row % 2 == 0 ? "Drama" : "Crime") : "";
            rows.add(new String[] {"Film " + row, "Overview " + row, truth});
        }
        return new Dataset("movies.csv", List.of("Title", "Overview", "Genre"), rows);
    }
}
