package io.arbiter.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/** SQLite connections to a project file, all configured alike. */
final class Connections {

    private Connections() {}

    /** The writer's connection (WAL mode), or a reader's, which cannot write whatever it runs. */
    static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        if (!readOnly) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /**
     * A reader for a file nothing can change (read-only media or folder, or a backup being checked): SQLite's
     * {@code immutable} skips the locks and the {@code -shm} file it could not create there, and creates no file.
     * Only for a file without a {@code -wal} beside it, whose content that would ignore.
     */
    static Connection immutable(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        // file:///… with the path percent-encoded, so spaces, '?' and '#' in it stay part of the path
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
    }
}
