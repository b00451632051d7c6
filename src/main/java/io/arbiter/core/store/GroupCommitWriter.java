package io.arbiter.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that writes a project file. Writes come from many worker threads at once; this thread takes
 * whatever is queued, writes it in one transaction and commits ("group commit"), and only then completes each
 * caller's future: many callers share a commit, and a completed write is in the file. One failing write fails
 * alone; a full disk or an I/O error fails the whole group, and the connection is made ready for the next.
 */
final class GroupCommitWriter {

    private static final int MAX_GROUP = 4096;
    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());

    /** One unit of work on the writer connection; it runs inside a transaction shared with other callers. */
    @FunctionalInterface
    interface Work<T> {
        T run(Statements statements) throws SQLException;
    }

    /** What a {@link Work} may touch: the writer connection's statements, prepared once and reused. */
    final class Statements {

        private Statements() {}

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            return statement;
        }

        /** For a statement that is not worth keeping prepared, such as a pragma. */
        Connection connection() {
            return connection;
        }
    }

    private record Job<T>(Work<T> work, CompletableFuture<T> done) {}

    private record Failed(Exception cause) {}

    private final Path file;
    private final Connection connection; // auto-commit off: a transaction is always open
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Map<String, PreparedStatement> prepared = new HashMap<>(); // only the writer thread touches it
    private final Object lifecycle = new Object();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean changed; // something was committed: worth a backup at close

    private GroupCommitWriter(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.thread = new Thread(this::writeLoop, "project-store-writer");
        thread.setDaemon(true);
    }

    /** Starts writing on {@code connection}, whose auto-commit must be off; the writer owns it from now on. */
    static GroupCommitWriter start(Path file, Connection connection) {
        GroupCommitWriter writer = new GroupCommitWriter(file, connection);
        writer.thread.start();
        return writer;
    }

    /** Hands the work to the writer thread; the future completes once its transaction is committed. */
    <T> CompletableFuture<T> queue(Work<T> work) {
        Job<T> job = new Job<>(work, new CompletableFuture<>());
        synchronized (lifecycle) { // so no job is queued after the writer has drained the queue and left
            if (closed) {
                throw new StoreException("The project " + file + " is closed.", null);
            }
            queue.add(job);
        }
        return job.done();
    }

    /** True once a write has been committed. */
    boolean changed() {
        return changed;
    }

    /**
     * Takes no more work and returns once everything queued is committed, even if this thread is interrupted
     * meanwhile (a cancelled task closing the project): it waits that out, then restores the flag.
     */
    void finish() {
        synchronized (lifecycle) {
            closed = true;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the statements and the connection; only after {@link #finish}. */
    void close() throws SQLException {
        for (PreparedStatement statement : prepared.values()) {
            statement.close();
        }
        connection.close();
    }

    private void writeLoop() {
        Statements statements = new Statements();
        List<Job<?>> group = new ArrayList<>(MAX_GROUP);
        while (!closed || !queue.isEmpty()) {
            try {
                Job<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commitGroup(statements, group);
            } catch (InterruptedException e) {
                // Only finish() stops the writer; it drains the queue first.
            } finally {
                group.clear();
            }
        }
    }

    /** Runs each job under its own savepoint, so one bad job fails alone, then commits them all at once. */
    private void commitGroup(Statements statements, List<Job<?>> group) {
        List<Object> results = new ArrayList<>(group.size());
        try (Statement control = connection.createStatement()) {
            for (Job<?> job : group) {
                control.execute("SAVEPOINT job");
                try {
                    results.add(job.work().run(statements));
                    control.execute("RELEASE job");
                } catch (SQLException | RuntimeException e) {
                    undoJob(control, e);
                    results.add(new Failed(e));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            beginAgain();
            group.forEach(job -> job.done().completeExceptionally(e));
            return;
        }
        if (results.stream().anyMatch(result -> !(result instanceof Failed))) {
            changed = true;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results.get(i));
        }
    }

    /**
     * Rolls one job back to its savepoint. On a full disk or an I/O error SQLite rolls back the whole transaction
     * itself, savepoints and all; then the job's own failure is rethrown so that the whole group fails with it.
     */
    private static void undoJob(Statement control, Exception failure) throws SQLException {
        try {
            control.execute("ROLLBACK TO job");
            control.execute("RELEASE job");
        } catch (SQLException transactionGone) {
            SQLException cause =
                    failure instanceof SQLException sql ? sql : new SQLException(failure.getMessage(), failure);
            cause.addSuppressed(transactionGone);
            throw cause;
        }
    }

    /**
     * After a failed group: rolls back whatever SQLite kept of the transaction and begins the next, as the driver
     * (auto-commit off) expects; without this, later writes would commit one by one and every commit would fail.
     * The prepared statements are prepared afresh: the driver may have closed them with the failed transaction.
     */
    private void beginAgain() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // closed already
            }
        }
        prepared.clear();
        try (Statement control = connection.createStatement()) {
            try {
                control.execute("ROLLBACK");
            } catch (SQLException alreadyRolledBack) {
                // SQLite ended the transaction itself
            }
            control.execute("BEGIN");
        } catch (SQLException e) {
            LOG.log(Level.FINE, "A transaction is open already on " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Job<T> job, Object result) {
        if (result instanceof Failed failed) {
            job.done().completeExceptionally(failed.cause());
        } else {
            job.done().complete((T) result);
        }
    }
}
