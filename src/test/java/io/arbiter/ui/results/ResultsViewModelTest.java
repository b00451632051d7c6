package io.arbiter.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.export.ResultsCsvWriter;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results table and its three figures, with no FX toolkit. */
class ResultsViewModelTest {

    private static final Dataset MOVIES = new Dataset(
            "movies.csv",
            List.of("Title", "Overview", "Genre"),
            List.of(
                    new String[] {"Quiet Harbor", "A widow reopens her late husband's inn.", "Drama"},
                    new String[] {"Cold Ledger", "An accountant, a syndicate, a body.", "Crime"},
                    new String[] {"Dust Road", "A sheriff rides\nacross the frontier.", "Western"},
                    new String[] {"Wrong Number", "Two strangers keep calling each other.", "Comedy"},
                    new String[] {"The Cellar", "Something waits under the house.", "Horror"},
                    new String[] {"Orbit", "A crippled spaceship drifts.", "Sci-Fi"}));
    private static final ColumnMapping MAPPING = new ColumnMapping(List.of("Overview"), "Genre", ",");

    @TempDir
    Path dir;

    private final ResultsViewModel model = new ResultsViewModel(new SameThreadTaskExecutor());

    @BeforeEach
    void showDataset() {
        model.show(MOVIES, MAPPING);
    }

    @Test
    void aRowAskedForIsSelectedOnceTheFilteredRowsAreShown() {
        List<Integer> asked = new java.util.ArrayList<>();
        model.rowToSelectProperty().addListener((obs, old, row) -> asked.add(row.intValue()));

        model.showOnly(new RowFilter("rows 3 and 5", row -> row.index() == 2 || row.index() == 4));
        model.select(4);

        assertEquals(
                List.of(2, 4), model.rows().stream().map(ResultsTableRow::index).toList());
        assertEquals(List.of(4, -1), asked, "asked once, then cleared so the same row can be asked again");
        model.select(4);
        assertEquals(List.of(4, -1, 4, -1), asked);
    }

    @Test
    void freshDatasetShowsOnePendingRowPerDatasetRowAndNoFigures() {
        assertEquals(MOVIES.size(), model.rows().size());
        for (int i = 0; i < MOVIES.size(); i++) {
            ResultsTableRow row = model.rows().get(i);
            assertEquals(i, row.index());
            assertEquals(ResultsTableRow.Outcome.PENDING, row.outcome());
            assertEquals(MOVIES.value(i, "Genre"), row.truth());
            assertEquals("", row.baseAnswer());
            assertEquals("", row.verdict());
        }
        assertEquals("n/a", model.figures().baseVsJudgeProperty().get());
        assertEquals("n/a", model.figures().baseVsTruthProperty().get());
        assertEquals("n/a", model.figures().judgeVsTruthProperty().get());
        assertEquals("no rows yet", model.figures().baseVsTruthCountsProperty().get());
        assertFalse(model.hasResultsProperty().get());
        assertEquals(List.of("Title", "Overview"), model.keyColumnsProperty().get());
    }

