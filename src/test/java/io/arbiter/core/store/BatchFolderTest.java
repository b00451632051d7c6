package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch shards hold dataset text: they go beside the project in an owner-only folder, or in a private temporary one,
 * and are gone when the run ends; what a killed process left is removed at the next start.
 */
class BatchFolderTest {

    @TempDir
    Path dir;

    @Test
    void besideAProjectTheFolderIsOwnerOnlyAndGoneAtClose() throws Exception {
        Path project = dir.resolve("p.arbiter");
        Path folder;
        try (BatchFolder batch = BatchFolder.beside(project)) {
            folder = batch.path();
            assertEquals(dir.resolve("p.arbiter-batch").toAbsolutePath(), folder);
            Files.writeString(folder.resolve("shard-0.jsonl"), "{\"custom_id\": \"r1\"}\n");
            if (posix()) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            }
        }
        assertFalse(Files.exists(folder));
    }

    @Test
    @SuppressWarnings("try") // opening is what is tested: the stores are held, not used
    void whatAKilledRunLeftBesideTheProjectIsRemovedWhenTheProjectIsNextOpenedForWriting() throws Exception {
        Path project = withLeftover(dir.resolve("left.arbiter"));
        Path leftover = BatchFolder.besidePath(project);

        try (ProjectStore reading = ProjectStore.open(project, Opening.forReading())) {
            assertTrue(Files.exists(leftover), "a reader removes nothing: the writer may still be running");
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            assertFalse(Files.exists(leftover));
        }
    }

    @Test
    void aTemporaryFolderIsPrivateNamedForItsProcessAndLeftoversOfEndedProcessesGo() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long ended = endedProcess();
        Path leftover = Files.createDirectory(temp.resolve("arbiter-batch-" + ended + "-test" + System.nanoTime()));
        Files.writeString(leftover.resolve("shard-0.jsonl"), "dataset text");
        Path running = Files.createDirectory(
                temp.resolve("arbiter-batch-" + ProcessHandle.current().pid() + "-test" + System.nanoTime()));
        try {
            Path folder;
            try (BatchFolder batch = BatchFolder.temporary()) {
                folder = batch.path();
                assertTrue(
                        folder.getFileName()
                                .toString()
                                .startsWith("arbiter-batch-"
                                        + ProcessHandle.current().pid() + "-"),
                        folder.toString());
                if (posix()) {
                    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
                }
                assertFalse(Files.exists(leftover), "left by a process that has ended");
                assertTrue(Files.exists(running), "a running process's folder is its own");
            }
            assertFalse(Files.exists(folder));
        } finally {
            Files.deleteIfExists(running);
        }
    }

    /** A project, and beside it the batch folder of a run that was killed. */
    private Path withLeftover(Path project) throws Exception {
        ProjectStore.open(project).close();
        Files.createDirectories(BatchFolder.besidePath(project));
        Files.writeString(BatchFolder.besidePath(project).resolve("shard-0.jsonl"), "dataset text");
        return project;
    }

    private static long endedProcess() throws Exception {
        Process process = new ProcessBuilder(ChildJvm.java(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.waitFor();
        return process.pid();
    }

    private boolean posix() throws Exception {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }
}
