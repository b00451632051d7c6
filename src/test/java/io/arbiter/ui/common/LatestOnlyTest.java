package io.arbiter.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Only the latest request's outcome reaches the UI, and failures arrive as their cause. */
class LatestOnlyTest {

    private final List<String> shown = new ArrayList<>();
    private final List<Throwable> failed = new ArrayList<>();

    @Test
    void onTheSameThreadEveryRequestIsShownInTurn() {
        LatestOnly requests = new LatestOnly(new SameThreadTaskExecutor());

        requests.submit(() -> "first", shown::add, failed::add);
        requests.submit(() -> "second", shown::add, failed::add);

        assertEquals(List.of("first", "second"), shown);
        assertTrue(failed.isEmpty());
    }

    @Test
    void anOlderResultArrivingAfterTheNewerIsDropped() throws Exception {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        LatestOnly requests = new LatestOnly(executor);
        CompletableFuture<String> older = requests.submit(() -> "older", shown::add, failed::add);
        CompletableFuture<String> newer = requests.submit(() -> "newer", shown::add, failed::add);

        executor.run(1); // the newer finishes first
        executor.run(0);

        assertEquals(List.of("newer"), shown, "the older result came last and is dropped");
        assertEquals("older", older.get(), "a caller waiting on the older work still gets it");
        assertEquals("newer", newer.get());
    }

    @Test
    void anOlderResultArrivingBeforeTheNewerIsDroppedToo() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        LatestOnly requests = new LatestOnly(executor);
        requests.submit(() -> "older", shown::add, failed::add);
        requests.submit(() -> "newer", shown::add, failed::add);

        executor.runAll();

        assertEquals(List.of("newer"), shown, "once a newer request is made, the older's result is out of date");
    }

    @Test
    void aStaleFailureIsDroppedLikeAStaleResult() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        LatestOnly requests = new LatestOnly(executor);
        requests.<String>submit(
                () -> {
                    throw new IOException("gone");
                },
                shown::add,
                failed::add);
        requests.submit(() -> "newer", shown::add, failed::add);

        executor.runLastFirst();

        assertEquals(List.of("newer"), shown);
        assertTrue(failed.isEmpty());
    }

    @Test
    void supersedingDropsWhatIsUnderWay() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        LatestOnly requests = new LatestOnly(executor);
        requests.submit(() -> "under way", shown::add, failed::add);

        requests.supersede();
        executor.runAll();

        assertTrue(shown.isEmpty());
    }

    @Test
    void stoppableWorkSeesANewerRequestAndItsResultIsDropped() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        LatestOnly requests = new LatestOnly(executor);
        List<Boolean> sawSuperseded = new ArrayList<>();
        requests.submitStoppable(
                superseded -> {
                    sawSuperseded.add(superseded.getAsBoolean());
                    return "older";
                },
                shown::add,
                failed::add);
        requests.submitStoppable(
                superseded -> {
                    sawSuperseded.add(superseded.getAsBoolean());
                    return "newer";
                },
                shown::add,
                failed::add);

        executor.runAll();

        assertEquals(List.of(true, false), sawSuperseded, "only the older work is told a newer one took over");
        assertEquals(List.of("newer"), shown);
    }

    @Test
    void aFailureArrivesAsItsCause() {
        LatestOnly requests = new LatestOnly(new SameThreadTaskExecutor());

        requests.<String>submit(
                () -> {
                    throw new IOException("No such file: films.csv");
                },
                shown::add,
                failed::add);

        assertInstanceOf(IOException.class, failed.get(0));
        assertEquals("No such file: films.csv", failed.get(0).getMessage());
    }

    @Test
    void causeOfTakesOffEveryWrapper() {
        IOException cause = new IOException("disk full");

        assertEquals(cause, LatestOnly.causeOf(new CompletionException(new ExecutionException(cause))));
        assertEquals(cause, LatestOnly.causeOf(cause));
        CompletionException bare = new CompletionException("no cause", null);
        assertEquals(bare, LatestOnly.causeOf(bare), "a wrapper without a cause is all there is to say");
    }

    @Test
    void messageOfSaysTheCauseOrItsTypeWhenItHasNoMessage() {
        assertEquals("disk full", LatestOnly.messageOf(new CompletionException(new IOException("disk full"))));
        assertEquals(
                "java.lang.IllegalStateException",
                LatestOnly.messageOf(new CompletionException(new IllegalStateException())));
    }
}
