package io.arbiter.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How a project is opened: to write (holding its lock, one process at a time) or only to read (alongside a writer,
 * as SQLite's WAL allows); whether to wait while another process holds it; who is opening it, for the message
 * another process gets; where notices go (a lock taken over, waiting); and how to tell a writable folder.
 *
 * @param writable decides whether the project's folder and file can be written; {@link #systemWritable} unless a
 *                 test injects another (tests run as root, which file permission bits do not stop)
 */
public record Opening(
        boolean forWriting, boolean waitWhenInUse, String by, Consumer<String> notices, Predicate<Path> writable) {

    public Opening {
        Objects.requireNonNull(notices);
        Objects.requireNonNull(writable);
    }

    /** To write, refused at once while another process holds it; {@code by} names the opener ("arbiter run"). */
    public static Opening forWriting(String by) {
        return new Opening(true, false, by, notice -> {}, Opening::systemWritable);
    }

    /** To read only: no lock, no write, no migration of the file itself. */
    public static Opening forReading() {
        return new Opening(false, false, null, notice -> {}, Opening::systemWritable);
    }

    /** Waits (polling, with a notice now and then) instead of refusing while another process holds the project. */
    public Opening waiting(boolean wait) {
        return new Opening(forWriting, wait, by, notices, writable);
    }

    public Opening notifying(Consumer<String> to) {
        return new Opening(forWriting, waitWhenInUse, by, to, writable);
    }

    public Opening writableWhen(Predicate<Path> test) {
        return new Opening(forWriting, waitWhenInUse, by, notices, test);
    }

    /**
     * Whether a project file can be written where it is: its folder (or the nearest one that exists, for a new
     * file) and the file itself are writable and not on a read-only file system.
     */
    public static boolean systemWritable(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        while (folder != null && !Files.isDirectory(folder)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return false;
        }
        try {
            if (Files.getFileStore(folder).isReadOnly()) {
                return false;
            }
        } catch (IOException e) {
            // the permission checks below still say something
        }
        return Files.isWritable(folder) && (!Files.exists(absolute) || Files.isWritable(absolute));
    }
}
