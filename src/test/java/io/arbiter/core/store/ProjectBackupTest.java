package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rolling backup beside a project: written at each close that changed it and before a migration, two kept. */
class ProjectBackupTest {

    @TempDir
    Path dir;

    @Test
    void eachSessionThatChangedTheProjectRollsTheBackups() throws Exception {
        Path file = dir.resolve("rolling.arbiter");
        for (int session = 1; session <= 3; session++) {
            try (ProjectStore store = ProjectStore.open(file)) {
                store.createRun("{\"session\": " + session + "}");
            }
        }
        try (ProjectStore readOnly = ProjectStore.open(file, Opening.forReading())) {
            readOnly.runRecords(); // reading changes nothing, so it backs nothing up
        }

        assertEquals(3, count(ProjectBackup.newest(file), "SELECT count(*) FROM runs"), "the newest is the last state");
        assertEquals(2, count(ProjectBackup.older(file), "SELECT count(*) FROM runs"), "the one before is kept");
        assertFalse(Files.exists(file.resolveSibling("rolling.arbiter.bak.tmp")));
    }

    @Test
    void anOlderFormatIsBackedUpAsItWasBeforeItIsMigrated() throws Exception {
        Path file = dir.resolve("old.arbiter");
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/project-v1.arbiter")) {
            Files.copy(fixture, file);
        }

        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(Migrations.latest(), store.schemaVersion());
        }

        assertEquals(
                1,
                count(ProjectBackup.newest(file), "SELECT max(version) FROM schema_version"),
                "the file as format 1 left it");
        assertEquals(
                VersionOneFixture.ROWS,
                count(ProjectBackup.newest(file), "SELECT count(*) FROM responses " + "WHERE stage = 'BASE'"));
    }

    @Test
    void aBackupCanBeReadByNoOneWhoCannotReadTheProject() throws Exception {
        Path file = dir.resolve("private.arbiter");
        try (ProjectStore store = ProjectStore.open(file)) {
            store.createRun("{}");
        }
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "POSIX permissions only");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        try (ProjectStore store = ProjectStore.open(file)) {
            assertTrue(store.backUp());
        }

        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ProjectBackup.newest(file))));
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ProjectBackup.older(file))));
    }

    private static int count(Path database, String sql) throws Exception {
        try (Connection connection = Connections.immutable(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : -1;
        }
    }
}
