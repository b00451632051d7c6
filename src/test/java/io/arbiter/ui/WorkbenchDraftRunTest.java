package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Samples;
import io.arbiter.core.run.RunMode;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.runs.RunsViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Try on selection: a few selected rows through both stages, as a draft, before paying for the whole dataset. */
class WorkbenchDraftRunTest extends WorkbenchUiTest {

    @TempDir
    Path dir;

    @Test
    void tryingThreeSelectedRowsAnswersOnlyThoseAndTheTilesCountThem(FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = robot.lookup("#resultsTable").queryTableView();
        int size = Samples.movies().size();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == size);
        Button tryButton = robot.lookup("#tryButton").queryButton();
        assertTrue(tryButton.isDisabled(), "nothing selected, nothing to try");

        robot.clickOn(cellOf(robot, table, 1));
        robot.press(javafx.scene.input.KeyCode.SHORTCUT);
        try {
            robot.clickOn(cellOf(robot, table, 4)).clickOn(cellOf(robot, table, 8));
        } finally {
            robot.release(javafx.scene.input.KeyCode.SHORTCUT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(1, 4, 8), model.results().selectedIndices());
        assertEquals("Try on 3 rows", tryButton.getText());

        runToEnd(robot, "#tryButton");

        List<ResultsTableRow> answered = model.results().allRows().stream()
                .filter(r -> !r.verdict().isEmpty())
                .toList();
        assertEquals(
                List.of(1, 4, 8),
                answered.stream().map(ResultsTableRow::index).toList(),
                "only the selection was sent");
        assertEquals(3, table.getItems().size(), "the table shows the draft's rows");
        assertEquals(size, model.results().allRows().size(), "every other row is still there");
        // The draft's figures have a line of their own; the tiles keep the main run's (none ran here).
        assertEquals("no rows yet", text(robot, "#judgeVsTruthCounts"));
        assertEquals("no rows yet", text(robot, "#baseVsTruthCounts"));
        assertTrue(text(robot, "#draftLabel").startsWith("Draft on 3 rows "), text(robot, "#draftLabel"));
        assertTrue(text(robot, "#baseCount").startsWith("3 / 3"), text(robot, "#baseCount"));
        assertTrue(text(robot, "#judgeCount").startsWith("3 / 3"), text(robot, "#judgeCount"));
        String status = text(robot, "#statusLabel");
        assertTrue(status.startsWith("Draft run on 3 selected rows: judge vs truth "), status);
        assertTrue(
                status.contains(String.format(java.util.Locale.ROOT, "the other %d rows were not sent", size - 3)),
                status);

        robot.clickOn("#clearRowFilterButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == size);
    }

    @Test
    void aDraftGoesInRealtimeAndIsKeptInTheProjectAsADraft(FxRobot robot) throws Exception {
        Path file = dir.resolve("draft.arbiter");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);
        robot.interact(() -> model.projects().newProject(file));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> model.projects().titleProperty().get().startsWith("draft.arbiter"));
        TableView<ResultsTableRow> table = robot.lookup("#resultsTable").queryTableView();
        robot.interact(() -> {
            model.providerChoice()
                    .modeProperty()
                    .set(RunMode.BATCH); // the offline provider has the Batch API; a draft ignores it
            table.getSelectionModel().selectIndices(0, 2, 3);
        });
        assertEquals(RunMode.BATCH, model.providerChoice().modeProperty().get());

        runToEnd(robot, "#tryButton");

        assertEquals(
                3,
                model.results().allRows().stream()
                        .filter(r -> !r.verdict().isEmpty())
                        .count());
        robot.clickOn("Runs");
        TableView<RunsViewModel.RunLine> runs = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> runs.getItems().size() == 1
                        && !runs.getItems().get(0).status().endsWith("RUNNING"));
        RunsViewModel.RunLine line = runs.getItems().get(0);
        assertEquals("draft · COMPLETED", line.status());
        assertEquals("3", line.rows());
        String status = text(robot, "#statusLabel");
        assertTrue(status.contains("Sent in realtime: the Batch API is for whole runs."), status);

        // A whole run, then the draft shown again from the Runs list: its three rows, its figures.
        robot.interact(() -> model.providerChoice().modeProperty().set(RunMode.REALTIME));
        runToEnd(robot);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> runs.getItems().size() == 2
                        && !runs.getItems().get(0).status().endsWith("RUNNING"));
        assertFalse(
                runs.getItems().get(0).status().startsWith("draft"),
                runs.getItems().get(0).status());
        robot.interact(() -> model.runs().show(line.id()));
        String wholeRun = text(robot, "#unparsedLabel");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text(robot, "#draftLabel").startsWith("Draft on 3 rows "));
        assertEquals(wholeRun, text(robot, "#unparsedLabel"), "the tiles keep the whole run's figures");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        assertEquals(
                3,
                model.results().allRows().stream()
                        .filter(r -> !r.verdict().isEmpty())
                        .count());
    }

    /** The table row showing item {@code index}, to click on; scrolled to, as a user does, when below the fold. */
    private static javafx.scene.Node cellOf(FxRobot robot, TableView<ResultsTableRow> table, int index) {
        if (shownRow(robot, table, index).isEmpty()) {
            robot.interact(() -> table.scrollTo(index));
            WaitForAsyncUtils.waitForFxEvents();
        }
        return shownRow(robot, table, index)
                .orElseThrow(() -> new AssertionError("row " + index + " is not on screen"));
    }

    private static java.util.Optional<javafx.scene.Node> shownRow(
            FxRobot robot, TableView<ResultsTableRow> table, int index) {
        return robot.from(table).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> row
                        && row.getIndex() == index
                        && !row.isEmpty()
                        && row.localToScene(row.getBoundsInLocal()).getMaxY()
                                <= table.localToScene(table.getBoundsInLocal()).getMaxY())
                .findFirst();
    }
}
