package io.arbiter.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQLite's {@code quick_check} of a whole project file (every page and record; not the indexes against their
 * tables, which {@code integrity_check} adds at several times the cost), run on a read-only connection before
 * anything writes to the file, so that a damaged file is refused as it is.
 */
final class IntegrityCheck {

    private static final int SHOWN = 3;
    private static final DateTimeFormatter SAVED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private IntegrityCheck() {}

    /** Refuses a damaged file with what to do next; {@code immutable} for a file on read-only media. */
    static void verify(Path file, boolean immutable) throws ProjectFileException {
        Optional<String> problems;
        try (Connection connection = immutable ? Connections.immutable(file) : Connections.open(file, true)) {
            problems = problems(connection);
        } catch (SQLException e) {
            if (isDamage(e)) {
                throw damaged(file, e.getMessage(), e);
            }
            throw new ProjectFileException("Could not check " + file + ": " + e.getMessage(), e);
        }
        if (problems.isPresent()) {
            throw damaged(file, problems.get(), null);
        }
    }

    /** The first few problems {@code quick_check} reports; empty when it says the file is sound. */
    static Optional<String> problems(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA quick_check(" + SHOWN + ")")) {
            while (rows.next()) {
                // A row may start with "*** in database main ***" on a line of its own, then the problem.
                for (String line : rows.getString(1).split("\\R")) {
                    if (!line.isBlank() && !line.startsWith("*** in database")) {
                        lines.add(line.strip());
                    }
                }
            }
        } catch (SQLException e) {
            if (lines.isEmpty() || !isDamage(e)) {
                throw e;
            }
            lines.add(e.getMessage()); // the check itself tripped over the damage it was reporting
        }
        if (lines.size() == 1 && "ok".equals(lines.get(0))) {
            return Optional.empty();
        }
        return Optional.of(lines.isEmpty() ? "the check failed without saying where" : String.join("; ", lines));
    }

    /** SQLITE_CORRUPT or SQLITE_NOTADB: the file's pages are not what SQLite wrote. */
    static boolean isDamage(SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        return code == 11 || code == 26;
    }

    /** The refusal, naming the backup to restore when there is one. */
    static ProjectDamagedException damaged(Path file, String problem, Throwable cause) {
        Optional<Path> backup = ProjectBackup.available(file);
        StringBuilder message =
                new StringBuilder(file + " is damaged (SQLite: " + problem + "). It was left " + "unchanged. ");
        if (backup.isPresent()) {
            Path kept = backup.get();
            message.append("Its backup ")
                    .append(kept.getFileName())
                    .append(savedAt(kept))
                    .append(" can replace it: the workbench's Open project offers to restore it; by hand, move ")
                    .append(file.getFileName())
                    .append(" (with any ")
                    .append(file.getFileName())
                    .append("-wal and ")
                    .append(file.getFileName())
                    .append("-shm) aside, then copy ")
                    .append(kept.getFileName())
                    .append(" to ")
                    .append(file.getFileName())
                    .append('.');
        } else {
            message.append("There is no backup beside it (")
                    .append(ProjectBackup.newest(file).getFileName())
                    .append("); the sqlite3 tool's .recover command can copy out what is still readable.");
        }
        return new ProjectDamagedException(file, message.toString(), backup.orElse(null), cause);
    }

    private static String savedAt(Path file) {
        try {
            return " (saved " + SAVED.format(Files.getLastModifiedTime(file).toInstant()) + ")";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
