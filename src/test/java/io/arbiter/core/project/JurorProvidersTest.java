package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JurorProvider;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageRequests;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.offline.OfflineServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jurors on two providers, each an embedded offline server of its own: every vote goes to its juror's server (counted
 * there), the same model on both is two cache entries and two requests, and a resumed or repeated run sends nothing.
 */
class JurorProvidersTest {

    private static final int ROWS = 12;

    @TempDir
    Path dir;

    @Test
    void eachVoteGoesToItsJurorsProviderAndTheSameModelOnTwoProvidersIsTwoAnswers() throws Exception {
        try (OfflineServer first = OfflineServer.start(0);
                OfflineServer second = OfflineServer.start(0);
                ProjectStore store = ProjectStore.open(dir.resolve("two.arbiter"))) {
            // The run's judge, the same model on the second server, and another model on the run's own.
            JudgePanel panel = JudgePanel.of(
                            List.of("offline-demo-judge", "offline-demo-judge@second", "offline-demo-judge-2"),
                            1,
                            false)
                    .withProviders(Map.of("second", profile("second", second)));
            RunSpec spec = MovieRuns.spec(
                            MovieRuns.movies(ROWS), first.baseUrl().toString(), 4)
                    .withPanel(panel);
            ProjectRunLedger ledger = new ProjectRunLedger(store, store.createRun("{}"));

            RunOutcome outcome = run(spec, store, ledger);

            assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
            for (RowResult row : outcome.rows()) {
                for (Stage vote : panel.votes()) {
                    assertTrue(row.outcome(vote).answered(), "row " + row.row() + " " + vote.name());
                }
            }
            // Worked out: the first server answers every base request and jurors 1 and 3; the second, juror 2.
            assertEquals(3L * ROWS, first.counters().chatAnswers());
            assertEquals(ROWS, second.counters().chatAnswers(), "the same model there was not served from the cache");
            StageRequests requests = new StageRequests(spec);
            String answer = outcome.rows().get(0).base().text();
            assertNotEquals(
                    RequestKey.of(first.baseUrl().toString(), requests.judge(Stage.JUDGE, 0, answer)),
                    RequestKey.of(first.baseUrl().toString(), requests.judge(Stage.vote(1, 0), 0, answer)),
                    "a juror's provider is part of its request key");

            RunOutcome resumed = run(spec, store, ledger);
            RunOutcome again = run(spec, store, new ProjectRunLedger(store, store.createRun("{}")));

            assertEquals(RunOutcome.Status.COMPLETED, resumed.status());
            assertEquals(RunOutcome.Status.COMPLETED, again.status());
            assertEquals(3L * ROWS, first.counters().chatAnswers(), "resumed and re-run from the ledger and cache");
            assertEquals(ROWS, second.counters().chatAnswers());
            for (Stage vote : panel.votes()) { // the cache gave each juror its own answer back
                assertEquals(
                        outcome.rows().get(3).outcome(vote).text(),
                        again.rows().get(3).outcome(vote).text(),
                        vote.name());
                assertTrue(again.rows().get(3).outcome(vote).fromCache(), vote.name());
            }
        }
    }

    @Test
    void aBatchRunRefusesJurorsOnOtherProviders() throws Exception {
        try (OfflineServer second = OfflineServer.start(0)) {
            JudgePanel panel = JudgePanel.of(List.of("offline-demo-judge", "offline-demo-judge@second"), 1, false)
                    .withProviders(Map.of("second", profile("second", second)));
            RunSpec spec = MovieRuns.spec(MovieRuns.movies(2), second.baseUrl().toString(), 1)
                    .withPanel(panel);
            RunClients.Batches batches = new RunClients.Batches(
                    new io.arbiter.core.run.InMemoryRunLedger(), 1, null, java.time.Duration.ofMillis(20), null);
            IllegalArgumentException refused;
            try (RunClients clients = RunClients.batch(
                    spec.provider(), spec.provider().baseUrl(), null, batches, io.arbiter.core.run.RunLedger.NONE)) {
                refused = assertThrows(
                        IllegalArgumentException.class, () -> clients.engine().runToEnd(spec, RunListener.NONE));
            }
            assertEquals(0, second.counters().chatAttempts() + second.counters().batchLinesProcessed());
            assertTrue(refused.getMessage().contains("realtime"), refused.getMessage());
        }
    }

    private static RunOutcome run(RunSpec spec, ProjectStore store, ProjectRunLedger ledger) throws Exception {
        try (RunClients clients =
                RunClients.realtime(spec.provider(), spec.provider().baseUrl(), store, null, ledger, spec.panel())) {
            return clients.engine().runToEnd(spec, RunListener.NONE);
        }
    }

    /** The provider a saved profile for {@code server} gives a juror: no key, no rate limit. */
    private static JurorProvider profile(String name, OfflineServer server) {
        return new JurorProvider(
                name,
                new io.arbiter.core.llm.ProviderProfile(
                        name, server.baseUrl().toString(), null, "offline-demo-base", "offline-demo-judge", 0.0, 64, 4),
                0,
                0);
    }
}
