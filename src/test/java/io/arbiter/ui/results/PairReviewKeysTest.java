package io.arbiter.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.verdict.Preference;
import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Reviewing a pairwise run with the keyboard: A, B and T record which answer people prefer, U takes it back. */
@ExtendWith(ApplicationExtension.class)
class PairReviewKeysTest {

    private final ResultsViewModel model = new ResultsViewModel(new SameThreadTaskExecutor());

    @Start
    void start(Stage stage) {
        ResultsView view = new ResultsView(model, () -> {}, () -> {});
        Scene scene = new Scene(view.root(), 1200, 600);
        scene.getStylesheets()
                .add(ArbiterApp.class.getResource("/css/arbiter.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        PairRows.showIn(model);
    }

    @Test
    void keysABAndTRecordPreferencesThatCountAndUndoTakesTheLastBack(FxRobot robot) {
        TableView<ResultsTableRow> table = robot.lookup("#resultsTable").queryTableView();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#reviewHelp").queryAs(Label.class).getText().contains("A answer A is better"));
        assertFalse(
                robot.lookup("#reviewHelp").queryAs(Label.class).getText().contains("P promote"),
                "pairs are not promoted as examples");

        robot.type(KeyCode.B); // row 0: people said A in the dataset
        robot.type(KeyCode.T);
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(Preference.B, model.review().verdict(0).orElseThrow().preference());
        assertEquals(Preference.TIE, model.review().verdict(1).orElseThrow().preference());
        assertEquals(Preference.A, model.review().verdict(2).orElseThrow().preference());
        assertEquals("B", humanCell(robot, 0));
        assertEquals("tie", humanCell(robot, 1));
        assertEquals("A", humanCell(robot, 2));
        assertEquals(3, table.getSelectionModel().getSelectedIndex(), "each key moves on to the next row");
        // Against people now: rows 0 (A vs B), 1 (A vs tie), 2 (B vs A), 4 (inconsistent as a tie vs A) disagree,
        // row 3 agrees: 1 of 5.
        assertTrue(model.figures().scoreSummaryProperty().get().contains("agreement 0.20 ["));

        robot.type(KeyCode.U);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("B", humanCell(robot, 2), "the dataset's preference is back");
        assertEquals(2, table.getSelectionModel().getSelectedIndex(), "undo goes back to the row it changed");
        assertTrue(model.figures().scoreSummaryProperty().get().contains("agreement 0.40 ["), "row 2 agrees again");
    }

    private static String humanCell(FxRobot robot, int index) {
        TableCell<?, ?> cell = robot.lookup(".table-cell")
                .match((TableCell<?, ?> c) -> c.getTableColumn() != null
                        && "human-column".equals(c.getTableColumn().getId())
                        && c.getIndex() == index)
                .query();
        return cell.getText() == null ? "" : cell.getText();
    }
}
