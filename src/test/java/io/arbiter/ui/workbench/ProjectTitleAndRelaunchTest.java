package io.arbiter.ui.workbench;

import static io.arbiter.ui.workbench.WorkbenchRuns.runToItsRecordedEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window title names the project and marks unsaved changes; a relaunch reopens the last project. */
class ProjectTitleAndRelaunchTest {

    @TempDir
    Path dir;

    private final List<WorkbenchViewModel> windows = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        windows.forEach(WorkbenchViewModel::shutdown);
    }

    @Test
    void theTitleMarksAChangedSetupUntilItIsSaved() throws Exception {
        WorkbenchViewModel model = window();
        model.datasetSetup().openSample();
        model.projects().newProject(dir.resolve("movies.arbiter")).join();
        String saved = "movies.arbiter — " + WorkbenchViewModel.APP_TITLE;
        assertEquals(saved, model.projects().titleProperty().get());

        model.prompts()
                .judgeTextProperty()
                .set(model.prompts().judgeTextProperty().get() + " Be strict.");

        assertEquals(
                "movies.arbiter * — " + WorkbenchViewModel.APP_TITLE,
                model.projects().titleProperty().get());
        assertTrue(model.projects().saveProject().join());
        assertEquals(saved, model.projects().titleProperty().get());
        runToItsRecordedEnd(model);
        assertEquals(saved, model.projects().titleProperty().get(), "a run keeps its setup in the project");
    }

    @Test
    void aRelaunchReopensTheLastProjectAndSaysWhenItIsGone() throws Exception {
        RecentProjects recent = RecentProjects.inDirectory(dir.resolve("config"));
        Path file = dir.resolve("last.arbiter");
        WorkbenchViewModel first = window();
        first.datasetSetup().openSample();
        first.projects().useRecentProjects(recent, true).join();
        first.projects().newProject(file).join();
        first.shutdown();

        WorkbenchViewModel again = window();
        assertTrue(again.projects().useRecentProjects(recent, true).join());
        assertEquals(file.toAbsolutePath(), again.projects().projectFile().toAbsolutePath());
        again.shutdown();

        Files.delete(file);
        WorkbenchViewModel gone = window();
        assertFalse(gone.projects().useRecentProjects(recent, true).join());
        assertNull(gone.projects().projectFile());
        assertTrue(
                gone.statusProperty().get().startsWith("The last project, "),
                gone.statusProperty().get());
        assertTrue(
                gone.statusProperty().get().contains("is gone"),
                gone.statusProperty().get());
    }

    private WorkbenchViewModel window() {
        WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());
        windows.add(model);
        return model;
    }
}
