package io.arbiter.core.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.sqlite.SQLiteConnection;

/**
 * Rolling backups beside a project: {@code X.arbiter.bak}, the newest, and {@code X.arbiter.bak.1}, the one
 * before. Each is written with SQLite's online backup from a live connection into a temporary file, checked, and
 * only then moved into place, so a damaged project never replaces a sound backup and a failed write (a full disk)
 * leaves the backups as they were.
 */
public final class ProjectBackup {

    private static final Logger LOG = Logger.getLogger(ProjectBackup.class.getName());
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC);

    private ProjectBackup() {}

    /** {@code X.arbiter.bak}: where the newest backup of {@code X.arbiter} goes. */
    public static Path newest(Path project) {
        return project.resolveSibling(project.getFileName() + ".bak");
    }

    /** {@code X.arbiter.bak.1}: the backup before the newest. */
    public static Path older(Path project) {
        return project.resolveSibling(project.getFileName() + ".bak.1");
    }

    /** The newest backup there is, if any. */
    public static Optional<Path> available(Path project) {
        for (Path backup : new Path[] {newest(project), older(project)}) {
            if (Files.isRegularFile(backup)) {
                return Optional.of(backup);
            }
        }
        return Optional.empty();
    }

    /**
     * Backs up the database {@code source} reads (WAL content included) as the newest backup, moving the one there
     * to {@link #older}. Returns false, leaving the backups as they were, when the copy is not sound (then the
     * project is not either) or cannot be written; never throws, as a backup must not stop what it protects.
     */
    static boolean write(Connection source, Path project) {
        // Made in an owner-only folder and given the project's permissions before it is moved beside the project:
        // a backup holds what the project holds, so no one may read it who may not read the project, not even
        // while it is being written (SQLite creates the file with its default permissions).
        Path work = project.resolveSibling(project.getFileName() + ".bak.tmp");
        Path copy = work.resolve("copy");
        try {
            removeTree(work);
            createOwnerOnly(work);
            int result = source.unwrap(SQLiteConnection.class).getDatabase().backup("main", copy.toString(), null);
            if (result != 0) {
                throw new SQLException("SQLite's backup ended with result code " + result, null, result);
            }
            Optional<String> problems;
            try (Connection check = Connections.immutable(copy)) {
                problems = IntegrityCheck.problems(check);
            }
            if (problems.isPresent()) {
                LOG.warning(() -> "Not backing up " + project + ": SQLite finds it damaged (" + problems.get() + ")");
                return false;
            }
            keepPermissions(project, copy);
            Path newest = newest(project);
            if (Files.exists(newest)) {
                Files.move(newest, older(project), StandardCopyOption.REPLACE_EXISTING);
                keepPermissions(project, older(project)); // the project's may have been narrowed since
            }
            move(copy, newest);
            return true;
        } catch (SQLException | IOException | RuntimeException e) {
            // Without its trace; a full or failing disk is reported where the answers are saved, once.
            boolean disk = e instanceof IOException || StoreException.kindOf(e) != StoreException.Kind.OTHER;
            LOG.log(disk ? Level.FINE : Level.WARNING, "Could not back up {0}: {1}", new Object[] {
                project, e.getMessage()
            });
            return false;
        } finally {
            try {
                removeTree(work);
            } catch (IOException ignored) {
                // a leftover is removed by the next backup
            }
        }
    }

    /**
     * Puts {@code backup} in place of the damaged {@code project}, which is moved aside (with its {@code -wal} and
     * {@code -shm}, which belong to it) to {@code X.arbiter.damaged-<time>}, never deleted. Holds the project's lock
     * meanwhile, so no process is using it. Returns where the damaged file went.
     *
     * @throws ProjectFileException when the project is in use, or the backup is damaged too
     */
    public static Path restore(Path project, Path backup) throws IOException {
        Path absolute = project.toAbsolutePath();
        IntegrityCheck.verify(backup.toAbsolutePath(), !Files.exists(walOf(backup)));
        try (ProjectLock lock =
                ProjectLock.acquire(absolute, Opening.forWriting("a restore from backup"), Clock.systemUTC())) {
            if (!lock.first()) {
                throw new ProjectFileException(
                        absolute + " is open in this window; close it before restoring its " + "backup.", null);
            }
            Path aside = absolute.resolveSibling(absolute.getFileName() + ".damaged-"
                    + STAMP.format(java.time.Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            if (Files.exists(absolute)) {
                Files.move(absolute, aside);
            }
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = absolute.resolveSibling(absolute.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
                }
            }
            Files.copy(backup, absolute, StandardCopyOption.COPY_ATTRIBUTES);
            return aside;
        }
    }

    private static Path walOf(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    private static void keepPermissions(Path project, Path copy) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(project, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(copy, PosixFileAttributeView.class);
        if (from != null && to != null) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }

    private static void createOwnerOnly(Path folder) throws IOException {
        if (Files.getFileStore(folder.getParent()).supportsFileAttributeView("posix")) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createDirectory(folder);
        }
    }

    private static void removeTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
