package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process per project, across real processes: a second one is told who holds the project and refused, or
 * waits until it is free; a lock left by a killed process is recognised as stale and taken over; readers are never
 * held up. Within one process, opens share the lock.
 */
class ProjectLockTest {

    @TempDir
    Path dir;

    @Test
    void anotherProcessIsToldWhoHoldsTheProjectAndRefusedWhileReadersGoOn() throws Exception {
        Path file = created("held.arbiter");
        try (HoldProject holder = HoldProject.start(file)) {
            ProjectInUseException refused = assertThrows(
                    ProjectInUseException.class, () -> ProjectStore.open(file, Opening.forWriting("the test")));

            LockHolder who = refused.holder().orElseThrow();
            assertEquals(holder.pid(), who.pid());
            assertEquals("a test holder", who.by());
            assertTrue(who.onThisHost());
            assertNotNull(who.since());
            assertTrue(
                    refused.getMessage()
                            .startsWith(file.toAbsolutePath() + " is in use by a test holder (process " + holder.pid()
                                    + " on " + who.host() + ", since "),
                    refused.getMessage());
            try (ProjectStore reading = ProjectStore.open(file, Opening.forReading())) {
                assertEquals(1, reading.runRecords().size(), "a reader needs no lock");
            }

            holder.release();
        }
        List<String> notices = new CopyOnWriteArrayList<>();
        try (ProjectStore after =
                ProjectStore.open(file, Opening.forWriting("the test").notifying(notices::add))) {
            assertEquals(1, after.runRecords().size());
        }
        assertEquals(List.of(), notices, "a lock released cleanly leaves nothing to call stale");
    }

    @Test
    @SuppressWarnings("try") // opening is what is tested: the store is held, not used
    void aLockLeftByAKilledProcessIsRecognisedAsStaleAndTakenOver() throws Exception {
        Path file = created("killed.arbiter");
        long killed;
        try (HoldProject holder = HoldProject.start(file)) {
            killed = holder.pid();
            holder.kill();
        }
        LockHolder left =
                LockHolder.parse(Files.readString(ProjectLock.lockFile(file))).orElseThrow();
        assertEquals(killed, left.pid(), "the killed process's lock file is still there");
        assertTrue(left.ended());

        List<String> notices = new CopyOnWriteArrayList<>();
        try (ProjectStore store =
                ProjectStore.open(file, Opening.forWriting("the test").notifying(notices::add))) {
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(
                    notices.get(0)
                            .startsWith("Took over the lock on " + file.toAbsolutePath()
                                    + " left by a test holder (process " + killed + " on "),
                    notices.get(0));
            assertTrue(notices.get(0).endsWith("which is no longer running."), notices.get(0));
            // The lock is this process's now, as another process is told.
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> HoldProject.start(file));
            assertTrue(
                    refused.getMessage()
                            .contains("is in use by the test (process "
                                    + ProcessHandle.current().pid()),
                    refused.getMessage());
        }
    }

    @Test
    void aWaitingOpenGoesOnAsSoonAsTheHolderLetsGo() throws Exception {
        Path file = created("wait.arbiter");
        try (HoldProject holder = HoldProject.start(file)) {
            List<String> notices = new CopyOnWriteArrayList<>();
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<ProjectStore> opened = CompletableFuture.supplyAsync(() -> {
                try {
                    return ProjectStore.open(
                            file, Opening.forWriting("the waiter").waiting(true).notifying(notice -> {
                                notices.add(notice);
                                waiting.countDown();
                            }));
                } catch (ProjectFileException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(waiting.await(60, TimeUnit.SECONDS), "it says that it waits");
            assertTrue(
                    notices.get(0).contains("is in use by a test holder (process " + holder.pid())
                            && notices.get(0).endsWith("waiting until it is free."),
                    notices.get(0));
            assertFalse(opened.isDone(), "it waits while the project is held");

            holder.release();

            try (ProjectStore store = opened.get(60, TimeUnit.SECONDS)) {
                assertEquals(1, store.runRecords().size());
            }
            assertTrue(notices.get(notices.size() - 1).endsWith("is free now; going on."), notices.toString());
        }
    }

    @Test
    void opensInOneProcessShareTheLockUntilTheLastOneCloses() throws Exception {
        Path file = created("shared.arbiter");
        ProjectStore first = ProjectStore.open(file);
        try (ProjectStore second = ProjectStore.open(file)) {
            first.close();
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> HoldProject.start(file));
            assertTrue(
                    refused.getMessage()
                            .contains("in use by Arbiter (process "
                                    + ProcessHandle.current().pid()),
                    refused.getMessage());
            assertEquals(1, second.runRecords().size());
        }
        try (HoldProject holder = HoldProject.start(file)) {
            holder.release(); // free once the last open closed
        }
    }

    private Path created(String name) throws Exception {
        Path file = dir.resolve(name);
        try (ProjectStore store = ProjectStore.open(file)) {
            store.createRun("{}");
        }
        return file;
    }
}
