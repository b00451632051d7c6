package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.project.PairedFigures;
import io.arbiter.core.project.Project;
import io.arbiter.ui.compare.DeltaLine;
import io.arbiter.ui.compare.FlipLine;
import io.arbiter.ui.prompts.PromptEditor;
import io.arbiter.ui.results.ResultsTableRow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The prompt-iteration loop: run, edit the judge prompt, run again, compare, and open a flipped row. */
class CompareRunsTest extends WorkbenchUiTest {

    @TempDir
    Path dir;

    @Test
    void editingTheJudgePromptFlipsVerdictsThatCompareListsAndOpens(FxRobot robot) throws Exception {
        Path file = dir.resolve("iterate.arbiter");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);
        robot.interact(() -> model.projects().newProject(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.projects().projectFile() != null);
        runToEnd(robot);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.runs().runs().size() == 1);

        // The edit a prompt engineer makes: one instruction at the top of the judge prompt.
        CodeArea judge =
                robot.lookup("#judgeEditor").queryAs(PromptEditor.class).area();
        robot.clickOn(judge);
        robot.interact(() -> judge.moveTo(0));
        robot.write("Be strict. ");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.prompts().judgeTextProperty().get().startsWith("Be strict. "));
        runToEnd(robot);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.runs().runs().size() == 2);

        // From the Runs list: the newest run, compared with the one before it.
        robot.clickOn("Runs");
        TableView<?> runs = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        robot.interact(() -> runs.getSelectionModel().clearAndSelect(0));
        robot.clickOn("#compareRunsButton");
        TableView<FlipLine> flips = robot.lookup("#flipsTable").queryTableView();
        TableView<DeltaLine> deltas = robot.lookup("#deltaTable").queryTableView();
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> !flips.getItems().isEmpty()
                        && deltas.getItems().size() == 4
                        && !robot.lookup("#compareMessageLabel")
                                .queryAs(Label.class)
                                .getText()
                                .contains("not finished"));

        // The numbers on screen are the project's own comparison (what `arbiter compare` prints).
        long runA = model.compare().runAProperty().get().id();
        long runB = model.compare().runBProperty().get().id();
        PairedFigures expected;
        try (Project reading = Project.open(file)) {
            expected = reading.compare(runA, runB);
        }
        assertEquals(
                expected.flips().stream().map(PairedFigures.Flip::row).toList(),
                flips.getItems().stream().map(FlipLine::row).toList());
        assertTrue(
                flips.getItems().stream()
                        .allMatch(f ->
                                f.verdictA().equals("Correct") && f.verdictB().equals("Incorrect")),
                "strictness only takes acceptances away");
        assertTrue(text(robot, "#mcnemarLabel").contains(expected.flips().size() + " went Correct → Incorrect"));

        // B's prompt shows the added words marked.
        TextFlow after = robot.lookup("#judgeAfterFlow").queryAs(TextFlow.class);
        List<String> added = after.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("diff-added"))
                .map(n -> ((Text) n).getText())
                .toList();
        assertEquals(List.of("Be strict. "), added);

        // From a flipped row to that row in the results, with its detail beside: select it and press Enter (a
        // double-click does the same, but its two clicks can count as two singles on a loaded machine). Selected from
        // code: with the prompts shown the list may sit below the tab's fold, where a click would land elsewhere.
        FlipLine first = flips.getItems().get(0);
        robot.interact(() -> {
            flips.scrollTo(0);
            flips.getSelectionModel().select(0);
            flips.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        TableView<ResultsTableRow> results = robot.lookup("#resultsTable").queryTableView();
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> results.getSelectionModel().getSelectedItem() != null
                        && results.getItems().size() == flips.getItems().size());
        assertEquals(2, model.runs().runs().size(), "Enter on a flipped row opens it; it must not press Run");
        assertEquals(first.row(), results.getSelectionModel().getSelectedItem().index());
        assertTrue(
                text(robot, "#detailTitle").contains(Integer.toString(first.row() + 1)), text(robot, "#detailTitle"));
        assertTrue(
                robot.lookup("#rowFilterLabel").queryAs(Label.class).getText().contains("flipped"));

        // The review keys work there at once: the table has the focus, and J goes to the next flipped row.
        if (flips.getItems().size() > 1) {
            robot.type(KeyCode.J);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(
                    flips.getItems().get(1).row(),
                    results.getSelectionModel().getSelectedItem().index());
        }
    }
}
