package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project file damaged on disk (bytes overwritten in its middle, as a failing disk or a copy cut short leaves it) is
 * refused by SQLite's integrity check before anything writes to it, for writing and for reading alike, with what to
 * do next; its backup is never overwritten from it, and restoring the backup keeps the damaged file aside.
 */
class DamagedProjectTest {

    private static final int ROWS = 2000;

    @TempDir
    Path dir;

    @Test
    void aDamagedProjectIsRefusedWithoutWritingIntoItAndNamesItsBackup() throws Exception {
        Path file = project("damaged.arbiter");
        byte[] backup = Files.readAllBytes(ProjectBackup.newest(file));
        byte[] damaged = damage(file);

        ProjectDamagedException refused = assertThrows(ProjectDamagedException.class, () -> ProjectStore.open(file));

        String message = refused.getMessage();
        assertTrue(message.startsWith(file.toAbsolutePath() + " is damaged (SQLite: "), message);
        assertTrue(
                message.contains("(SQLite: Tree ") || message.contains("(SQLite: wrong # of entries"),
                "says what SQLite found: " + message);
        assertTrue(message.contains("It was left unchanged."), message);
        assertTrue(message.contains("Its backup damaged.arbiter.bak (saved "), message);
        assertTrue(message.contains("copy damaged.arbiter.bak to damaged.arbiter."), message);
        assertEquals(
                ProjectBackup.newest(file.toAbsolutePath()), refused.backup().orElseThrow());
        assertArrayEquals(damaged, Files.readAllBytes(file), "not one byte of the damaged file was written");
        assertFalse(
                Files.exists(ProjectLock.lockFile(file)) && Files.size(ProjectLock.lockFile(file)) > 0,
                "and its lock was let go");

        assertThrows(ProjectDamagedException.class, () -> ProjectStore.open(file, Opening.forReading()));
        assertArrayEquals(damaged, Files.readAllBytes(file));
        assertArrayEquals(backup, Files.readAllBytes(ProjectBackup.newest(file)), "the backup is as it was");
    }

    @Test
    void aBackupIsNeverWrittenFromADamagedFile() throws Exception {
        Path file = project("source.arbiter");
        byte[] backup = Files.readAllBytes(ProjectBackup.newest(file));
        damage(file);

        boolean written;
        try (Connection damaged = Connections.open(file, true)) {
            written = ProjectBackup.write(damaged, file);
        }

        assertFalse(written);
        assertArrayEquals(backup, Files.readAllBytes(ProjectBackup.newest(file)));
        assertFalse(Files.exists(ProjectBackup.older(file)), "nothing rolled");
        assertFalse(Files.exists(file.resolveSibling("source.arbiter.bak.tmp")), "no half-made copy left");
    }

    @Test
    void restoringTheBackupKeepsTheDamagedFileAsideAndTheProjectOpensAsBackedUp() throws Exception {
        Path file = project("restored.arbiter");
        byte[] damaged = damage(file);
        Path backup = assertThrows(ProjectDamagedException.class, () -> ProjectStore.open(file))
                .backup()
                .orElseThrow();

        Path aside = ProjectBackup.restore(file, backup);

        assertTrue(aside.getFileName().toString().startsWith("restored.arbiter.damaged-"), aside.toString());
        assertArrayEquals(damaged, Files.readAllBytes(aside), "the damaged file is kept, not deleted");
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(
                    ROWS,
                    store.responses(store.runRecords().get(0).id(), io.arbiter.core.run.Stage.BASE)
                            .size());
        }
    }

    @Test
    void aFileWhoseFirstPageIsGoneIsCalledDamagedWhenItHasABackup() throws Exception {
        Path file = project("header.arbiter");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < 100; i++) {
            bytes[i] = 0;
        }
        Files.write(file, bytes);

        ProjectDamagedException refused = assertThrows(ProjectDamagedException.class, () -> ProjectStore.open(file));

        assertTrue(refused.getMessage().contains("no longer starts as a SQLite database"), refused.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    /** A project with a run of {@link #ROWS} answers, closed (so it has a backup) and checkpointed into one file. */
    private Path project(String name) throws Exception {
        Path file = dir.resolve(name);
        try (ProjectStore store = ProjectStore.open(file)) {
            long run = store.createRun("{}");
            List<StoredResponse> answers = new ArrayList<>();
            for (int row = 0; row < ROWS; row++) {
                answers.add(new StoredResponse(
                        run,
                        Stage.BASE,
                        row,
                        "Drama, row " + row + " ".repeat(row % 50),
                        null,
                        new Usage(20, 2),
                        "key-" + row,
                        false));
            }
            store.recordResponses(answers);
        }
        assertTrue(Files.exists(ProjectBackup.newest(file)), "closing a changed project backed it up");
        return file;
    }

    /** Overwrites two pages' worth of bytes in the middle of the file; returns the damaged bytes. */
    private static byte[] damage(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int middle = bytes.length / 2;
        for (int i = middle; i < middle + 8192 && i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        return bytes;
    }
}
