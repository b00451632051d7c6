package io.arbiter.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.project.Project;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New, Open, Save as and Open recent without a window: what goes to which file, and what is refused. */
class WorkbenchProjectFilesTest {

    @TempDir
    Path dir;

    private final WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());

    @AfterEach
    void shutdown() {
        model.shutdown();
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedAndChangesNothing() throws Exception {
        model.openSample();
        Path notes = dir.resolve("notes.arbiter");
        Files.writeString(notes, "just some text");
        String prompt = model.prompts().baseTextProperty().get();

        model.openProject(notes).join();

        assertTrue(model.statusProperty().get().contains("is not an Arbiter project"), model.statusProperty().get());
        assertEquals("just some text", Files.readString(notes));
        assertNull(model.projectFile());
        assertEquals(WorkbenchViewModel.APP_TITLE, model.titleProperty().get());
        assertEquals(prompt, model.prompts().baseTextProperty().get());
        assertTrue(model.recentProjects().isEmpty());
    }

    @Test
    void aNewProjectHoldsTheCurrentSetupAndSaveAsCarriesItOver() throws Exception {
        model.openSample();
        Path first = dir.resolve("first.arbiter");
        model.newProject(first).join();
        assertEquals(first.toAbsolutePath(), model.projectFile());
        assertTrue(model.titleProperty().get().startsWith("first.arbiter"), model.titleProperty().get());

        Path second = dir.resolve("second.arbiter");
        model.saveProjectAs(second).join();
        assertEquals(second.toAbsolutePath(), model.projectFile());
        assertEquals(List.of(second.toAbsolutePath().normalize(), first.toAbsolutePath().normalize()),
                model.recentProjects());
        try (Project copy = Project.open(second)) {
            assertEquals(model.datasetProperty().get().size(), copy.dataset().orElseThrow().size());
            assertEquals(model.prompts().judgeTextProperty().get(), copy.prompts().orElseThrow().judgeText());
        }

        model.newProject(first).join();
        assertTrue(model.statusProperty().get().contains("already exists"), model.statusProperty().get());
        assertEquals(second.toAbsolutePath(), model.projectFile());
    }

    @Test
    void promptEditsMadeAfterTheLastRunAreKeptWhenTheWorkbenchCloses() throws Exception {
        model.openSample();
        Path file = dir.resolve("kept.arbiter");
        model.newProject(file).join();
        String edited = model.prompts().judgeTextProperty().get() + "\nBe strict about capitals.";
        model.prompts().judgeTextProperty().set(edited);

        model.shutdown();

        try (Project reopened = Project.open(file)) {
            assertEquals(edited, reopened.prompts().orElseThrow().judgeText());
        }
    }

    @Test
    void theRecentListKeepsTheLastEightNewestFirst() throws Exception {
        RecentProjects recent = RecentProjects.inDirectory(dir.resolve("config"));
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            paths = recent.add(paths, dir.resolve("p" + i + ".arbiter"));
        }
        paths = recent.add(paths, dir.resolve("p5.arbiter"));
        List<Path> loaded = recent.load();
        assertEquals(paths, loaded);
        assertEquals(RecentProjects.LIMIT, loaded.size());
        assertEquals(dir.resolve("p5.arbiter").toAbsolutePath().normalize(), loaded.get(0));
        assertEquals(dir.resolve("p9.arbiter").toAbsolutePath().normalize(), loaded.get(1));
        assertEquals(1, loaded.stream().filter(p -> p.getFileName().toString().equals("p5.arbiter")).count());
    }
}
