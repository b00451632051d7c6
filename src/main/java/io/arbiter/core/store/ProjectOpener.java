package io.arbiter.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;

/**
 * Opens a project file as an {@link Opening} says, in the order that keeps a file safe: another program's file
 * is refused unread by SQLite's writer, the lock is taken before anything else, SQLite's integrity check runs on a
 * read-only connection before the first write, and a file in an older format is backed up before it is migrated.
 */
final class ProjectOpener {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private ProjectOpener() {}

    static ProjectStore open(Path file, Opening opening, Clock clock) throws ProjectFileException {
        Path absolute = file.toAbsolutePath();
        boolean writable = opening.writable().test(absolute);
        if (!opening.forWriting()) {
            return openForReading(absolute, opening, clock, writable);
        }
        if (!writable) {
            throw new ProjectReadOnlyException(absolute + " is in a read-only folder or on read-only media, so "
                    + "nothing can be recorded into it (it opens for reading). To run, copy it to a writable folder.");
        }
        int version = refuseForeignFile(absolute, false);
        ProjectLock held = null;
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            held = ProjectLock.acquire(absolute, opening, clock);
            if (version > 0) {
                IntegrityCheck.verify(absolute, false);
            }
            if (held.first()) {
                BatchFolder.removeLeftovers(absolute);
            }
            if (version > 0 && version < Migrations.latest()) {
                backUpBeforeMigrating(absolute);
            }
            return new ProjectStore(absolute, clock, held);
        } catch (SQLException | IOException | RuntimeException e) {
            if (held != null) {
                held.close();
            }
            if (e instanceof ProjectFileException refusal) {
                throw refusal;
            }
            throw new ProjectFileException("Could not open the project " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a project alongside whoever writes it. A file in a format older than this Arbiter reads is brought up
     * to date first when it can be written, else refused; on read-only media SQLite is told the file cannot change.
     */
    private static ProjectStore openForReading(Path file, Opening opening, Clock clock, boolean writable)
            throws ProjectFileException {
        if (!Files.isRegularFile(file)) {
            throw new ProjectFileException("There is no project " + file + ".", null);
        }
        // Where nothing can be written SQLite cannot make its -shm file, and need not: nothing changes the file.
        // A -wal left there holds writes the file lacks, so then the file is read as usual, as far as that goes.
        boolean immutable = !writable && emptyOrAbsent(file.resolveSibling(file.getFileName() + "-wal"));
        int version = refuseForeignFile(file, immutable);
        if (version < Migrations.latest()) {
            if (!writable) {
                throw new ProjectReadOnlyException(file + " is in an older project format (" + version + ") in a "
                        + "read-only folder or on read-only media; this Arbiter reads it once it has brought it up "
                        + "to date: copy it to a writable folder and open it there.");
            }
            open(
                            file,
                            new Opening(
                                    true,
                                    false,
                                    "Arbiter (updating the project format)",
                                    opening.notices(),
                                    opening.writable()),
                            clock)
                    .close();
        }
        IntegrityCheck.verify(file, immutable);
        try {
            return new ProjectStore(
                    file,
                    clock,
                    immutable,
                    writable
                            ? file + " is open for reading only"
                            : file
                                    + " is in a read-only folder or on read-only media, so nothing can be recorded into it");
        } catch (SQLException e) {
            throw new ProjectFileException("Could not open the project " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean emptyOrAbsent(Path file) {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Before a migration changes a file an older Arbiter wrote, the file as it was is kept as its backup. */
    private static void backUpBeforeMigrating(Path file) throws SQLException {
        try (Connection source = Connections.open(file, true)) {
            ProjectBackup.write(source, file);
        }
    }

    /**
     * Reads an existing file without writing to it, and refuses it unless it is an Arbiter project we can read;
     * returns its project format, 0 for a new or empty file.
     */
    private static int refuseForeignFile(Path file, boolean immutable) throws ProjectFileException {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            if (Files.size(file) == 0) {
                return 0;
            }
            byte[] header = new byte[SQLITE_HEADER.length];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(header, 0, header.length);
            }
            if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                if (ProjectBackup.available(file).isPresent()) { // a project of ours whose first page is gone
                    throw IntegrityCheck.damaged(file, "it no longer starts as a SQLite database", null);
                }
                throw new ProjectFileException(file + " is not an Arbiter project: it is not a SQLite database.", null);
            }
        } catch (IOException e) {
            if (e instanceof ProjectFileException refusal) {
                throw refusal;
            }
            throw new ProjectFileException("Could not read " + file + ": " + e.getMessage(), e);
        }
        try (Connection peek = immutable ? Connections.immutable(file) : Connections.open(file, true);
                Statement statement = peek.createStatement()) {
            int applicationId = Sql.intQuery(statement, "PRAGMA application_id");
            int tables = Sql.intQuery(statement, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
            if (applicationId != Migrations.APPLICATION_ID) {
                if (tables > 0) {
                    throw new ProjectFileException(
                            file + " is a SQLite database but not an Arbiter project; " + "it was left unchanged.",
                            null);
                }
                return 0;
            }
            int version = Sql.intQuery(statement, "SELECT coalesce(max(version), 0) FROM schema_version");
            if (version > Migrations.latest()) {
                throw new ProjectFileException(
                        file + " was saved by a newer Arbiter (project format " + version
                                + "; this version reads up to " + Migrations.latest()
                                + "). Open it with a newer Arbiter; it was left unchanged.",
                        null);
            }
            return version;
        } catch (SQLException e) {
            if (IntegrityCheck.isDamage(e)) {
                throw IntegrityCheck.damaged(file, e.getMessage(), e);
            }
            throw new ProjectFileException(file + " could not be read as an Arbiter project: " + e.getMessage(), e);
        }
    }
}
