package io.arbiter.ui.workbench;

import static io.arbiter.ui.workbench.WorkbenchRuns.offline;
import static io.arbiter.ui.workbench.WorkbenchRuns.provider;
import static io.arbiter.ui.workbench.WorkbenchRuns.runToItsRecordedEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.project.Project;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.ReviewMark;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.JudgeScore;
import io.arbiter.core.verdict.ScoreScale;
import io.arbiter.offline.OfflineServer;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.ResultsTableRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench grading with rubric scores: the chosen scheme reaches the prompts, the table and the run; a scoring
 * run's rows show the judge's score, its reasoning and the human score; a reviewer's digit key records a score that
 * survives reopening; a stored run shows graded by its own scheme whatever the setup grades the next run by.
 */
class WorkbenchScoringTest {

    private static final ScoreScheme TEN = new ScoreScheme(ScoreScale.parse("0-10"), 6);

    @TempDir
    Path dir;

    private final List<WorkbenchViewModel> windows = new ArrayList<>();

    @AfterEach
    void shutdown() {
        windows.forEach(WorkbenchViewModel::shutdown);
    }

    @Test
    void choosingAScoreSchemeSetsThePromptsTheTableAndTheRunSpec() {
        WorkbenchViewModel model = window();
        model.datasetSetup().openSample();
        assertSame(JudgeSchemes.DEFAULT, model.results().scheme());

        model.useScheme(TEN);

        assertEquals(TEN, model.prompts().scheme());
        assertEquals(TEN, model.results().scheme());
        assertTrue(
                model.results().allRows().stream().allMatch(row -> row.scheme().equals(TEN)), "rows regraded");
        assertEquals(TEN, model.runCommands().specFor(offline()).scheme());
        assertEquals(
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                model.results().scheme().reviewMarks().stream()
                        .map(ReviewMark::key)
                        .toList(),
                "a digit key per score the keyboard has");

        model.datasetSetup().openSupportSample();

        assertEquals(ScoreScheme.DEFAULT, model.prompts().scheme());
        assertEquals(ScoreScheme.DEFAULT, model.results().scheme());
        assertEquals(ScoreScheme.DEFAULT, model.runCommands().specFor(offline()).scheme());
        assertEquals(
                TaskKind.GENERATE,
                model.runCommands().specFor(offline()).mapping().task());
        assertEquals(List.of(), model.prompts().problems(), "{{scale}} and {{reference}} are known to the prompts");
        Dataset support = model.datasetProperty().get();
        ResultsTableRow first = model.results().allRows().get(0);
        assertEquals(support.value(0, "human_score"), first.humanScore(), "the dataset's human score before a run");
        assertEquals(support.value(0, "reference"), first.reference());
    }

    @Test
    void aScoringRunShowsScoresAndADigitKeyScoreSurvivesReopening() throws Exception {
        Path file = dir.resolve("support.arbiter");
        try (OfflineServer server = OfflineServer.builder().port(0).start()) {
            WorkbenchViewModel model = window();
            model.datasetSetup().openSupportSample();
            model.providerChoice().useSettings(provider(server.baseUrl().toString(), 4));
            model.projects().newProject(file).join();
            model.useHeldOutShare(0).join(); // every row promotable: HeldOutRowsTest holds rows out
            runToItsRecordedEnd(model);

            Dataset support = model.datasetProperty().get();
            ResultsTableRow scored = model.results().allRows().stream()
                    .filter(row -> row.result().judgement() instanceof JudgeScore s && s.parsed())
                    .findFirst()
                    .orElseThrow();
            JudgeScore score = (JudgeScore) scored.result().judgement();
            assertEquals(Integer.toString(score.score()), scored.verdict(), "the judge score column");
            assertEquals(score.reasoning(), scored.judgeReasoning());
            assertFalse(scored.judgeReasoning().isEmpty(), "the demo judge gives its reasons");
            assertEquals(support.value(scored.index(), "human_score"), scored.humanScore());
            var figures = model.results().figures();
            assertEquals(
                    "Quadratic κ vs human", figures.truthTileTitleProperty().get());
            assertTrue(
                    figures.baseVsTruthProperty().get().matches("0\\.\\d\\d"),
                    figures.baseVsTruthProperty().get());
            assertTrue(figures.judgeVsTruthProperty().get().matches("\\d\\.\\d\\d vs \\d\\.\\d\\d"));
            assertTrue(
                    figures.scoreSummaryProperty().get().contains("pass/fail agreement"),
                    figures.scoreSummaryProperty().get());
            assertTrue(model.results().allRows().stream()
                    .anyMatch(row -> "UNPARSED".equals(row.verdict())
                            || row.result().judgement() instanceof JudgeScore s && s.parsed()));

            ReviewMark two = model.results().scheme().reviewMarks().stream()
                    .filter(mark -> mark.key().equals("2"))
                    .findFirst()
                    .orElseThrow();
            String before = model.results().figures().scoreSummaryProperty().get();
            ResultsTableRow agreed = model.results().allRows().stream()
                    .filter(row -> row.result().judgement() instanceof JudgeScore s && s.parsed())
                    .filter(row -> row.verdict().equals(row.humanScore())
                            && !row.humanScore().equals("1"))
                    .findFirst()
                    .orElseThrow();
            ReviewMark one = model.results().scheme().reviewMarks().get(0);
            model.results().reviewing().label(agreed, one);
            assertNotEquals(
                    before,
                    model.results().figures().scoreSummaryProperty().get(),
                    "a reviewer's score counts at once: one exact agreement fewer");
            model.results().reviewing().undo();
            assertEquals(
                    before, model.results().figures().scoreSummaryProperty().get());

            model.results().reviewing().label(scored, two);

            assertEquals("2", scored.humanScore(), "the reviewer's score before the dataset's");
            assertEquals(2, scored.human().score());
            assertFalse(scored.human().baseRight(), "2 is below the pass mark 4");
            assertTrue(
                    model.statusProperty().get().contains("human score 2"),
                    model.statusProperty().get());
            Path csv = dir.resolve("scores.csv");
            model.results().export(csv, false).join();
            List<String[]> lines;
            try (var reader = new com.opencsv.CSVReader(java.nio.file.Files.newBufferedReader(csv))) {
                lines = reader.readAll();
            }
            List<String> header = List.of(lines.get(0));
            String[] line = lines.get(scored.index() + 1);
            assertEquals(scored.verdict(), line[header.indexOf("judge_score")]);
            assertEquals("2", line[header.indexOf("human_score")], "the reviewer's score, as the figures count it");
            assertEquals(support.value(scored.index(), "human_score"), line[header.indexOf("dataset_human_score")]);

            model.results().reviewing().togglePromoted(scored);
            model.prompts()
                    .judgeTextProperty()
                    .set(model.prompts().judgeTextProperty().get() + "\n{{examples}}");
            model.selectRow(model.results().allRows().get(scored.index() == 0 ? 1 : 0));
            assertTrue(
                    model.prompts().judgePreviewProperty().get().contains("Answer: Score: 2"),
                    "a promoted scored row is a worked example in the scheme's format: "
                            + model.prompts().judgePreviewProperty().get());
            model.shutdown();

            WorkbenchViewModel reopened = window();
            reopened.projects().openProject(file).join();

            assertEquals(ScoreScheme.DEFAULT, reopened.prompts().scheme(), "the project's grading comes back");
            assertEquals(ScoreScheme.DEFAULT, reopened.results().scheme());
            assertEquals(
                    2, reopened.review().verdict(scored.index()).orElseThrow().score(), "the review is kept");
            // The same-thread executor lands every re-read of the columns, so the run is shown as the Runs tab does.
            reopened.runs().show(reopened.runs().runs().get(0).id());
            ResultsTableRow again = reopened.results().allRows().get(scored.index());
            HumanVerdict kept = again.human();
            assertNotNull(kept, "the review is on the answer the run judged");
            assertEquals(2, kept.score());
            assertEquals("2", again.humanScore());
            assertEquals(scored.verdict(), again.verdict(), "the latest run is shown");
            try (Project project = Project.openForReading(file)) {
                assertEquals(ScoreScheme.DEFAULT, project.currentScheme().orElseThrow());
            }
        }
    }