    @Test
    void appliedRowsUpdateTheTableAndTheThreeFigures() {
        List<RowResult> results = runResults();

        model.apply(results);

        // By hand, over the six rows (row 5 still pending):
        //   base vs judge: parsed verdicts rows 0, 1, 3; Correct only on row 0      -> 1/3 = 33.3%
        //   base vs truth: parsed base answers rows 0, 1, 3, 4; right on 0 and 4    -> 2/4 = 50.0%
        //   judge vs truth: parsed predictions rows 0, 1, 3; all match the truth    -> 3/3 = 100.0%
        //   row 2 is unparsed in both stages and counts in no denominator.
        assertEquals("33.3%", model.figures().baseVsJudgeProperty().get());
        assertEquals("50.0%", model.figures().baseVsTruthProperty().get());
        assertEquals("100.0%", model.figures().judgeVsTruthProperty().get());
        assertEquals(
                "1 of 3 say Correct",
                model.figures().baseVsJudgeCountsProperty().get());
        assertEquals(
                "2 of 4 answers right",
                model.figures().baseVsTruthCountsProperty().get());
        assertEquals(
                "3 of 3 predictions right",
                model.figures().judgeVsTruthCountsProperty().get());
        assertEquals(
                "Unparsed: base 1 · judge 1   Errors: 0   Rows: 6",
                model.figures().unparsedSummaryProperty().get());

        List<ScoredRow> scored =
                model.rows().stream().map(r -> r.result().scored()).toList();
        AccuracyCounts core = AccuracyCounts.of(scored);
        assertEquals(core, model.metricsProperty().get());
        assertEquals(
                core.baseVsJudge().percent(),
                model.figures().baseVsJudgeProperty().get());
        assertEquals(
                core.baseVsTruth().percent(),
                model.figures().baseVsTruthProperty().get());
        assertEquals(
                core.judgeVsTruth().percent(),
                model.figures().judgeVsTruthProperty().get());

        assertTrue(model.hasResultsProperty().get());
        assertEquals(
                List.of(
                        ResultsTableRow.Outcome.PASS,
                        ResultsTableRow.Outcome.FAIL,
                        ResultsTableRow.Outcome.UNPARSED,
                        ResultsTableRow.Outcome.FAIL,
                        ResultsTableRow.Outcome.PASS,
                        ResultsTableRow.Outcome.PENDING),
                model.rows().stream().map(ResultsTableRow::outcome).toList());
        assertEquals("Comedy", model.rows().get(1).baseAnswer());
        assertEquals("Incorrect", model.rows().get(1).verdict());
        assertEquals("UNPARSED", model.rows().get(2).judgePrediction());
    }

    @Test
    void rowsStreamedOneByOneAndReplacedCountAsTheirLatestAnswers() {
        for (RowResult result : runResults()) {
            model.apply(List.of(result)); // one drain per row, as a slow run streams in
        }
        // Row 1 is answered again: its first answer (Comedy, judged Incorrect) must leave every count.
        model.apply(List.of(answered(1, "Crime", "Crime", "Crime", Evaluation.CORRECT)));

        // Counted from scratch over the rows as they stand, which the running counts must equal:
        //   base vs judge 2/3 (rows 0 and 1 Correct, row 3 not), base vs truth 3/4, judge vs truth 3/3.
        AccuracyCounts recounted = AccuracyCounts.of(
                model.rows().stream().map(r -> r.result().scored()).toList());
        assertEquals(recounted, model.metricsProperty().get());
        assertEquals(
                "2 of 3 say Correct",
                model.figures().baseVsJudgeCountsProperty().get());
        assertEquals(
                "3 of 4 answers right",
                model.figures().baseVsTruthCountsProperty().get());
    }

    @Test
    void failedRowShowsAsAnErrorAndIsCounted() {
        model.apply(List.of(RowResult.pending(1, List.of("Crime")).withBase(StageOutcome.failed("timeout"), null)));

        ResultsTableRow row = model.rows().get(1);
        assertEquals(ResultsTableRow.Outcome.ERROR, row.outcome());
        assertEquals("error", row.baseAnswer());
        assertEquals(1, model.metricsProperty().get().errors());
    }

    @Test
    void resultForARowBeyondTheTableIsIgnored() {
        model.apply(List.of(answered(99, "Drama", "Drama", "Drama", Evaluation.CORRECT)));

        assertEquals(MOVIES.size(), model.rows().size());
        assertEquals("n/a", model.figures().baseVsJudgeProperty().get());
    }

    @Test
    void showingTheDatasetAgainClearsTheFigures() {
        model.apply(runResults());

        model.show(MOVIES, MAPPING);

        assertEquals("n/a", model.figures().baseVsTruthProperty().get());
        assertFalse(model.hasResultsProperty().get());
        assertTrue(model.rows().stream().allMatch(r -> r.outcome() == ResultsTableRow.Outcome.PENDING));
    }

