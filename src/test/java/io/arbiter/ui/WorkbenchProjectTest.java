package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Samples;
import io.arbiter.core.project.Project;
import io.arbiter.ui.runs.RunsViewModel;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
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
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);
        robot.interact(() -> model.projects().newProject(file));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> model.projects().titleProperty().get().startsWith("movies.arbiter"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isRegularFile(file));
        assertEquals(
                file.toAbsolutePath().normalize(),
                model.projects().recentProjects().get(0));

        runToEnd(robot);
        robot.clickOn("Runs");
        TableView<RunsViewModel.RunLine> runs = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        String baseVsTruth = text(robot, "#baseVsTruthValue");
        assertEquals(baseVsTruth, runs.getItems().get(0).baseVsTruth());

        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !model.run().runningProperty().get());
        assertEquals(baseVsTruth, runs.getItems().get(0).baseVsTruth(), "the same answers, from the project's cache");
        assertEquals("same prompts", runs.getItems().get(0).prompts());
        assertEquals("first run", runs.getItems().get(1).prompts());
        // The offline demo model's prices are zero, and the run is priced at them when it ends.
        assertEquals("$0.00", runs.getItems().get(1).cost());
        assertTrue(
                runs.getItems().get(0).tokens().startsWith("0 (+"),
                "all answered from the cache: " + runs.getItems().get(0).tokens());

        // The trend has a point per completed run; clicking the first run's point selects that run in the table.
        LineChart<?, ?> trend = robot.lookup("#runsTrendChart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> trend.getData().size() == 2
                        && trend.getData().get(0).getData().size() == 2
                        && trend.getData().get(0).getData().get(0).getNode() != null);
        robot.clickOn(trend.getData().get(0).getData().get(0).getNode());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(runs.getItems().get(1), runs.getSelectionModel().getSelectedItem());

        WorkbenchViewModel[] fresh = new WorkbenchViewModel[1];
        robot.interact(() -> {
            fresh[0] = new WorkbenchViewModel(executor);
            fresh[0].projects().openProject(file);
        });
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fresh[0].results()
                    .hasResultsProperty()
                    .get());
            WaitForAsyncUtils.waitForFxEvents();
            assertNotNull(fresh[0].datasetProperty().get());
            assertEquals(
                    Samples.movies().size(), fresh[0].datasetProperty().get().size());
            assertEquals(
                    Samples.MOVIES_INPUT_COLUMN,
                    fresh[0].datasetSetup().inputColumnProperty().get());
            assertEquals(
                    Samples.MOVIES_TRUTH_COLUMN,
                    fresh[0].datasetSetup().truthColumnProperty().get());
            assertEquals(
                    model.prompts().baseTextProperty().get(),
                    fresh[0].prompts().baseTextProperty().get());
            assertEquals(
                    model.prompts().judgeTextProperty().get(),
                    fresh[0].prompts().judgeTextProperty().get());
            assertEquals(
                    model.providerChoice().providerProperty().get().name(),
                    fresh[0].providerChoice().providerProperty().get().name());
            assertEquals(
                    baseVsTruth,
                    fresh[0].results().figures().baseVsTruthProperty().get());
            assertEquals(
                    text(robot, "#judgeVsTruthValue"),
                    fresh[0].results().figures().judgeVsTruthProperty().get());
            // The runs list is read beside the results, so it may come in after them.
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> fresh[0].runs().runs().size() == 2);
        } finally {
            robot.interact(() -> fresh[0].shutdown());
        }
    }

    @Test
    void theHumanReviewIsKeptInTheProjectAndComesBackOnOpen(FxRobot robot) throws Exception {
        Path file = dir.resolve("reviewed.arbiter");
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);
        robot.interact(() -> model.projects().newProject(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.projects().projectFile() != null);
        // Every row promotable (HeldOutRowsTest holds rows out); the latest request wins over the opening's read.
        java.util.concurrent.CompletableFuture<?>[] share = new java.util.concurrent.CompletableFuture<?>[1];
        robot.interact(() -> share[0] = model.useHeldOutShare(0));
        share[0].get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        runToEnd(robot);
        robot.interact(() -> {
            var rows = model.results().allRows();
            model.results().reviewing().label(rows.get(0), true);
            model.results().reviewing().label(rows.get(1), false);
            model.results().reviewing().togglePromoted(rows.get(1));
        });
        String judgeVsTruth = model.results().figures().judgeVsTruthProperty().get();

        WorkbenchViewModel[] fresh = new WorkbenchViewModel[1];
        robot.interact(() -> {
            fresh[0] = new WorkbenchViewModel(executor);
            fresh[0].projects().openProject(file);
        });
        try {
            WaitForAsyncUtils.waitFor(
                    30, TimeUnit.SECONDS, () -> fresh[0].review().size() == 2);
            WaitForAsyncUtils.waitForFxEvents();
            var rows = fresh[0].results().allRows();
            assertEquals("right", rows.get(0).human().label());
            assertEquals("wrong", rows.get(1).human().label());
            assertTrue(rows.get(1).promoted());
            assertEquals(
                    java.util.List.of(1),
                    fresh[0].prompts().examples().stream().map(e -> e.row()).toList());
            assertEquals(model.prompts().examples(), fresh[0].prompts().examples(), "the same worked example");
            assertEquals(
                    judgeVsTruth,
                    fresh[0].results().figures().judgeVsTruthProperty().get(),
                    "the promoted row stays out of the metrics");
        } finally {
            robot.interact(() -> fresh[0].shutdown());
        }
    }

    @Test
    void openingAnotherProjectAsksAboutUnsavedChangesFirst(FxRobot robot) throws Exception {
        Path first = dir.resolve("first.arbiter");
        Path second = dir.resolve("second.arbiter");
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.datasetProperty().get() != null);
        robot.interact(() -> model.projects().newProject(first));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> first.toAbsolutePath()
                .equals(model.projects().projectFile()));
        robot.interact(() -> model.projects().newProject(second));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> second.toAbsolutePath()
                .equals(model.projects().projectFile()));
        String original = model.prompts().judgeTextProperty().get();
        robot.interact(() -> model.prompts().judgeTextProperty().set(original + "\nBe brief."));

        DialogPane asked = openRecent(robot, "first.arbiter");
        assertEquals("Save changes to second.arbiter?", asked.getHeaderText());
        assertTrue(asked.getContentText().contains("the prompts"), asked.getContentText());
        answer(robot, asked, "Cancel");
        assertEquals(second.toAbsolutePath(), model.projects().projectFile(), "Cancel stays");
        assertEquals(
                original + "\nBe brief.", model.prompts().judgeTextProperty().get());

        answer(robot, openRecent(robot, "first.arbiter"), "Don't save");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> first.toAbsolutePath()
                .equals(model.projects().projectFile()));
        WaitForAsyncUtils.waitForFxEvents();
        try (Project kept = Project.open(second)) {
            assertEquals(original, kept.prompts().orElseThrow().judgeText(), "Don't save saves nothing");
        }

        robot.interact(() -> model.prompts().judgeTextProperty().set(original + "\nBe strict."));
        answer(robot, openRecent(robot, "second.arbiter"), "Save");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> second.toAbsolutePath()
                .equals(model.projects().projectFile()));
        WaitForAsyncUtils.waitForFxEvents();
        try (Project kept = Project.open(first)) {
            assertEquals(original + "\nBe strict.", kept.prompts().orElseThrow().judgeText(), "saved before leaving");
        }
        assertEquals(List.of(), model.projects().unsavedChanges());
    }

    /** Picks a project under File ▸ Open recent and waits for the question it asks. */
    private static DialogPane openRecent(FxRobot robot, String name) throws Exception {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Menu recent = (Menu) bar.getMenus().get(0).getItems().stream()
                .filter(item -> "recentProjectsMenu".equals(item.getId()))
                .findFirst()
                .orElseThrow();
        MenuItem item = recent.getItems().stream()
                .filter(i -> i.getText().startsWith(name))
                .findFirst()
                .orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#unsavedChangesDialog")
                .tryQuery()
                .isPresent());
        return robot.lookup("#unsavedChangesDialog").queryAs(DialogPane.class);
    }

    private static void answer(FxRobot robot, DialogPane dialog, String button) {
        ButtonType type = dialog.getButtonTypes().stream()
                .filter(t -> t.getText().equals(button))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> ((Button) dialog.lookupButton(type)).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
