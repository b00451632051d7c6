package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.InMemoryResponseCache;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.run.RunLedger;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.BatchFolder;
import io.arbiter.offline.BatchPace;
import io.arbiter.offline.OfflineProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client stack both faces run through: what it counts, what the cache answers, where batch files go. */
class RunClientsTest {

    @TempDir
    Path dir;

    @Test
    void aProviderOnThisMachineIsPolledEveryQuarterSecondARemoteOneEveryTen() {
        for (String local :
                new String[] {"http://127.0.0.1:8089/v1", "http://localhost:11434/v1", "http://[::1]:8000/v1"}) {
            assertEquals(Duration.ofMillis(250), RunClients.pollInterval(local), local);
        }
        assertEquals(Duration.ofSeconds(10), RunClients.pollInterval("https://api.openai.com/v1"));
        assertEquals(Duration.ofSeconds(10), RunClients.pollInterval("http://10.0.0.5:8000/v1"));
    }

    @Test
    void requestsCountWhatReachedTheProviderAndTheCacheAnswersTheRest() throws Exception {
        try (OfflineProvider offline = OfflineProvider.start(4)) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(12), offline.profile().baseUrl(), 4);
            InMemoryResponseCache cache = new InMemoryResponseCache();
            long sent;
            try (RunClients first =
                    RunClients.realtime(spec.provider(), RunRecorder.OFFLINE, cache, null, RunLedger.NONE)) {
                RunOutcome outcome = first.engine().runToEnd(spec, RunListener.NONE);
                assertEquals(RunOutcome.Status.COMPLETED, outcome.status());
                sent = first.requests();
                assertEquals(offline.server().counters().chatAttempts(), sent, "counted where they leave");
                assertEquals(sent, first.cacheMisses());
                assertEquals(0, first.cacheHits());
                assertTrue(first.firstSentNanos() > 0);
            }
            try (RunClients again =
                    RunClients.realtime(spec.provider(), RunRecorder.OFFLINE, cache, null, RunLedger.NONE)) {
                again.engine().runToEnd(spec, RunListener.NONE);
                assertEquals(0, again.requests(), "a cache hit is never counted");
                assertEquals(sent, again.cacheHits());
                assertEquals(sent, offline.server().counters().chatAttempts());
            }
        }
    }

    @Test
    void aBatchRunWritesItsFilesBesideTheProjectAndCountsItsLinesUntilClosed() throws Exception {
        Path file = dir.resolve("batch.arbiter");
        try (OfflineProvider offline = OfflineProvider.start(4, BatchPace.FAST);
                Project project = Project.open(file)) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(12), offline.profile().baseUrl(), 4);
            Recording recording = new RunRecorder()
                    .begin(project, new RunStart(spec, "movies-12", null, RunRecorder.OFFLINE, RunMode.BATCH));
            try (RunClients clients = RunClients.batch(
                    spec.provider(),
                    RunRecorder.OFFLINE,
                    project.store(),
                    new RunClients.Batches(recording.ledger(), recording.runId(), file, Duration.ofMillis(20), null),
                    recording.ledger())) {
                assertTrue(clients.batch());
                assertTrue(Files.isDirectory(BatchFolder.besidePath(file)));
                RunOutcome outcome = clients.engine().runToEnd(spec, RunListener.NONE);
                assertEquals(RunOutcome.Status.COMPLETED, outcome.status());
                assertEquals(offline.server().counters().batchLinesProcessed(), clients.requests());
                assertTrue(clients.requests() >= 12, "every row's base line at least");
            }
            assertFalse(Files.exists(BatchFolder.besidePath(file)), "removed when the run's clients close");
        }
    }
}