    @Test
    void exportWritesAHeaderAndOneLinePerRow() throws Exception {
        model.apply(runResults());
        Path file = dir.resolve("results.csv");

        Path written = model.export(file, false).get();

        assertEquals(file, written);
        List<String[]> lines;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(in)) {
            lines = csv.readAll();
        }
        assertEquals(1 + MOVIES.size(), lines.size());
        List<String> header = List.of(lines.get(0));
        assertEquals(new ResultsCsvWriter().header(MOVIES.columns()), header);
        for (int i = 0; i < MOVIES.size(); i++) {
            String[] line = lines.get(i + 1);
            assertEquals(header.size(), line.length, "line " + (i + 1));
            assertEquals(Integer.toString(i + 1), line[header.indexOf("row")]);
            assertEquals(MOVIES.value(i, "Overview"), line[header.indexOf("Overview")]);
        }
        String[] second = lines.get(2);
        assertEquals("Comedy", second[header.indexOf("base_answer")]);
        assertEquals("wrong", second[header.indexOf("base_vs_truth")]);
        assertEquals("Incorrect", second[header.indexOf("judge_evaluation")]);
        assertEquals("correct", second[header.indexOf("judge_vs_truth")]);
        assertEquals("", lines.get(6)[header.indexOf("base_answer_raw")], "the pending row has no answer");
    }

    @Test
    void aRowFilterComposesWithTheTextFilterAndSaysWhatItShows() {
        List<RowResult> results = new java.util.ArrayList<>(runResults());
        results.add(answered(5, "Sci-Fi", "Drama", "Sci-Fi", Evaluation.CORRECT)); // a false accept
        model.finish(
                results,
                AccuracyCounts.of(results.stream().map(RowResult::scored).toList()));

        model.showPreset(RowFilter.Preset.FALSE_REJECTS);
        assertEquals(
                List.of(), model.rows().stream().map(ResultsTableRow::index).toList());
        assertEquals(
                "Showing: judge false rejects (0 rows)",
                model.rowFilterSummaryProperty().get());

        model.showOnly(
                new RowFilter("rows the judge calls Incorrect", r -> r.verdict().equals("Incorrect")));
        assertEquals(
                List.of(1, 3), model.rows().stream().map(ResultsTableRow::index).toList());
        assertEquals(null, model.presetProperty().get(), "no preset is on for rows chosen elsewhere");
        model.filter("crime");
        assertEquals(
                List.of(1), model.rows().stream().map(ResultsTableRow::index).toList());
        assertEquals(
                "Showing: rows the judge calls Incorrect (1 row)",
                model.rowFilterSummaryProperty().get());

        model.clearRowFilter();
        assertEquals(
                List.of(1), model.rows().stream().map(ResultsTableRow::index).toList(), "the text filter stays");
        assertEquals("", model.rowFilterSummaryProperty().get());
        assertEquals(RowFilter.Preset.ALL, model.presetProperty().get());
        model.filter("");

        model.showPreset(RowFilter.Preset.FALSE_ACCEPTS);
        assertEquals(
                List.of(5), model.rows().stream().map(ResultsTableRow::index).toList());
        model.showPreset(RowFilter.Preset.UNPARSED);
        assertEquals(
                List.of(2), model.rows().stream().map(ResultsTableRow::index).toList());
        assertEquals(RowFilter.Preset.UNPARSED, model.presetProperty().get());
    }

    @Test
    void aPromotedRowLeavesThePresetsAsItLeavesTheFigures() {
        List<RowResult> results = new java.util.ArrayList<>(runResults());
        results.add(answered(5, "Sci-Fi", "Drama", "Sci-Fi", Evaluation.CORRECT)); // a false accept
        model.finish(
                results,
                AccuracyCounts.of(results.stream().map(RowResult::scored).toList()));
        ResultsTableRow falseAccept = model.allRows().get(5);
        model.reviewing().label(falseAccept, false);
        model.reviewing().togglePromoted(falseAccept);

        model.showPreset(RowFilter.Preset.FALSE_ACCEPTS);
        assertEquals(
                List.of(), model.rows().stream().map(ResultsTableRow::index).toList(), "an example is no measurement");
        model.showOnly(RowFilter.agreementCell(io.arbiter.core.metrics.AgreementCell.FALSE_ACCEPT));
        assertEquals(
                List.of(), model.rows().stream().map(ResultsTableRow::index).toList());
        model.showPreset(RowFilter.Preset.HUMAN_REVIEWED);
        assertEquals(
                List.of(5),
                model.rows().stream().map(ResultsTableRow::index).toList(),
                "but it is still a reviewed row");
    }

    @Test
    void aNewRunClearsTheChosenRowsAndCountsAsNewResults() {
        model.finish(runResults(), AccuracyCounts.of(List.of()));
        long version = model.resultsVersionProperty().get();
        model.showPreset(RowFilter.Preset.ERRORS);

        model.clearResults();

        assertEquals(MOVIES.size(), model.rows().size());
        assertEquals("", model.rowFilterSummaryProperty().get());
        assertTrue(model.resultsVersionProperty().get() > version);
    }

    @Test
    void reviewingLabelsRowsKeepsWhoAndWhenUndoesAndFeedsTheHumanReviewedPreset() {
        model.finish(
                runResults(),
                AccuracyCounts.of(runResults().stream().map(RowResult::scored).toList()));
        long version = model.reviewing().reviewVersionProperty().get();

        model.reviewing().label(model.rows().get(1), false);
        model.reviewing().label(model.rows().get(3), true);
        model.reviewing().note(model.rows().get(3), "the plot is a farce");
        model.reviewing().label(model.rows().get(5), true); // never ran: nothing to review

        ResultsTableRow three = model.rows().get(3);
        assertEquals("right", three.humanLabel());
        assertEquals("the plot is a farce", three.humanNote());
        assertEquals(System.getProperty("user.name"), three.human().reviewer());
        assertTrue(three.reviewSummary().startsWith("Reviewed: base answer right (" + System.getProperty("user.name")));
        assertEquals("wrong", model.rows().get(1).humanLabel());
        assertEquals("", model.rows().get(5).humanLabel());
        assertEquals(
                "Row 6 has no base answer to review yet.",
                model.reviewing().reviewMessageProperty().get());
        assertEquals(2, model.review().size());
        assertTrue(model.reviewing().reviewVersionProperty().get() >= version + 3);

        model.showPreset(RowFilter.Preset.HUMAN_REVIEWED);
        assertEquals(
                List.of(1, 3), model.rows().stream().map(ResultsTableRow::index).toList());
        assertEquals(
                "Showing: human-reviewed rows (2 rows)",
                model.rowFilterSummaryProperty().get());

        assertEquals(3, model.reviewing().undo(), "the note goes first");
        assertEquals("", three.humanNote());
        assertEquals(3, model.reviewing().undo());
        assertEquals("", three.humanLabel());
        assertEquals(1, model.reviewing().undo());
        assertEquals(-1, model.reviewing().undo());
        assertEquals(
                "Nothing to undo.", model.reviewing().reviewMessageProperty().get());

        model.reviewing().label(model.allRows().get(0), true);
        model.show(MOVIES, MAPPING);
        assertEquals(1, model.review().size(), "remapping the same dataset keeps the review");
        assertEquals("", model.allRows().get(0).humanLabel(), "until the row has its answer again");
        model.finish(
                runResults(),
                AccuracyCounts.of(runResults().stream().map(RowResult::scored).toList()));
        assertEquals("right", model.allRows().get(0).humanLabel());
        model.show(
                new Dataset("other.csv", MOVIES.columns(), List.<String[]>of(new String[] {"a", "b", "Drama"})),
                MAPPING);
        assertEquals(0, model.review().size(), "another dataset starts a new review");
    }

    /** Five of the six rows as a run leaves them; row 5 never ran. */
    private static List<RowResult> runResults() {
        return List.of(
                answered(0, "Drama", "Drama", "Drama", Evaluation.CORRECT),
                answered(1, "Crime", "Comedy", "Crime", Evaluation.INCORRECT),
                RowResult.pending(2, List.of("Western"))
                        .withBase(
                                StageOutcome.answered("a cowboy film", Usage.NONE),
                                new BaseAnswer("a cowboy film", null))
                        .withJudge(StageOutcome.answered("no idea", Usage.NONE), JudgeVerdict.unparsed("no idea")),
                answered(3, "Comedy", "Drama", "Comedy", Evaluation.INCORRECT),
                RowResult.pending(4, List.of("Horror"))
                        .withBase(
                                StageOutcome.answered("Horror", new Usage(40, 1)), new BaseAnswer("Horror", "Horror")));
    }

    @Test
    void reviewMessagesNameTheSchemesReviewKeys() {
        // The verdict scheme's marks, as the review help line shows them: "1 base answer right", "2 wrong".
        model.reviewing().note(model.rows().get(0), "too soon");
        assertEquals(
                "Label the row first (1 base answer right, 2 wrong), then add a note.",
                model.reviewing().reviewMessageProperty().get());

        model.reviewing().togglePromoted(model.rows().get(0));
        assertEquals(
                "Review the row first (1 base answer right, 2 wrong); then P makes it a worked example.",
                model.reviewing().reviewMessageProperty().get());
    }

    @Test
    void aReviewedRowWhoseBaseAnswerChangesIsUpForReviewAgain() {
        model.finish(
                runResults(),
                AccuracyCounts.of(runResults().stream().map(RowResult::scored).toList()));
        ResultsTableRow row = model.allRows().get(1);
        model.reviewing().label(row, false);
        assertEquals("wrong", row.humanLabel());
        assertEquals("Comedy", row.human().answer());

        model.apply(List.of(answered(1, "Crime", "Crime", "Crime", Evaluation.CORRECT))); // a new run answers Crime

        assertEquals("", row.humanLabel(), "the verdict was on Comedy, not on Crime");
        assertEquals(null, row.human());
        assertEquals(1, model.review().size(), "the verdict is kept, for the answer it was given on");
        model.apply(List.of(answered(1, "Crime", "Comedy", "Crime", Evaluation.INCORRECT)));
        assertEquals("wrong", row.humanLabel(), "the same answer again: the verdict counts again");
    }

    @Test
    void anExampleWhoseAnswerChangedCanStillBeTakenBack() {
        model.finish(
                runResults(),
                AccuracyCounts.of(runResults().stream().map(RowResult::scored).toList()));
        ResultsTableRow row = model.allRows().get(1);
        model.reviewing().label(row, false);
        model.reviewing().togglePromoted(row);
        model.apply(List.of(answered(1, "Crime", "Crime", "Crime", Evaluation.CORRECT)));
        assertEquals(null, row.human());

        model.reviewing().togglePromoted(row);

        assertFalse(row.promoted());
        assertTrue(model.review().promotedRows().isEmpty());
    }

    @Test
    void aDraftShowsAndCountsOnlyItsRowsUntilTheNextWholeRun() {
        model.finish(List.of(answered(0, "Drama", "Drama", "Drama", Evaluation.CORRECT)), AccuracyCounts.of(List.of()));
        model.select(List.of(model.rows().get(4), model.rows().get(1)));
        assertEquals(List.of(1, 4), model.selectedIndices());
        String mainRun = model.figures().baseVsTruthCountsProperty().get();

        model.startDraft(model.selectedIndices());
        assertEquals("", model.rows().get(0).verdict(), "one run at a time: the earlier verdict is cleared");
        assertEquals(
                List.of(1, 4), model.rows().stream().map(ResultsTableRow::index).toList());
        assertEquals(
                "Showing: the draft run's rows (2 rows)",
                model.rowFilterSummaryProperty().get());
        model.apply(List.of(
                answered(1, "Crime", "Crime", "Crime", Evaluation.CORRECT),
                answered(4, "Horror", "Comedy", "Horror", Evaluation.INCORRECT)));
        assertEquals(2, model.metricsProperty().get().rows(), "the rows the draft left out are not counted");
        assertEquals(mainRun, model.figures().baseVsTruthCountsProperty().get(), "the tiles stay the main run's");
        assertEquals(
                "Draft on 2 rows (the tiles keep the main run's): base vs judge 50.0% (1 of 2 agree) · base vs truth "
                        + "50.0% · judge vs truth 100.0% · unparsed 0 · errors 0",
                model.figures().draftLineProperty().get());

        model.clearResults();
        assertEquals("", model.figures().draftLineProperty().get());
        assertFalse(model.showsDraft());
        assertEquals(MOVIES.size(), model.rows().size(), "a whole run shows every row again");
    }

    private static RowResult answered(int row, String truth, String base, String prediction, Evaluation evaluation) {
        String judgeRaw = prediction + "," + (evaluation == Evaluation.CORRECT ? "Correct" : "Incorrect");
        return RowResult.pending(row, List.of(truth))
                .withBase(StageOutcome.answered(base, new Usage(50, 1)), new BaseAnswer(base, base))
                .withJudge(
                        StageOutcome.answered(judgeRaw, new Usage(80, 3)),
                        new JudgeVerdict(judgeRaw, prediction, evaluation));
    }
}
