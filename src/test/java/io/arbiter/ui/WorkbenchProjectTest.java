package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Samples;
import io.arbiter.ui.runs.RunsViewModel;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A project keeps every run: the Runs tab lists them, and reopening the file brings the work back. */
class WorkbenchProjectTest extends WorkbenchUiTest {

    @TempDir
    Path dir;

    @Test
    void runsAreKeptInTheProjectAndReopeningRestoresTheLatest(FxRobot robot) throws Exception {
        Path file = dir.resolve("movies.arbiter");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);
        robot.interact(() -> model.newProject(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.titleProperty().get().startsWith("movies.arbiter"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isRegularFile(file));
        assertEquals(file.toAbsolutePath().normalize(), model.recentProjects().get(0));

        runToEnd(robot);
        robot.clickOn("Runs");
        TableView<RunsViewModel.RunLine> runs = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        String baseVsTruth = text(robot, "#baseVsTruthValue");
        assertEquals(baseVsTruth, runs.getItems().get(0).baseVsTruth());

        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.run().runningProperty().get());
        assertEquals(baseVsTruth, runs.getItems().get(0).baseVsTruth(), "the same answers, from the project's cache");
        assertEquals("same prompts", runs.getItems().get(0).prompts());
        assertEquals("first run", runs.getItems().get(1).prompts());
        // The offline demo model's prices are zero, and the run is priced at them when it ends.
        assertEquals("$0.00", runs.getItems().get(1).cost());
        assertTrue(runs.getItems().get(0).tokens().startsWith("0 (+"), "all answered from the cache: "
                + runs.getItems().get(0).tokens());

        // The trend has a point per completed run; clicking the first run's point selects that run in the table.
        LineChart<?, ?> trend = robot.lookup("#runsTrendChart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> trend.getData().size() == 2
                && trend.getData().get(0).getData().size() == 2 && trend.getData().get(0).getData().get(0).getNode() != null);
        robot.clickOn(trend.getData().get(0).getData().get(0).getNode());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(runs.getItems().get(1), runs.getSelectionModel().getSelectedItem());

        WorkbenchViewModel[] fresh = new WorkbenchViewModel[1];
        robot.interact(() -> {
            fresh[0] = new WorkbenchViewModel(executor);
            fresh[0].openProject(file);
        });
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fresh[0].results().hasResultsProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertNotNull(fresh[0].datasetProperty().get());
            assertEquals(Samples.movies().size(), fresh[0].datasetProperty().get().size());
            assertEquals(Samples.MOVIES_INPUT_COLUMN, fresh[0].inputColumnProperty().get());
            assertEquals(Samples.MOVIES_TRUTH_COLUMN, fresh[0].truthColumnProperty().get());
            assertEquals(model.prompts().baseTextProperty().get(), fresh[0].prompts().baseTextProperty().get());
            assertEquals(model.prompts().judgeTextProperty().get(), fresh[0].prompts().judgeTextProperty().get());
            assertEquals(model.providerProperty().get().name(), fresh[0].providerProperty().get().name());
            assertEquals(baseVsTruth, fresh[0].results().baseVsTruthProperty().get());
            assertEquals(text(robot, "#judgeVsTruthValue"), fresh[0].results().judgeVsTruthProperty().get());
            assertEquals(2, fresh[0].runs().runs().size());
        } finally {
            robot.interact(() -> fresh[0].shutdown());
        }
    }
}
