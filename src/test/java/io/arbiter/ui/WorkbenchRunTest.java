package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.offline.OfflineProvider;
import io.arbiter.ui.results.ResultsTableRow;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A newcomer's first minute: the sample is there, Run fills every row, and the figures are the core's. */
class WorkbenchRunTest extends WorkbenchUiTest {

    @Test
    void clickingRunFillsVerdictsAndShowsTheCoresAccuracies(FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = robot.lookup("#resultsTable").queryTableView();
        Dataset sample = Samples.movies();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == sample.size());

        runToEnd(robot);

        assertEquals(sample.size(), table.getItems().size(), "one table row per dataset row");
        assertTrue(table.getItems().stream().allMatch(r -> !r.verdict().isEmpty()), "every row has a verdict");

        List<ScoredRow> shown =
                table.getItems().stream().map(r -> r.result().scored()).toList();
        AccuracyCounts fromTable = AccuracyCounts.of(shown);
        AccuracyCounts fromCore = independentRun(sample);
        assertEquals(fromCore, fromTable, "the table holds the rows a headless run produces");

        assertEquals(fromCore.baseVsJudge().percent(), text(robot, "#baseVsJudgeValue"));
        assertEquals(fromCore.baseVsTruth().percent(), text(robot, "#baseVsTruthValue"));
        assertEquals(fromCore.judgeVsTruth().percent(), text(robot, "#judgeVsTruthValue"));
        assertTrue(
                text(robot, "#baseCount").startsWith(sample.size() + " / " + sample.size()), text(robot, "#baseCount"));
        assertTrue(robot.lookup("#baseBar")
                        .queryAs(javafx.scene.control.ProgressBar.class)
                        .getProgress()
                >= 1.0);
        assertTrue(robot.lookup("#judgeBar")
                        .queryAs(javafx.scene.control.ProgressBar.class)
                        .getProgress()
                >= 1.0);
    }

    @Test
    void anUnknownPlaceholderIsFlaggedAndRunIsRefused(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);
        robot.interact(() -> model.prompts().baseTextProperty().set("Pick one of {{labels}}.\n[user]\n{{Plot}}"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                text(robot, "#problemsLabel").contains("unknown placeholder {{Plot}}"), text(robot, "#problemsLabel"));

        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                text(robot, "#messageLabel").startsWith("Cannot run: Base prompt: unknown placeholder {{Plot}}"),
                text(robot, "#messageLabel"));
        assertEquals(false, model.results().hasResultsProperty().get());
    }

    private static AccuracyCounts independentRun(Dataset sample) throws Exception {
        try (OfflineProvider offline = OfflineProvider.start();
                OpenAiChatClient client = new OpenAiChatClient(offline.profile())) {
            PromptPair prompts =
                    PromptPair.of(Samples.text(Samples.MOVIES_BASE_PROMPT), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
            RunOutcome outcome = new RunEngine(client)
                    .runToEnd(
                            RunSpec.of(sample, Samples.moviesMapping(), prompts, offline.profile()), RunListener.NONE);
            return outcome.metrics();
        }
    }

    @Test
    void runningAnUnchangedConfigurationAgainSendsNoRequest(FxRobot robot) throws Exception {
        runToEnd(robot);
        String first = text(robot, "#baseVsTruthValue");
        runToEnd(robot);
        WaitForAsyncUtils.waitForFxEvents();
        int rows = Samples.movies().size();
        assertEquals(
                String.format(
                        java.util.Locale.ROOT,
                        "Run finished. %,d answers came from this session's cache; 0 requests were sent.",
                        2 * rows - unjudged()),
                text(robot, "#statusLabel"));
        assertEquals(first, text(robot, "#baseVsTruthValue"), "the same answers give the same figures");
    }

    /** Rows whose base answer was blank are not judged, so they have no judge answer to cache. */
    private int unjudged() {
        return (int) model.results().allRows().stream()
                .filter(r ->
                        r.result().base().answered() && r.result().base().text().isBlank())
                .count();
    }

    @Test
    void theNextRunsTokensAndCostAreEstimatedBeforeItStarts(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text(robot, "#estimateLabel").startsWith("Next run: base ≈"));
        String estimate = text(robot, "#estimateLabel");
        assertTrue(estimate.contains(" in + ") && estimate.contains("judge ≈"), estimate);
        assertTrue(estimate.endsWith("cost ≈ 0.00"), estimate);
    }
}
