package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Samples;
import io.arbiter.core.metrics.AgreementTable;
import io.arbiter.core.metrics.Bootstrap;
import io.arbiter.core.metrics.JudgeAgreement;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.ui.analysis.AnalysisViewModel;
import io.arbiter.ui.results.ResultsTableRow;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Spot-checking with the keyboard: labels land in the Human column and the review log, and the analysis uses them. */
class ReviewTest extends WorkbenchUiTest {

    @Test
    void keyboardReviewLabelsRowsAndUndoes(FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = runAndFocusTheTable(robot);

        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("right", humanCell(robot, 0));
        assertEquals("wrong", humanCell(robot, 1));
        assertEquals(2, table.getSelectionModel().getSelectedIndex(), "each label moves on to the next row");
        assertEquals(2, model.review().size());
        assertTrue(model.review().verdict(0).orElseThrow().baseRight());
        assertEquals(
                System.getProperty("user.name"),
                model.review().verdict(1).orElseThrow().reviewer());
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Row 2", text(robot, "#detailTitle"));
        assertTrue(text(robot, "#detailReview").startsWith("Reviewed: base answer wrong"), "the detail follows");

        robot.type(KeyCode.U);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", humanCell(robot, 1));
        assertEquals("right", humanCell(robot, 0));
        assertEquals(1, model.review().size());
        assertEquals(1, table.getSelectionModel().getSelectedIndex(), "undo goes back to the row it changed");

        robot.type(KeyCode.J);
        robot.type(KeyCode.J);
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, table.getSelectionModel().getSelectedIndex());
        assertEquals("Row 3", text(robot, "#detailTitle"));
    }

    @Test
    void theAnalysisAgainstHumanLabelsShowsTheJudgeVsHumanAgreement(FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = runAndFocusTheTable(robot);
        for (KeyCode key : List.of(
                KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT2, KeyCode.DIGIT1, KeyCode.DIGIT1, KeyCode.DIGIT2)) {
            robot.type(key);
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<Boolean> human = List.of(true, false, false, true, true, false);
        AgreementTable byHand = AgreementTable.EMPTY;
        for (int row = 0; row < human.size(); row++) {
            var verdict = table.getItems().get(row).result().verdict();
            if (verdict != null && verdict.parsed()) {
                byHand = byHand.plus(verdict.evaluation() == Evaluation.CORRECT, human.get(row));
            }
        }
        JudgeAgreement agreement = JudgeAgreement.of(byHand, Bootstrap.standard());
        String expected = String.format(
                Locale.ROOT,
                "Judge vs human: agreement %s · kappa %s · n = %d",
                agreement.agreement().format(),
                agreement.kappa().format(),
                byHand.n());

        robot.clickOn("Judge analysis");
        ChoiceBox<?> against = robot.lookup("#againstBox").queryAs(ChoiceBox.class);
        robot.clickOn(against);
        robot.clickOn(AnalysisViewModel.Against.HUMAN.title());
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> model.analysis().againstProperty().get() == AnalysisViewModel.Against.HUMAN
                        && !model.analysis().computingProperty().get()
                        && model.analysis().figuresProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(expected, text(robot, "#judgeVsHumanLabel"));
        long n = model.analysis()
                .figuresProperty()
                .get()
                .report()
                .judge()
                .table()
                .n();
        assertEquals(byHand.n(), n, "against human labels the judge's table holds the reviewed rows alone");
        assertEquals(agreement.agreement().format(), text(robot, "#agreementValue"));
    }

    /** Runs the sample, selects the first row and gives the table the keyboard. */
    private TableView<ResultsTableRow> runAndFocusTheTable(FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = robot.lookup("#resultsTable").queryTableView();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> table.getItems().size() == Samples.movies().size());
        runToEnd(robot);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return table;
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
