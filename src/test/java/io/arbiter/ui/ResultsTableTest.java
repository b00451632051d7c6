package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Samples;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.results.RowFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The results table at a laptop's and a desktop's size: frozen columns, the column chooser, J/K, the lines above. */
class ResultsTableTest extends WorkbenchUiTest {

    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void theNumberAndKeyColumnsStayWhenTheTableScrollsSideways(double width, double height, FxRobot robot)
            throws Exception {
        TableView<ResultsTableRow> table = runAt(robot, width, height);
        // A column widened by hand: the table is then wider than the window at either size.
        robot.interact(() -> column(table, "Judge prediction").setPrefWidth(width));
        WaitForAsyncUtils.waitForFxEvents();
        double titleBefore = headerX(robot, "Title");
        double truthBefore = headerX(robot, "Truth");
        ScrollBar sideways = sideways(table);
        assertTrue(sideways.getMax() > width / 2, "the columns are wider than the table");

        robot.interact(() -> sideways.setValue(sideways.getMax()));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(headerX(robot, "#"), tableX(table), 1, "the row number stays at the left edge");
        assertEquals(titleBefore, headerX(robot, "Title"), 1, "the title stays beside it");
        assertEquals(truthBefore - sideways.getMax(), headerX(robot, "Truth"), 1, "the other columns scroll");
        Node numberCell =
                robot.from(table).lookup(".table-row-cell .table-cell.frozen").query();
        assertEquals(
                tableX(table),
                numberCell.localToScene(numberCell.getBoundsInLocal()).getMinX(),
                1,
                "and its cells");
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void aRowWithTheContradictionBarKeepsItsCellsUnderTheirHeaders(double width, double height, FxRobot robot)
            throws Exception {
        TableView<ResultsTableRow> table = runAt(robot, width, height);
        // The first row whose verdict contradicts the truth after one that does not: both in view together.
        int barred = 1;
        while (!table.getItems().get(barred).judgeDisagreesWithTruth()
                || table.getItems().get(barred - 1).judgeDisagreesWithTruth()) {
            barred++;
        }
        int first = barred - 1;
        robot.interact(() -> table.scrollTo(first));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> problems = new ArrayList<>();
        int barsSeen = 0;
        for (Node node : table.lookupAll(".table-row-cell")) {
            TableRow<?> row = (TableRow<?>) node;
            if (row.isEmpty() || !row.isVisible() || row.getIndex() < first || row.getIndex() > barred) {
                continue;
            }
            if (row.getPseudoClassStates().contains(PseudoClass.getPseudoClass("disagree"))) {
                barsSeen++;
            }
            for (Node child : row.getChildrenUnmodifiable()) {
                if (child instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getTableColumn() != null) {
                    String title = cell.getTableColumn().getText();
                    double x = cell.localToScene(cell.getBoundsInLocal()).getMinX();
                    if (Math.abs(x - headerX(robot, title)) > 0.5) {
                        problems.add("row " + (row.getIndex() + 1) + ", " + title + " at " + x + ", its header at "
                                + headerX(robot, title));
                    }
                }
            }
        }
        assertEquals(1, barsSeen, "one barred row beside one without");
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void theVerdictAndBaseVsTruthShowWithoutScrolling(double width, double height, FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = runAt(robot, width, height);
        Bounds shown = table.localToScene(table.getBoundsInLocal());
        for (String title : new String[] {"Verdict", "Base vs truth"}) {
            Bounds header = header(robot, title);
            assertTrue(header.getMaxX() <= shown.getMaxX(), title + " at " + header + " within " + shown);
        }
        assertEquals(0, sideways(table).getValue());
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void theColumnChooserHidesAColumn(double width, double height, FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = runAt(robot, width, height);
        robot.clickOn("#columnsButton");
        robot.clickOn(robot.lookup(".menu-item .label")
                .match((javafx.scene.control.Label l) -> "Truth".equals(l.getText()))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        TableColumn<ResultsTableRow, ?> truth = column(table, "Truth");
        assertFalse(truth.isVisible());
        assertFalse(table.getVisibleLeafColumns().contains(truth));
        assertTrue(model.results().heading().columns().hidden().contains("Truth"), "the choice is kept by title");

        robot.interact(() -> model.results().heading().columns().show("Truth", true));
        assertTrue(truth.isVisible());
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void jAndKScrollTheTableToTheSelectedRow(double width, double height, FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = runAt(robot, width, height);
        focusFirstRow(robot, table);
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        int pressed = flow.getLastVisibleCell().getIndex() + 5;
        for (int i = 0; i < pressed; i++) {
            robot.type(KeyCode.J);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(pressed, table.getSelectionModel().getSelectedIndex());
        assertShown(flow, pressed);

        for (int i = 0; i < pressed; i++) {
            robot.type(KeyCode.K);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, table.getSelectionModel().getSelectedIndex());
        assertShown(flow, 0);
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void aReviewRunsFromTheFilterWithTheKeyboardAlone(double width, double height, FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = runAt(robot, width, height);
        robot.press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.isFocused(), "Down in the filter hands the keyboard to the rows");
        assertEquals(0, table.getSelectionModel().getSelectedIndex());

        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.J, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(3, model.review().size());
        assertTrue(model.review().verdict(0).orElseThrow().baseRight());
        assertFalse(model.review().verdict(1).orElseThrow().baseRight());
        assertTrue(model.review().verdict(2).isEmpty(), "J moved past the third row");
        assertTrue(model.review().verdict(3).orElseThrow().baseRight());
        assertEquals(4, table.getSelectionModel().getSelectedIndex());
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void theLinesAboveTheTableNameTheRunAndCountTheReview(double width, double height, FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = runAt(robot, width, height);
        int rows = Samples.movies().size();
        assertTrue(
                text(robot, "#runCaption").matches("Run \\(no project\\) · " + rows + " rows · judge .+ · finished .+"),
                text(robot, "#runCaption"));
        assertEquals("0 of " + rows + " rows reviewed", text(robot, "#reviewProgress"));

        focusFirstRow(robot, table);
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2 of " + rows + " rows reviewed", text(robot, "#reviewProgress"));

        // The false accepts, counted by hand from the rows' own cells: the judge said Correct, the truth says wrong.
        long falseAccepts = model.results().allRows().stream()
                .filter(row -> model.results().scope().counts(row.index()))
                .filter(row -> "Correct".equals(row.verdict()) && "wrong".equals(row.baseVsTruth()))
                .count();
        robot.clickOn("#presetFalseAccepts");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> model.results().presetProperty().get() == RowFilter.Preset.FALSE_ACCEPTS
                        && table.getItems().size() == falseAccepts);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(falseAccepts > 1, "the sample has false accepts to review");
        long reviewedAmong =
                table.getItems().stream().filter(row -> row.human() != null).count();
        assertEquals(
                reviewedAmong + " of " + falseAccepts + " judge false accepts reviewed",
                text(robot, "#reviewProgress"));
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
        });
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                (reviewedAmong + 1) + " of " + falseAccepts + " judge false accepts reviewed",
                text(robot, "#reviewProgress"));
    }

    @ParameterizedTest
    @CsvSource({"1366, 768"})
    void verdictCellsCarryTheirValueAsAPseudoClassForTheStylesheet(double width, double height, FxRobot robot)
            throws Exception {
        TableView<ResultsTableRow> table = runAt(robot, width, height);
        javafx.scene.paint.Paint plain = robot.from(table).lookup(".table-row-cell .table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c
                        && c.getTableColumn() != null
                        && "#".equals(c.getTableColumn().getText())
                        && c.getText() != null)
                .map(n -> ((TableCell<?, ?>) n).getTextFill())
                .findFirst()
                .orElseThrow();
        int marked = 0;
        for (Node node : robot.from(table).lookup(".table-row-cell .table-cell").queryAll()) {
            if (node instanceof TableCell<?, ?> cell
                    && cell.getTableColumn() != null
                    && "verdict-column".equals(cell.getTableColumn().getId())
                    && ("Correct".equals(cell.getText()) || "Incorrect".equals(cell.getText()))) {
                PseudoClass mark =
                        PseudoClass.getPseudoClass("value-" + cell.getText().toLowerCase(Locale.ROOT));
                assertTrue(cell.getPseudoClassStates().contains(mark), cell.getText() + ": " + cell.getStyleClass());
                // The mark must win over the rows' plain text colour, or the verdicts are all drawn alike.
                assertNotEquals(plain, cell.getTextFill(), cell.getText() + " is drawn in its own colour");
                assertFalse(
                        cell.getStyleClass().stream().anyMatch(c -> c.startsWith("value-")),
                        "no style class changes with the value: " + cell.getStyleClass());
                marked++;
            }
        }
        assertTrue(marked > 0, "verdicts in view");
    }

    private static void assertShown(VirtualFlow<?> flow, int index) {
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        assertTrue(first <= index && index <= last, "row " + index + " is in view: " + first + " to " + last);
    }

    private static ScrollBar sideways(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream()
                .filter(node -> node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL)
                .map(ScrollBar.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private static TableColumn<ResultsTableRow, ?> column(TableView<ResultsTableRow> table, String title) {
        return table.getColumns().stream()
                .filter(c -> title.equals(c.getText()))
                .findFirst()
                .orElseThrow();
    }

    private static double tableX(TableView<?> table) {
        Node flow = table.lookup(".virtual-flow");
        return flow.localToScene(flow.getBoundsInLocal()).getMinX();
    }

    private static double headerX(FxRobot robot, String title) {
        return header(robot, title).getMinX();
    }

    /** The results table's header of the column titled {@code title} (other tables have a "#" too). */
    private static Bounds header(FxRobot robot, String title) {
        TableColumnHeader header = robot.from(robot.lookup("#resultsTable").queryAs(Node.class))
                .lookup(".column-header")
                .match((Node n) -> n instanceof TableColumnHeader h
                        && h.getTableColumn() != null
                        && title.equals(h.getTableColumn().getText()))
                .query();
        return header.localToScene(header.getBoundsInLocal());
    }
}
