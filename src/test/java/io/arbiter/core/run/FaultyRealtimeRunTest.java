package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.RetryPolicy;
import io.arbiter.core.llm.RetryingChatClient;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 rows through both stages in realtime, through the real engine, retry layer, openai-java and project store,
 * against a server throwing 429s with Retry-After, 500s, 503s, resets, slow and malformed replies. With fewer
 * attempts than the server may fault, some rows end with an explicit, retryable error (never a verdict); a resume
 * from the store sends only those, and the server never answered any prompt twice.
 */
class FaultyRealtimeRunTest {

    private static final int ROWS = 2000;
    private static final String PLAN = "429=0.05:retry-after=0,500=0.03,503=0.03,reset=0.02,slow=0.05:20ms,"
            + "malformed=0.03,max-faults=3,seed=5";
    private static final RetryPolicy FAST =
            new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(10));

    @TempDir
    Path dir;

    @Test
    void everyRowEndsAnsweredOrWithAnExplicitErrorAndAResumeFinishesWithoutDuplicates() throws Exception {
        try (OfflineServer server = OfflineServer.builder()
                        .port(0)
                        .faults(FaultPlan.parse(PLAN))
                        .start();
                ProjectStore store = ProjectStore.open(dir.resolve("faults.arbiter"))) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(ROWS), server.baseUrl().toString(), 32);
            ProjectRunLedger ledger = new ProjectRunLedger(store, store.createRun("{}"));

            RunOutcome first;
            try (RetryingChatClient client =
                    new RetryingChatClient(OpenAiChatClient.withoutSdkRetries(spec.provider()), FAST, null)) {
                first = new RunEngine(client, ledger).runToEnd(spec, RunListener.NONE);
            }
            assertEquals(RunOutcome.Status.COMPLETED, first.status(), first.stopReason());
            int errors = 0;
            for (RowResult row : first.rows()) {
                boolean baseOk = row.base().answered() && !row.base().failed();
                assertTrue(baseOk || row.base().failed(), "row " + row.row() + " has neither answer nor error");
                if (row.failed()) {
                    errors++;
                    assertEquals(null, row.verdict(), "a failed row is never a verdict");
                    String error = row.base().failed()
                            ? row.base().error()
                            : row.judge().error();
                    assertTrue(error.contains("gave up after 3 attempts"), error);
                } else {
                    assertTrue(row.judge().answered(), "row " + row.row());
                }
            }
            assertTrue(errors > 0, "the plan should outlast three attempts for some rows");
            assertEquals(errors, first.metrics().errors());

            RunOutcome resumed;
            try (RetryingChatClient client =
                    new RetryingChatClient(OpenAiChatClient.withoutSdkRetries(spec.provider()), FAST, null)) {
                resumed = new RunEngine(client, ledger).runToEnd(spec, RunListener.NONE);
            }
            assertEquals(0, resumed.metrics().errors());
            assertTrue(resumed.rows().stream()
                    .allMatch(r -> r.base().answered() && r.judge().answered()));
            assertEquals(2 * ROWS, server.counters().answersById().size());
            assertEquals(0, server.counters().duplicateAnswers(), "nothing answered twice");
            System.out.printf(
                    "%d rows: %d ended with an error after 3 attempts, all answered on resume; "
                            + "%d chat attempts for %d answers%n",
                    ROWS,
                    errors,
                    server.counters().chatAttempts(),
                    server.counters().chatAnswers());
        }
    }
}
