package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project in a read-only folder or on read-only media opens for reading and refuses to be written with a message
 * that says why; nothing is written there, not even SQLite's side files. Tests run as root, whom permission bits do
 * not stop, so the folder's writability is injected ({@link Opening#writableWhen}); one test uses real permission
 * bits and runs only as another user.
 */
class ReadOnlyProjectTest {

    private static final Predicate<Path> READ_ONLY_MEDIA = file -> false;

    @TempDir
    Path dir;

    @Test
    void aProjectWhereNothingCanBeWrittenOpensForReadingOnly() throws Exception {
        Path file = project("media.arbiter");
        byte[] before = Files.readAllBytes(file);

        ProjectReadOnlyException refused = assertThrows(
                ProjectReadOnlyException.class,
                () -> ProjectStore.open(file, Opening.forWriting("arbiter run").writableWhen(READ_ONLY_MEDIA)));
        assertTrue(
                refused.getMessage()
                        .contains("is in a read-only folder or on read-only media, so nothing can be "
                                + "recorded into it"),
                refused.getMessage());

        try (ProjectStore store = ProjectStore.open(file, Opening.forReading().writableWhen(READ_ONLY_MEDIA))) {
            assertTrue(store.readOnly());
            long run = store.runRecords().get(0).id();
            assertEquals(3, store.responses(run, Stage.BASE).size(), "runs, compare and viewing read as usual");
            StoreException write = assertThrows(StoreException.class, () -> store.createRun("{}"));
            assertEquals(StoreException.Kind.READ_ONLY, write.kind());
            assertTrue(write.getMessage().contains("read-only"), write.getMessage());
            assertFalse(store.backUp());
        }

        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    0,
                    files.filter(f -> f.getFileName().toString().matches("media\\.arbiter-(wal|shm)|.*\\.lock"))
                            .count(),
                    "no side file made where nothing can be written");
        }
    }

    @Test
    void anOlderFormatOnReadOnlyMediaIsRefusedWithWhatToDo() throws Exception {
        Path file = dir.resolve("old.arbiter");
        try (var fixture = getClass().getResourceAsStream("/fixtures/project-v1.arbiter")) {
            Files.copy(fixture, file);
        }

        ProjectReadOnlyException refused = assertThrows(
                ProjectReadOnlyException.class,
                () -> ProjectStore.open(file, Opening.forReading().writableWhen(READ_ONLY_MEDIA)));

        assertTrue(refused.getMessage().contains("copy it to a writable folder"), refused.getMessage());
    }

    @Test
    void aFolderWithoutWritePermissionIsSeenAsReadOnly() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root writes through permission bits");
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions only");
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Path file = project("locked/p.arbiter");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertFalse(Opening.systemWritable(file));
            assertThrows(ProjectReadOnlyException.class, () -> ProjectStore.open(file));
            try (ProjectStore store = ProjectStore.open(file, Opening.forReading())) {
                assertEquals(1, store.runRecords().size());
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private Path project(String name) throws Exception {
        Path file = dir.resolve(name);
        try (ProjectStore store = ProjectStore.open(file)) {
            long run = store.createRun("{}");
            for (int row = 0; row < 3; row++) {
                store.recordResponse(
                        new StoredResponse(run, Stage.BASE, row, "Drama", null, new Usage(1, 1), "k" + row, false));
            }
        }
        Files.deleteIfExists(ProjectLock.lockFile(file)); // as a copy onto read-only media would have it
        return file;
    }
}
