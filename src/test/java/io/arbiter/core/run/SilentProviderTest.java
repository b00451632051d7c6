package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.RetryPolicy;
import io.arbiter.core.llm.RetryingChatClient;
import io.arbiter.core.llm.Timeouts;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that accepts the connection and never answers: each row fails within its time budget with an error
 * that names the timeout and the flag that sets it, and while requests are out the run says what it waits on.
 */
class SilentProviderTest {

    private static final Timeouts SHORT = new Timeouts(Duration.ofMillis(300), Duration.ofMillis(500));

    @Test
    @Timeout(120) // a guard: with the timeouts broken this would hang for minutes instead of failing
    void everyRowFailsWithinItsBudgetNamingTheTimeoutAndTheRunSaysWhatItWaitsOn() throws Exception {
        // max-faults is high enough that no retry could get through: only the budget ends a row.
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .threads(16)
                .faults(FaultPlan.parse("hang=1,max-faults=100"))
                .start()) {
            RunSpec spec = MovieRuns.spec(MovieRuns.movies(6), server.baseUrl().toString(), 3);
            CountDownLatch waited = new CountDownLatch(1);
            AtomicReference<Waiting> seen = new AtomicReference<>();
            RunListener listener = new RunListener() {
                @Override
                public void progress(StageProgress progress) {}

                @Override
                public void rowUpdated(RowResult row) {}

                @Override
                public void waiting(Waiting waiting) {
                    if (waiting.any()) {
                        seen.set(waiting);
                        waited.countDown();
                    }
                }
            };
            RunOutcome outcome;
            try (ChatClient client = RetryingChatClient.openAi(
                    spec.provider().withTimeouts(SHORT), RetryPolicy.DEFAULT.with(SHORT), null)) {
                outcome = new RunEngine(client)
                        .waitingNotice(Duration.ofMillis(1))
                        .runToEnd(spec, listener);
            }

            assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
            assertEquals(6, outcome.unanswered().rows());
            for (RowResult row : outcome.rows()) {
                String error = row.base().error();
                assertTrue(
                        error != null
                                && error.contains("within 0.3 s")
                                && error.contains("--request-timeout")
                                && error.contains("--row-timeout"),
                        "row " + row.row() + ": " + error);
            }
            assertTrue(waited.await(0, TimeUnit.SECONDS), "the run said it was waiting");
            assertTrue(
                    seen.get().describe().startsWith("waiting on "), seen.get().describe());
            assertEquals(0, server.counters().chatAnswers(), "nothing was answered, so nothing was paid");
        }
    }
}
