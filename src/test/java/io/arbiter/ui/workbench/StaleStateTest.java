package io.arbiter.ui.workbench;

import static io.arbiter.ui.workbench.WorkbenchRuns.runToItsRecordedEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.progress.ProgressViewModel;
import io.arbiter.ui.results.ColumnLayoutStore;
import io.arbiter.ui.theme.ThemeChoice;
import io.arbiter.ui.theme.ThemeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the run pane and the status line say belongs to the dataset and project on screen: nothing of another one
 * stays, a run's end is said, and so is a choice that could not be kept.
 */
class StaleStateTest {

    @TempDir
    Path dir;

    private final List<WorkbenchViewModel> windows = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        windows.forEach(WorkbenchViewModel::shutdown);
    }

    @Test
    void anotherDatasetClearsTheBarsAndTheMessageOfTheLastRun() throws Exception {
        WorkbenchViewModel model = window();
        model.datasetSetup().openSample();
        model.projects().newProject(dir.resolve("movies.arbiter")).join();
        runToItsRecordedEnd(model);
        int rows = model.datasetProperty().get().size();
        assertTrue(model.run().baseCountProperty().get().startsWith(rows + " / " + rows));
        assertEquals("Run finished.", model.run().messageProperty().get());

        model.datasetSetup().openSupportSample();

        assertEquals(
                ProgressViewModel.NOT_STARTED, model.run().baseCountProperty().get());
        assertEquals(
                ProgressViewModel.NOT_STARTED, model.run().judgeCountProperty().get());
        assertEquals(0.0, model.run().baseProgressProperty().get());
        assertEquals(0.0, model.run().judgeProgressProperty().get());
        assertEquals("", model.run().messageProperty().get());
    }

    @Test
    void aFinishedRunSaysSoInTheStatusLineInsteadOfWhatCameBefore() throws Exception {
        WorkbenchViewModel model = window();
        model.datasetSetup().openSample();
        assertEquals("Opened the bundled movie sample.", model.statusProperty().get());
        model.projects().newProject(dir.resolve("said.arbiter")).join();

        runToItsRecordedEnd(model);

        assertEquals("Run finished.", model.statusProperty().get());
    }

    @Test
    void aThemeOrColumnChoiceThatCannotBeKeptIsSaidInTheStatusLine() throws Exception {
        Path blocked = Files.writeString(dir.resolve("arbiter"), ""); // a file where the config folder goes
        WorkbenchViewModel model = window();
        model.datasetSetup().openSample();
        model.theme().restore(ThemeStore.inDirectory(blocked), ThemeChoice.LIGHT, false);
        model.results().heading().columns().useStore(ColumnLayoutStore.inDirectory(blocked));

        model.theme().choose(ThemeChoice.DARK);
        assertTrue(
                model.statusProperty()
                        .get()
                        .startsWith("The theme was not kept for the next launch: could not write "
                                + blocked.resolve(ThemeStore.FILE_NAME)),
                model.statusProperty().get());

        model.results().heading().columns().wrapProperty().set(true);
        assertTrue(
                model.statusProperty()
                        .get()
                        .startsWith("The column choice was not kept for the next launch: " + "could not write "
                                + blocked.resolve(ColumnLayoutStore.FILE_NAME)),
                model.statusProperty().get());
    }

    @Test
    void aReopenedProjectShowsHowFarItsLastRunGot() throws Exception {
        Path file = dir.resolve("reopened.arbiter");
        WorkbenchViewModel first = window();
        first.datasetSetup().openSample();
        first.projects().newProject(file).join();
        runToItsRecordedEnd(first);
        int rows = first.datasetProperty().get().size();
        first.shutdown();

        WorkbenchViewModel again = window();
        again.datasetSetup().openSample();
        again.projects().openProject(file).join();

        assertEquals(rows + " / " + rows, again.run().baseCountProperty().get());
        assertEquals(rows + " / " + rows, again.run().judgeCountProperty().get());
        assertEquals(1.0, again.run().judgeProgressProperty().get());
        assertEquals("Run 1 from the project.", again.run().messageProperty().get());
    }

    @Test
    void theNextRunsEstimateCountsRowsTheProjectAlreadyAnsweredAsFree() throws Exception {
        WorkbenchViewModel model = window();
        model.datasetSetup().openSample();
        model.projects().newProject(dir.resolve("estimate.arbiter")).join();
        assertTrue(model.run().estimateProperty().get().startsWith("Next run: base ≈ "));
        assertFalse(model.run().estimateProperty().get().contains("answered already"));
        runToItsRecordedEnd(model);
        int rows = model.datasetProperty().get().size();

        model.useScheme(model.prompts().scheme()); // estimates again, now that every answer is written

        String estimate = model.run().estimateProperty().get();
        assertTrue(
                estimate.startsWith("Next run: base ≈ 0 in + 0 out, judge ≈ 0 + 0 tokens · " + rows + " of " + rows
                        + " rows answered already (free)"),
                estimate);

        model.prompts()
                .judgeTextProperty()
                .set(model.prompts().judgeTextProperty().get() + " Be strict.");

        estimate = model.run().estimateProperty().get();
        assertTrue(estimate.startsWith("Next run: base ≈ 0 in + 0 out, judge ≈ "), estimate);
        assertFalse(estimate.contains("judge ≈ 0 + 0"), "a new judge prompt is sent again: " + estimate);
    }

    private WorkbenchViewModel window() {
        WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());
        windows.add(model);
        return model;
    }
}
