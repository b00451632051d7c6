package io.arbiter.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.store.HoldProject;
import io.arbiter.core.store.ProjectBackup;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a project the window cannot simply use: one another process holds is refused with who holds it, one
 * SQLite finds damaged is refused with its backup offered (and restored on request), the project on screen staying
 * open either way; one in a read-only folder opens read-only and a run says it cannot be recorded.
 */
class WorkbenchProjectFaultsTest {

    @TempDir
    Path dir;

    private final WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());

    @AfterEach
    void shutdown() {
        model.shutdown();
    }

    @Test
    void aDamagedProjectIsRefusedTheOpenOneStaysAndItsBackupCanBeRestored() throws Exception {
        Path file = saved("good.arbiter");
        byte[] damaged = Files.readAllBytes(file);
        int middle = damaged.length / 2;
        for (int i = middle; i < middle + 8192 && i < damaged.length; i++) {
            damaged[i] = (byte) (i * 31);
        }
        Files.write(file, damaged);
        Path other = onScreen("other.arbiter");

        model.projects().openProject(file).join();

        assertTrue(
                model.statusProperty().get().contains("is damaged"),
                model.statusProperty().get());
        assertEquals(other.toAbsolutePath(), model.projects().projectFile(), "the project on screen stays open");
        WorkbenchProject.Refusal refusal = model.projects().refusalProperty().get();
        assertNotNull(refusal, "the view is told, to say so in a dialog");
        assertEquals(ProjectBackup.newest(file.toAbsolutePath()), refusal.backup());
        assertArrayEquals(damaged, Files.readAllBytes(file));

        model.projects().restoreBackup(refusal).join();

        assertEquals(file.toAbsolutePath(), model.projects().projectFile());
        assertTrue(
                model.statusProperty()
                        .get()
                        .contains("It was restored from good.arbiter.bak; the damaged file is "
                                + "kept as good.arbiter.damaged-"),
                model.statusProperty().get());
        assertEquals(
                io.arbiter.core.dataset.Samples.movies().size(),
                model.datasetProperty().get().size());
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().matches("good\\.arbiter\\.damaged-\\d{8}-\\d{6}"))
                    .findFirst()
                    .orElseThrow();
            assertArrayEquals(damaged, Files.readAllBytes(aside));
        }
    }

    @Test
    void aProjectAnotherProcessHoldsIsRefusedWithWhoHoldsItAndTheOpenOneStays() throws Exception {
        Path file = saved("held.arbiter");
        Path other = onScreen("other.arbiter");
        try (HoldProject holder = HoldProject.start(file)) {
            model.projects().openProject(file).join();

            assertTrue(
                    model.statusProperty().get().contains("is in use by a test holder (process " + holder.pid()),
                    model.statusProperty().get());
            assertEquals(other.toAbsolutePath(), model.projects().projectFile());
            WorkbenchProject.Refusal refusal =
                    model.projects().refusalProperty().get();
            assertTrue(refusal.message().contains("the project you had stays open"), refusal.message());
            assertNull(refusal.backup());
            holder.release();
        }
        model.projects().openProject(file).join();
        assertEquals(file.toAbsolutePath(), model.projects().projectFile(), "free again, it opens");
    }

    @Test
    void aProjectInAReadOnlyFolderOpensReadOnlyAndARunSaysItCannotBeRecorded() throws Exception {
        Path file = saved("media.arbiter");
        model.projects().writableWhen(path -> false);

        model.projects().openProject(file).join();

        assertEquals(file.toAbsolutePath(), model.projects().projectFile());
        assertTrue(
                model.statusProperty().get().contains("so it opened read-only"),
                model.statusProperty().get());
        assertEquals(
                io.arbiter.core.dataset.Samples.movies().size(),
                model.datasetProperty().get().size(),
                "what it holds is shown");
        model.runCommands().startRun();
        assertTrue(
                model.run().messageProperty().get().startsWith("Cannot run: "),
                model.run().messageProperty().get());
        assertTrue(
                model.run().messageProperty().get().contains("nothing can be recorded into it"),
                model.run().messageProperty().get());
    }

    /** A project holding the sample, saved and closed by another window (so it has a backup). */
    private Path saved(String name) {
        Path file = dir.resolve(name);
        WorkbenchViewModel other = new WorkbenchViewModel(new SameThreadTaskExecutor());
        try {
            other.datasetSetup().openSample();
            other.projects().newProject(file).join();
            assertTrue(other.projects().saveProject().join());
        } finally {
            other.shutdown();
        }
        return file;
    }

    /** The sample in a project of its own, open in this window. */
    private Path onScreen(String name) {
        Path file = dir.resolve(name);
        model.datasetSetup().openSample();
        model.projects().newProject(file).join();
        return file;
    }
}