    @Test
    void aHumanScoreNoOneCanReadStopsTheRunAndSaysWhere() throws Exception {
        Path file = java.nio.file.Files.writeString(
                dir.resolve("scores.csv"),
                "question,answer,human_score\nRefund?,Within 14 days.,4\nPause?,Call us.,4.5\n");
        WorkbenchViewModel model = window();
        io.arbiter.ui.importer.ImportViewModel dialog = model.datasetSetup().newImport();
        dialog.open(file);
        dialog.taskProperty().set(TaskKind.GENERATE);
        dialog.answerColumnProperty().set("answer");
        dialog.humanScoreColumnProperty().set("human_score");
        dialog.grading().kindProperty().set(io.arbiter.ui.importer.GradingChoice.Kind.SCORE);
        dialog.importFile();
        assertEquals(ScoreScheme.DEFAULT, model.prompts().scheme());

        model.runCommands().startRun();

        String message = model.run().messageProperty().get();
        assertTrue(message.startsWith("Cannot run: Row 2 of scores.csv") && message.contains("'4.5'"), message);
        assertTrue(model.datasetProperty().get() != null, "the dataset stays loaded");
    }

    @Test
    void aStoredScoreRunShowsWithItsOwnScheme() throws Exception {
        Path file = dir.resolve("graded.arbiter");
        try (OfflineServer server = OfflineServer.builder().port(0).start()) {
            WorkbenchViewModel model = window();
            model.datasetSetup().openSupportSample();
            model.providerChoice().useSettings(provider(server.baseUrl().toString(), 4));
            model.projects().newProject(file).join();
            runToItsRecordedEnd(model);
            long runId = model.runs().runs().get(0).id();
            List<String> shown = verdicts(model);

            model.useScheme(JudgeSchemes.DEFAULT); // the next run would give verdicts

            assertSame(JudgeSchemes.DEFAULT, model.results().scheme());
            assertTrue(verdicts(model).stream().allMatch(String::isEmpty), "a verdict table has no run yet");
            model.runs().show(runId);

            JudgeScheme graded = model.results().scheme();
            assertEquals(ScoreScheme.DEFAULT, graded, "the run's own scheme");
            assertSame(JudgeSchemes.DEFAULT, model.prompts().scheme(), "the next run still gives verdicts");
            assertEquals(shown, verdicts(model), "the scores as the run gave them");
            assertEquals(
                    JudgeSchemes.DEFAULT, model.runCommands().specFor(offline()).scheme());
        }
    }

    private static List<String> verdicts(WorkbenchViewModel model) {
        return model.results().allRows().stream().map(ResultsTableRow::verdict).toList();
    }

    private WorkbenchViewModel window() {
        WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());
        windows.add(model);
        return model;
    }
}
