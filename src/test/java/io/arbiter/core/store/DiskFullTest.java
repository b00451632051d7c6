package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.CachingChatClient;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.RetryPolicy;
import io.arbiter.core.llm.RetryingChatClient;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.offline.OfflineServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills while answers arrive, made real for SQLite with {@code max_page_count} (it then answers
 * SQLITE_FULL, as on a full disk) on the very store the run records into: the run stops with one message that
 * says how many answers are kept and what to do, nothing is logged with a stack trace, and once there is room again
 * the run resumes, on the same store, until every row is answered, with no answer paid twice but those in flight.
 */
class DiskFullTest {

    private static final int ROWS = 120;
    private static final int CONCURRENCY = 4;
    private static final Pattern STOPPED = Pattern.compile(
            "disk full while saving answers to (.+); (\\d+) answers kept; free space and run again to continue");

    @TempDir
    Path dir;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger arbiterLogs = Logger.getLogger("io.arbiter");

    @BeforeEach
    void listen() {
        arbiterLogs.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        arbiterLogs.removeHandler(capture);
    }

    @Test
    void aFullDiskStopsTheRunWithOneMessageAndTheRunResumesOnceThereIsRoom() throws Exception {
        Path file = dir.resolve("full.arbiter");
        try (OfflineServer server = OfflineServer.start(0);
                ProjectStore store = ProjectStore.open(file)) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(ROWS), server.baseUrl().toString(), CONCURRENCY);
            ProjectRunLedger ledger = new ProjectRunLedger(store, store.createRun("{}"));
            store.capPages(6); // room for a few dozen answers, as a nearly full disk has

            RunOutcome stopped = run(spec, store, ledger);

            assertEquals(RunOutcome.Status.STOPPED, stopped.status());
            Matcher message = STOPPED.matcher(stopped.stopReason());
            assertTrue(message.matches(), stopped.stopReason());
            assertEquals(file.toAbsolutePath().toString(), message.group(1));
            int kept = answered(ledger);
            // Counted when the first write failed; a worker whose smaller write still fitted may add one after.
            int said = Integer.parseInt(message.group(2));
            assertTrue(
                    said <= kept && kept - said <= CONCURRENCY,
                    "the message counts what the file keeps: said " + said + ", kept " + kept);
            assertTrue(kept > 0 && kept < 2 * ROWS, "stopped part way: " + kept);
            assertTrue(ledger.failure().isPresent());
            assertEquals(
                    StoreException.Kind.DISK_FULL,
                    ((StoreException) ledger.failure().get().getCause()).kind());
            for (LogRecord record : logged) {
                assertTrue(
                        record.getThrown() == null || record.getLevel().intValue() < Level.INFO.intValue(),
                        "logged with a stack trace: " + record.getMessage());
            }
            // Answered by the server and kept neither in the run nor in the cache: the requests in flight.
            long lostInFlight = server.counters().chatAnswers() - keptOrCached(store, ledger, spec);
            assertTrue(lostInFlight >= 0 && lostInFlight <= CONCURRENCY, "lost in flight: " + lostInFlight);

            store.capPages(-1); // space again
            RunOutcome resumed = run(spec, store, ledger);

