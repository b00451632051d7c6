package io.arbiter.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open project file, what every table reads and writes through: a reading connection, which WAL lets run
 * alongside the writer, and, open for writing, the {@link GroupCommitWriter} and the project's {@link ProjectLock}.
 * Open for reading it refuses every write. It backs the file up, copies it, and closes it in the order that keeps
 * it whole. Thread-safe.
 */
final class ProjectFile {

    private static final Logger LOG = Logger.getLogger(ProjectFile.class.getName());

    /** A read on the reading connection, which it has to itself while it runs. */
    @FunctionalInterface
    interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A read through a statement prepared once and kept: for a query asked many times a second. */
    @FunctionalInterface
    interface KeptRead<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private final Path path;
    private final Clock clock;
    private final Connection reader;
    private final GroupCommitWriter writer; // null when the project is open for reading only
    private final ProjectLock lock; // held while open for writing
    private final String readOnlyReason; // why nothing can be written; null when open for writing
    private final Map<String, PreparedStatement> kept = new HashMap<>(); // on the reader, guarded by it
    private final Object lifecycle = new Object();
    private volatile boolean closed;

    /** Open for writing: migrates the file, then starts the writer thread. */
    ProjectFile(Path path, Clock clock, ProjectLock lock) throws SQLException {
        this.path = path;
        this.clock = clock;
        this.lock = lock;
        this.readOnlyReason = null;
        Connection writing = Connections.open(path, false);
        try {
            Migrations.apply(writing, clock);
            writing.setAutoCommit(false);
            this.reader = Connections.open(path, true);
        } catch (SQLException | RuntimeException e) {
            writing.close();
            throw e;
        }
        this.writer = GroupCommitWriter.start(path, writing);
    }

    /** Open for reading only: one read-only connection, no writer, no lock. */
    ProjectFile(Path path, Clock clock, boolean immutable, String readOnlyReason) throws SQLException {
        this.path = path;
        this.clock = clock;
        this.lock = null;
        this.readOnlyReason = readOnlyReason;
        this.reader = immutable ? Connections.immutable(path) : Connections.open(path, true);
        this.writer = null;
    }

    Path path() {
        return path;
    }

    /** Now, as the tables store it. */
    String now() {
        return clock.instant().toString();
    }

    /** True when the project was opened for reading only, or where nothing can be written. */
    boolean readOnly() {
        return readOnlyReason != null;
    }

    // Reading

    <T> T read(Read<T> query) {
        synchronized (reader) {
            if (closed) {
                throw new StoreException("The project " + path + " is closed.", null);
            }
            try {
                return query.run(reader);
            } catch (SQLException e) {
                throw new StoreException("Could not read the project " + path + ": " + e.getMessage(), e);
            }
        }
    }

    <T> T readKept(String sql, KeptRead<T> query) {
        return read(connection -> {
            PreparedStatement statement = kept.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                kept.put(sql, statement);
            }
            return query.run(statement);
        });
    }

    // Writing

    /** Writes through the group commit and returns once the work is committed. */
    <T> T write(GroupCommitWriter.Work<T> work) {
        CompletableFuture<T> done = queue(work);
        try {
            return done.join();
        } catch (CompletionException e) {
            throw new StoreException(
                    "Could not write to the project " + path + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Hands the work to the writer thread; the future completes once its transaction is committed. */
    <T> CompletableFuture<T> queue(GroupCommitWriter.Work<T> work) {
        if (readOnlyReason != null) {
            throw new StoreException(readOnlyReason + ".", null, StoreException.Kind.READ_ONLY);
        }
        return writer.queue(work);
    }

    /**
     * Caps the file at its size now plus {@code morePages} pages, or lifts the cap when negative: SQLite's
     * {@code max_page_count} on the writing connection, past which it answers SQLITE_FULL exactly as on a full disk.
     * For tests of a full disk; returns the cap in force.
     */
    long capPages(long morePages) {
        return write(w -> {
            try (Statement statement = w.connection().createStatement()) {
                long cap = morePages < 0 ? 4_294_967_294L : Sql.intQuery(statement, "PRAGMA page_count") + morePages;
                try (ResultSet result = statement.executeQuery("PRAGMA max_page_count = " + cap)) {
                    return result.next() ? result.getLong(1) : cap;
                }
            }
        });
    }

    // The whole file

    /** The project format version of the open file. */
    int schemaVersion() {
        return read(connection -> {
            try (Statement statement = connection.createStatement()) {
                return Sql.intQuery(statement, "SELECT max(version) FROM schema_version");
            }
        });
    }

    /**
     * Writes a consistent copy of the whole project to {@code target} (replaced if it exists), including what the
     * write-ahead log holds: SQLite's {@code VACUUM INTO} reads a snapshot, so writes may go on meanwhile.
     */
    void copyTo(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (absolute.equals(path)) {
            return;
        }
        Files.deleteIfExists(absolute);
        read(connection -> {
            try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, absolute.toString());
                vacuum.execute();
            }
            return null;
        });
    }

    /** Writes a backup beside the file now ({@link ProjectBackup}); false when it could not. */
    boolean backUp() {
        if (readOnly()) {
            return false;
        }
        synchronized (reader) {
            return !closed && ProjectBackup.write(reader, path);
        }
    }

    /** Finishes every queued write, backs the project up if it changed, releases its lock and closes the file. */
    void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (writer == null) {
            synchronized (reader) {
                closeQuietly(reader);
            }
            return;
        }
        // The connections may only close once the writer has committed what it holds.
        writer.finish();
        synchronized (reader) {
            try {
                if (writer.changed()) {
                    ProjectBackup.write(reader, path);
                }
                for (PreparedStatement statement : kept.values()) {
                    statement.close();
                }
                reader.close();
                writer.close();
            } catch (SQLException e) {
                throw new StoreException("Could not close the project " + path + ": " + e.getMessage(), e);
            } finally {
                lock.close(); // after the connections: the next process finds the file as this one left it
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing a read-only connection", e);
        }
    }
}
