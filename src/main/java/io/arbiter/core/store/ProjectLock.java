package io.arbiter.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One process per project: an OS lock on {@code X.arbiter.lock} beside the project, held while the project is open
 * for writing. The operating system releases it when the process dies, however it dies, so a lock is never stuck;
 * the line of JSON in the file (process id, host, since when, what) only makes the message another process gets.
 * A file still naming a process when the lock is taken was left by one that was killed: that is said, and taken over.
 *
 * <p>Opens within one process share the lock and count it: the workbench can open the file it already holds, and
 * this process never opens the lock file a second time, which on POSIX would release its lock when closed.
 */
public final class ProjectLock implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);
    /**
     * The byte locked, far past the JSON: Windows locks are mandatory, and a lock over the JSON would keep the
     * process that is refused from reading who holds the project.
     */
    private static final long LOCKED_BYTE = 1L << 30;

    private static final Duration REMIND = Duration.ofSeconds(30);
    /** Locks this process holds, by project; guarded by itself. */
    private static final Map<Path, Shared> HELD = new HashMap<>();

    private final Path project;
    private final Shared shared;
    private final boolean first;
    private boolean closed;

    private ProjectLock(Path project, Shared shared, boolean first) {
        this.project = project;
        this.shared = shared;
        this.first = first;
    }

    /** {@code X.arbiter.lock} for {@code X.arbiter}. */
    public static Path lockFile(Path project) {
        return project.resolveSibling(project.getFileName() + ".lock");
    }

    /**
     * Takes the project's lock, or shares it when this process holds it already.
     *
     * @throws ProjectInUseException when another process holds it and {@code opening} does not wait (or the wait was
     *                               interrupted)
     */
    static ProjectLock acquire(Path project, Opening opening, Clock clock) throws ProjectFileException {
        Path key = project.toAbsolutePath().normalize();
        Instant waitingSince = null;
        Instant reminded = null;
        while (true) {
            LockHolder holder;
            synchronized (HELD) {
                Shared shared = HELD.get(key);
                holder = null;
                if (shared == null) {
                    Attempt attempt = tryTake(key, opening, clock);
                    shared = attempt.taken();
                    holder = attempt.holder();
                    if (shared != null) {
                        HELD.put(key, shared);
                        if (waitingSince != null) {
                            opening.notices().accept(key.getFileName() + " is free now; going on.");
                        }
                        shared.tookOverFrom.ifPresent(left -> opening.notices()
                                .accept("Took over the lock on " + key + " left by " + left.describe()
                                        + ", which is no longer running."));
                    }
                }
                if (shared != null) {
                    return new ProjectLock(key, shared, shared.count++ == 0);
                }
            }
            if (!opening.waitWhenInUse()) {
                throw new ProjectInUseException(key, holder);
            }
            Instant now = clock.instant();
            if (waitingSince == null) {
                waitingSince = now;
                reminded = now;
                opening.notices()
                        .accept(key + " is in use by " + (holder == null ? "another process" : holder.describe())
                                + "; waiting until it is free.");
            } else if (Duration.between(reminded, now).compareTo(REMIND) >= 0) {
                reminded = now;
                opening.notices()
                        .accept("Still waiting for " + key.getFileName() + " ("
                                + Duration.between(waitingSince, now).toSeconds() + " s), in use by "
                                + (holder == null ? "another process" : holder.describe()) + ".");
            }
            try {
                Thread.sleep(POLL.toMillis()); // another process lets go: there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectInUseException(key, holder);
            }
        }
    }

    /** The lock taken (then {@code holder} is null), or who holds it instead (null when it did not say). */
    private record Attempt(Shared taken, LockHolder holder) {}

    private static Attempt tryTake(Path project, Opening opening, Clock clock) throws ProjectFileException {
        Path file = lockFile(project);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Optional<LockHolder> before = read(channel);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null; // cannot be: this process's locks are shared through HELD
            } catch (IOException unsupported) {
                // A file system without locks (some network shares): the file's word is all there is.
                if (before.isPresent() && !before.get().ended() && !before.get().isThisProcess()) {
                    channel.close();
                    return new Attempt(null, before.get());
                }
                return new Attempt(take(channel, null, before, opening, clock), null);
            }
            if (lock == null) {
                Optional<LockHolder> holder = read(channel);
                channel.close(); // this process holds no lock on the file, so closing releases nothing of its own
                // A holder that has ended is a newcomer's lock whose JSON is not written yet.
                return new Attempt(null, holder.filter(h -> !h.ended()).orElse(null));
            }
            return new Attempt(take(channel, lock, read(channel), opening, clock), null);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the failure below is the one to report
                }
            }
            throw new ProjectFileException(
                    "Could not lock " + project + " (" + file.getFileName() + "): " + e.getMessage(), e);
        }
    }

    private static Shared take(
            FileChannel channel, FileLock lock, Optional<LockHolder> before, Opening opening, Clock clock)
            throws IOException {
        LockHolder me = LockHolder.thisProcess(opening.by(), clock.instant());
        byte[] json = me.toJson().getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(json), 0);
        channel.force(false);
        // A clean close empties the file, so a holder still named here was killed (or lost its machine).
        return new Shared(channel, lock, me, before.filter(left -> !left.isThisProcess()));
    }

    private static Optional<LockHolder> read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4096);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read until full or at the end
        }
        return LockHolder.parse(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
    }

    /** True for the open that took the lock, false for one that shares it with another open in this process. */
    public boolean first() {
        return first;
    }

    /** This process, as the lock file names it. */
    public LockHolder holder() {
        return shared.me;
    }

    /** The killed process whose lock this open took over; empty when the lock was free. */
    public Optional<LockHolder> tookOverFrom() {
        return shared.tookOverFrom;
    }

    /** Lets go of this open's share; the last one empties the lock file and releases the OS lock. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.count > 0) {
                return;
            }
            HELD.remove(project);
            try {
                shared.channel.truncate(0); // released cleanly: nothing for the next one to call stale
                if (shared.lock != null) {
                    shared.lock.release();
                }
            } catch (IOException e) {
                // The channel's close below releases the lock all the same.
            } finally {
                try {
                    shared.channel.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    /** One process's hold on a project: counted, released with the last close. */
    private static final class Shared {
        final FileChannel channel;
        final FileLock lock;
        final LockHolder me;
        final Optional<LockHolder> tookOverFrom;
        int count;

        Shared(FileChannel channel, FileLock lock, LockHolder me, Optional<LockHolder> tookOverFrom) {
            this.channel = channel;
            this.lock = lock;
            this.me = me;
            this.tookOverFrom = tookOverFrom;
        }
    }
}