            assertEquals(RunOutcome.Status.COMPLETED, resumed.status(), resumed.stopReason());
            assertEquals(2 * ROWS, answered(ledger), "every row answered in the file");
            assertTrue(resumed.rows().stream()
                    .allMatch(r -> r.base().answered() && r.judge().answered()));
            assertEquals(2 * ROWS, server.counters().answersById().size());
            assertTrue(
                    server.counters().duplicateAnswers() <= lostInFlight,
                    "only answers lost in flight were asked again: "
                            + server.counters().duplicateAnswers());
            System.out.printf(
                    "disk full after %d of %d answers; %d lost in flight; %d asked twice after resume%n",
                    kept, 2 * ROWS, lostInFlight, server.counters().duplicateAnswers());
        }
        try (ProjectStore reopened = ProjectStore.open(file)) {
            assertEquals(1, reopened.runRecords().size(), "sound after the failed writes");
        }
    }

    @Test
    void theWriterKeepsCommittingOnceSpaceReturns() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("after.arbiter"))) {
            long run = store.createRun("{}");
            store.capPages(0);
            StoreException full = null;
            for (int row = 0; row < 500 && full == null; row++) {
                try {
                    store.recordResponse(new StoredResponse(
                            run, Stage.BASE, row, "x".repeat(400), null, io.arbiter.core.llm.Usage.NONE, null, false));
                } catch (StoreException e) {
                    full = e;
                }
            }
            assertNotNull(full, "the cap was reached");
            assertEquals(StoreException.Kind.DISK_FULL, full.kind());
            int before = store.responses(run, Stage.BASE).size();

            store.capPages(-1);
            store.recordResponse(new StoredResponse(
                    run, Stage.BASE, 999, "after", null, io.arbiter.core.llm.Usage.NONE, null, false));
            store.updateRunStatus(run, "RUNNING");

            assertEquals(before + 1, store.responses(run, Stage.BASE).size(), "each write committed, none lost");
        }
    }

    @Test
    void theAnswersKeptCountEveryVoteOfAJury() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("jury.arbiter"))) {
            ProjectRunLedger ledger = new ProjectRunLedger(store, store.createRun("{}"));
            io.arbiter.core.llm.Usage none = io.arbiter.core.llm.Usage.NONE;
            ledger.record(Stage.BASE, 0, new io.arbiter.core.run.StageOutcome("a", null, none, false), null);
            ledger.record(Stage.JUDGE, 0, new io.arbiter.core.run.StageOutcome("Correct", null, none, false), null);
            ledger.record(
                    Stage.vote(1, 0), 0, new io.arbiter.core.run.StageOutcome("Correct", null, none, false), null);
            ledger.record(Stage.vote(2, 0), 0, new io.arbiter.core.run.StageOutcome(null, "500", none, false), null);
            store.capPages(0);
            io.arbiter.core.run.RecordFailure stop = null;
            for (int row = 1; row < 500 && stop == null; row++) {
                try {
                    ledger.record(
                            Stage.vote(1, 0),
                            row,
                            new io.arbiter.core.run.StageOutcome("x".repeat(400), null, none, false),
                            null);
                } catch (io.arbiter.core.run.RecordFailure e) {
                    stop = e;
                }
            }
            assertNotNull(stop, "the cap was reached");
            Matcher message = STOPPED.matcher(stop.getMessage());
            assertTrue(message.matches(), stop.getMessage());
            // Worked out: base, judge and juror 2's vote on row 0 (juror 3's failed), plus the votes that fitted.
            int votesThatFitted = ledger.stored(Stage.vote(1, 0)).size() - 1;
            assertEquals(3 + votesThatFitted, Integer.parseInt(message.group(2)));
            assertEquals(2, answered(ledger), "the fixed stages alone would say 2");
        }
    }

    private static RunOutcome run(RunSpec spec, ProjectStore store, ProjectRunLedger ledger) throws Exception {
        try (CachingChatClient client = new CachingChatClient(
                new RetryingChatClient(OpenAiChatClient.withoutSdkRetries(spec.provider()), RetryPolicy.DEFAULT, null),
                store,
                "offline")) {
            return new RunEngine(client, ledger).runToEnd(spec, RunListener.NONE);
        }
    }

    private static int answered(ProjectRunLedger ledger) {
        int answered = 0;
        for (Stage stage : Stage.values()) {
            answered += (int) ledger.stored(stage).values().stream()
                    .filter(o -> o.answered())
                    .count();
        }
        return answered;
    }

    /** Answers the file has for this run, plus those only in its response cache (two writes; a failure between). */
    private static long keptOrCached(ProjectStore store, ProjectRunLedger ledger, RunSpec spec) {
        io.arbiter.core.run.StageRequests requests = new io.arbiter.core.run.StageRequests(spec);
        long count = 0;
        var bases = ledger.stored(Stage.BASE);
        var judges = ledger.stored(Stage.JUDGE);
        for (int row = 0; row < ROWS; row++) {
            var base = bases.get(row);
            if (base != null && base.answered()) {
                count++;
            } else if (store.cached(io.arbiter.core.llm.RequestKey.of("offline", requests.base(row)))
                    .isPresent()) {
                count++;
            }
            var judge = judges.get(row);
            if (judge != null && judge.answered()) {
                count++;
            } else if (base != null
                    && base.answered()
                    && store.cached(io.arbiter.core.llm.RequestKey.of("offline", requests.judge(row, base.text())))
                            .isPresent()) {
                count++;
            }
        }
        return count;
    }
}
