package io.arbiter.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a batch run writes its request shards and downloaded output files, which hold dataset text: beside the
 * project ({@code X.arbiter-batch/}) when there is one, else a private temporary folder named after this process.
 * Either is owner-only where the file system has POSIX permissions, and is removed when the run ends; what a killed
 * process left is removed at the next start (the project's folder by whoever next opens the project for writing,
 * which holds its lock; a temporary one by the next process that makes one, once its owner has ended).
 */
public final class BatchFolder implements AutoCloseable {

    private static final String TEMPORARY_PREFIX = "arbiter-batch-";
    private static final Pattern TEMPORARY = Pattern.compile(Pattern.quote(TEMPORARY_PREFIX) + "(\\d+)-.*");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path path;
    private final Thread removeAtExit;

    private BatchFolder(Path path, Thread removeAtExit) {
        this.path = path;
        this.removeAtExit = removeAtExit;
    }

    /** {@code X.arbiter-batch} for {@code X.arbiter}. */
    public static Path besidePath(Path project) {
        Path absolute = project.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + "-batch");
    }

    /** The folder beside a project this process holds open for writing, emptied of what an earlier run left. */
    public static BatchFolder beside(Path project) {
        Path folder = besidePath(project);
        try {
            removeTree(folder);
            createOwnerOnly(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the batch folder " + folder + ": " + e.getMessage(), e);
        }
        return new BatchFolder(folder, null);
    }

    /** A private temporary folder, removed at close or when the process exits, whichever comes first. */
    public static BatchFolder temporary() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftoversIn(temp);
        try {
            // Owner-only from the start on POSIX: createTempDirectory makes it rwx------.
            Path folder = Files.createTempDirectory(
                    TEMPORARY_PREFIX + ProcessHandle.current().pid() + "-");
            Thread hook = new Thread(() -> quietlyRemove(folder), "remove-" + folder.getFileName());
            Runtime.getRuntime().addShutdownHook(hook);
            return new BatchFolder(folder, hook);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a temporary batch folder: " + e.getMessage(), e);
        }
    }

    /** Removes what a run killed while it held the project left beside it; call holding the project's lock. */
    static void removeLeftovers(Path project) {
        quietlyRemove(besidePath(project));
    }

    public Path path() {
        return path;
    }

    /** Removes the folder and everything in it. */
    @Override
    public void close() {
        quietlyRemove(path);
        if (removeAtExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(removeAtExit);
            } catch (IllegalStateException exiting) {
                // the hook is running or about to: it removes nothing that is left
            }
        }
    }

    /** Temporary batch folders of this user whose process has ended (killed before it could remove them). */
    private static void removeLeftoversIn(Path temp) {
        UserPrincipal me = null;
        try (Stream<Path> entries = Files.list(temp)) {
            for (Path entry : entries.toList()) {
                Matcher name = TEMPORARY.matcher(entry.getFileName().toString());
                if (!name.matches() || !Files.isDirectory(entry)) {
                    continue;
                }
                boolean running = ProcessHandle.of(Long.parseLong(name.group(1)))
                        .map(ProcessHandle::isAlive)
                        .orElse(false);
                if (me == null) {
                    me = FileSystems.getDefault()
                            .getUserPrincipalLookupService()
                            .lookupPrincipalByName(System.getProperty("user.name"));
                }
                if (!running && me.equals(Files.getOwner(entry))) {
                    quietlyRemove(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Leftovers stay until a later start; they are owner-only meanwhile.
        }
    }

    private static void createOwnerOnly(Path folder) throws IOException {
        if (Files.getFileStore(folder.getParent()).supportsFileAttributeView("posix")) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(folder, OWNER_ONLY); // past the umask, which could only take bits away
        } else {
            Files.createDirectory(folder);
        }
    }

    private static void quietlyRemove(Path folder) {
        try {
            removeTree(folder);
        } catch (IOException e) {
            // A leftover is removed at the next start.
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
}
