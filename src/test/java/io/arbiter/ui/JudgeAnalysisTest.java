package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.cli.ArbiterCli;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.ui.analysis.AnalysisFigures;
import io.arbiter.ui.results.ResultsTableRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Judging the judge on the sample: the figures are the CLI's, and a cell of the 2×2 opens exactly its rows. */
class JudgeAnalysisTest extends WorkbenchUiTest {

    @TempDir
    Path dir;

    @Test
    void rightClickingAChartStaysOnTheAnalysisWithEveryRowShown(FxRobot robot) throws Exception {
        runAndOpenTheAnalysis(robot);
        TabPane tabs = robot.lookup(".lower-tabs").queryAs(TabPane.class);
        int analysis = tabs.getSelectionModel().getSelectedIndex();
        TableView<ResultsTableRow> table = robot.lookup("#resultsTable").queryTableView();
        int shown = table.getItems().size();

        robot.rightClickOn(robot.lookup("#falseAcceptCell").queryAs(StackPane.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(analysis, tabs.getSelectionModel().getSelectedIndex(), "still on Judge analysis");
        assertEquals(shown, table.getItems().size(), "no rows were filtered");
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void clickingTheFalseAcceptCellFiltersTheTableToThoseRows(FxRobot robot) throws Exception {
        runAndOpenTheAnalysis(robot);
        StackPane cell = robot.lookup("#falseAcceptCell").queryAs(StackPane.class);
        long count = model.analysis()
                .figuresProperty()
                .get()
                .report()
                .judge()
                .table()
                .fp();
        assertTrue(count > 0, "the sample's judge accepts some wrong answers");
        assertTrue(
                robot.from(cell)
                        .lookup((Label l) -> l.getText().equals(Long.toString(count)))
                        .tryQuery()
                        .isPresent(),
                "the cell shows its count");

        robot.clickOn(cell);
        TableView<ResultsTableRow> table = robot.lookup("#resultsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == count);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(
                0,
                robot.lookup(".lower-tabs")
                        .queryAs(TabPane.class)
                        .getSelectionModel()
                        .getSelectedIndex(),
                "the Results tab is in front");
        assertEquals(count, table.getItems().size());
        for (ResultsTableRow row : table.getItems()) {
            assertEquals(
                    AgreementCell.FALSE_ACCEPT,
                    AgreementCell.of(row.result().scored()).orElseThrow());
            assertEquals("Correct", row.verdict());
            assertEquals("wrong", row.baseVsTruth());
        }
        assertEquals("Showing: judge false accepts (" + count + " rows)", text(robot, "#rowFilterLabel"));

        robot.clickOn("#clearRowFilterButton");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> table.getItems().size() == Samples.movies().size());
    }

    @Test
    void theAnalysisShowsWhatArbiterMetricsComputesFromTheExportedCsv(FxRobot robot) throws Exception {
        runAndOpenTheAnalysis(robot);
        Path csv = model.results().export(dir.resolve("results.csv"), false).get(30, TimeUnit.SECONDS);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ArbiterCli.execute(
                new String[] {
                    "metrics",
                    csv.toString(),
                    "--truth-column",
                    "truth",
                    "--base-column",
                    "base_answer_raw",
                    "--judge-verdict-column",
                    "judge_evaluation",
                    "--judge-prediction-column",
                    "judge_prediction",
                    "--json"
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(0, status, err.toString());
        JsonNode cli = new ObjectMapper().readTree(out.toString());

        for (String key : List.of(
                "agreement", "kappa", "ac1", "mcc", "sensitivity", "specificity", "precision", "balanced_accuracy")) {
            assertEquals(estimate(cli, key).format(), text(robot, "#" + camel(key) + "Value"), key);
        }
        for (String key : List.of("base_vs_judge", "base_vs_truth", "judge_vs_truth")) {
            assertEquals(estimate(cli, key).format(), text(robot, "#" + camel(key) + "BarValue"), key);
        }
        JsonNode confusion = cli.get("confusion");
        AnalysisFigures figures = model.analysis().figuresProperty().get();
        assertEquals(
                List.of(
                        confusion.get("tp").asLong(),
                        confusion.get("fn").asLong(),
                        confusion.get("fp").asLong(),
                        confusion.get("tn").asLong()),
                figures.judgeCells().stream()
                        .map(AnalysisFigures.HeatCell::count)
                        .toList());
        assertEquals(cli.get("reading").asText(), figures.reading());
        assertEquals(
                cli.get("corrected_base_accuracy").isNull()
                                && cli.get("corrected_base_accuracy_n").asLong() == 0
                        ? AnalysisFigures.ALL_LABELLED
                        : estimate(cli, "corrected_base_accuracy").format(),
                text(robot, "#correctedValue"));
    }

    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void theClassifierTableShowsEveryColumnWhole(double width, double height, FxRobot robot) throws Exception {
        runAt(robot, width, height);
        openTheAnalysis(robot);
        GridPane grid = robot.lookup("#statisticsGrid").queryAs(GridPane.class);
        ScrollPane scroll = robot.lookup(".analysis-scroll").queryAs(ScrollPane.class);
        Node viewport = scroll.lookup(".viewport");
        Bounds shown = viewport.localToScene(viewport.getBoundsInLocal());
        List<String> problems = new ArrayList<>();
        for (Node child : grid.getChildren()) {
            Label label = (Label) child;
            Bounds at = label.localToScene(label.getBoundsInLocal());
            if (label.getWidth() < label.prefWidth(-1) - 0.5) {
                problems.add(
                        "\"" + label.getText() + "\" squeezed to " + label.getWidth() + " of " + label.prefWidth(-1));
            }
            if (at.getMaxX() > shown.getMaxX() + 0.5) {
                problems.add("\"" + label.getText() + "\" ends at " + at.getMaxX() + ", past " + shown.getMaxX());
            }
        }
        assertTrue(grid.getChildren().size() > 3 * 3, "a header and rows of three columns");
        assertEquals(List.of(), problems, "at " + width + "x" + height);
    }

    private void runAndOpenTheAnalysis(FxRobot robot) throws Exception {
        TableView<ResultsTableRow> table = robot.lookup("#resultsTable").queryTableView();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> table.getItems().size() == Samples.movies().size());
        runToEnd(robot);
        openTheAnalysis(robot);
    }

    private void openTheAnalysis(FxRobot robot) throws Exception {
        robot.clickOn("Judge analysis"); // the figures are computed when they are shown
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> model.analysis().figuresProperty().get() != null
                        && !model.analysis().computingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Estimate estimate(JsonNode json, String key) {
        return json.get(key).isNull()
                ? Estimate.undefined(json.get(key + "_n").asLong())
                : new Estimate(
                        json.get(key).asDouble(),
                        number(json, key + "_ci_low"),
                        number(json, key + "_ci_high"),
                        json.get(key + "_n").asLong());
    }

    private static double number(JsonNode json, String key) {
        return json.get(key).isNull() ? Double.NaN : json.get(key).asDouble();
    }

    private static String camel(String key) {
        StringBuilder camel = new StringBuilder();
        boolean up = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                camel.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return camel.toString();
    }
}
