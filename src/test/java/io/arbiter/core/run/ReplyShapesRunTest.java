package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.export.ResultsCsvWriter;
import io.arbiter.core.llm.BatchSharder;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.RetryPolicy;
import io.arbiter.core.llm.RetryingChatClient;
import io.arbiter.core.llm.Sleeper;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.FaultPlan.Kind;
import io.arbiter.offline.OfflineServer;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies that are not plain answers, from the offline server's fault plans, through the real engine, retry layer,
 * openai-java and project store: every row ends answered or with an error that says why, reasoning is kept apart
 * and never reaches the judge, and a reply that arrived whole is never asked for again (counted at the server).
 */
class ReplyShapesRunTest {

    private static final int ROWS = 40;
    private static final RetryPolicy FAST =
            new RetryPolicy(6, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(5));
    private static final String REASONING = "offline fault plan reasoning";

    @TempDir
    Path dir;

    @Test
    void aThinkBlockIsReasoningTheAnswerAfterItIsParsedAndTheJudgeNeverSeesIt() throws Exception {
        Run run = realtime(Kind.THINK);

        run.assertEveryRowAnswered();
        List<RowResult> thought = run.rows(r -> r.base().reasoning() != null);
        assertFalse(thought.isEmpty());
        Map<Integer, String> plain = plainAnswers();
        for (RowResult row : thought) {
            assertTrue(row.base().reasoning().contains(REASONING), row.base().reasoning());
            assertEquals(plain.get(row.row()).strip(), row.base().text().strip(), "the answer after the block");
        }
        assertTrue(
                run.judgeUserMessages.stream().noneMatch(m -> m.contains(REASONING) || m.contains("<think>")),
                "reasoning was sent on to the judge");
        assertTrue(
                run.storedBase.values().stream()
                        .anyMatch(o -> o.reasoning() != null && o.reasoning().contains(REASONING)),
                "reasoning is stored");
        StringWriter csv = new StringWriter();
        new ResultsCsvWriter().write(csv, run.spec.dataset(), List.of("Title"), run.outcome.rows());
        assertTrue(csv.toString().contains(REASONING), "the CSV's base_reasoning column");
        run.assertEachRequestSentOnce();
    }

    @Test
    void aReasoningFieldIsKeptAsReasoning() throws Exception {
        Run run = realtime(Kind.REASONING_FIELD);

        run.assertEveryRowAnswered();
        assertFalse(run.rows(r ->
                        r.base().reasoning() != null && r.base().reasoning().contains(REASONING))
                .isEmpty());
        assertTrue(run.judgeUserMessages.stream().noneMatch(m -> m.contains(REASONING)));
        run.assertEachRequestSentOnce();
    }

    @Test
    void contentPartsAreJoinedAndInvalidUtf8IsKeptWithReplacementCharacters() throws Exception {
        Map<Integer, String> plain = plainAnswers();
        Run parts = realtime(Kind.PARTS);
        parts.assertEveryRowAnswered();
        for (RowResult row : parts.outcome.rows()) {
            assertEquals(plain.get(row.row()), row.base().text(), "the parts joined are the whole answer");
        }
        parts.assertEachRequestSentOnce();

        Run bad = realtime(Kind.BAD_UTF8);
        bad.assertEveryRowAnswered();
        List<RowResult> replaced = bad.rows(r -> r.base().text().contains("\uFFFD"));
        assertFalse(replaced.isEmpty());
        for (RowResult row : replaced) {
            assertTrue(
                    row.base().text().startsWith(plain.get(row.row()) + "\n\uFFFD("),
                    row.base().text());
        }
        bad.assertEachRequestSentOnce();
    }

    @Test
    void aRefusalIsTheRowsErrorSentOnce() throws Exception {
        Run run = realtime(Kind.REFUSAL);

        run.assertFailuresAreTheFaults(e -> e.startsWith("refused: I'm sorry, but I can't help"));
        run.assertEachRequestSentOnce();
    }

    @Test
    void aCutOffNamesTheMaxTokensAndIsSentOnce() throws Exception {
        Run run = realtime(Kind.LENGTH);

        run.assertFailuresAreTheFaults(e -> e.equals("cut off at max tokens (64); raise Max tokens"));
        assertTrue(run.outcome.baseUsage().completionTokens() >= 64, "the cut-off's tokens are counted");
        run.assertEachRequestSentOnce();
    }

    @Test
    void anErrorIn200IsTheRowsErrorUnlessItsCodeIsRetryable() throws Exception {
        Run filtered = realtime(Kind.ERROR_200);
        filtered.assertFailuresAreTheFaults(e -> e.contains("(content_filter)") && e.contains("content filter"));
        filtered.assertEachRequestSentOnce();

        Run overloaded = realtime(Kind.ERROR_200_RETRYABLE);
        overloaded.assertEveryRowAnswered();
        assertTrue(
                overloaded.server.counters().attemptsByRequest().values().stream()
                        .anyMatch(n -> n > 1),
                "a retryable error object is sent again");
        assertEquals(0, overloaded.server.counters().duplicateAnswers());
    }

    @Test
    void aWhole200ThatIsNoChatCompletionIsRecordedOnceWithItsBody() throws Exception {
        Run run = realtime(Kind.UNREADABLE_200);

        run.assertFailuresAreTheFaults(e -> e.contains("could not be read as a chat completion"));
        for (RowResult row : run.rows(RowResult::failed)) {
            StageOutcome failed = row.base().failed() ? row.base() : row.judge();
            assertTrue(failed.rawBody().contains("gateway.notice"), failed.rawBody());
        }
        assertTrue(
                run.storedBase.values().stream()
                        .anyMatch(o -> o.rawBody() != null && o.rawBody().contains("gateway.notice")),
                "the body is stored");
        run.assertEachRequestSentOnce();
    }

    @Test
    void batchOutputLinesAreReadTheSameWayAndNoLineIsSentTwice() throws Exception {
        String plan = "think=0.3,refusal=0.15,unreadable-200=0.15,seed=4";
        try (OfflineServer server =
                OfflineServer.builder().port(0).faults(FaultPlan.parse(plan)).start()) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(ROWS), server.baseUrl().toString(), 4);
            InMemoryRunLedger ledger = new InMemoryRunLedger();
            RunOutcome outcome;
            long sent;
            try (OpenAiBatchClient client = new OpenAiBatchClient(spec.provider())) {
                BatchStageRunner runner = new BatchStageRunner(
                        client, ledger, 3, null, Duration.ofMillis(20), dir, new BatchSharder(), Sleeper.SYSTEM);
                outcome = RunEngine.batch(runner, ledger).runToEnd(spec, RunListener.NONE);
                sent = runner.linesSent();
            }
            assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
            assertEveryRowEndsAnsweredOrWithItsError(outcome.rows());
            assertFalse(rows(
                            outcome,
                            r -> r.base().reasoning() != null
                                    && r.base().reasoning().contains(REASONING)
                                    && r.baseAnswer().label() != null)
                    .isEmpty());
            assertFalse(rows(
                            outcome,
                            r -> r.failed()
                                    && (r.base().failed() ? r.base() : r.judge())
                                            .error()
                                            .contains("refused: I'm sorry"))
                    .isEmpty());
            assertFalse(rows(
                            outcome,
                            r -> r.failed()
                                    && (r.base().failed() ? r.base() : r.judge()).rawBody() != null
                                    && (r.base().failed() ? r.base() : r.judge())
                                            .rawBody()
                                            .contains("gateway.notice"))
                    .isEmpty());
            long judged =
                    outcome.rows().stream().filter(r -> r.base().answered()).count();
            assertEquals(ROWS + judged, sent, "each stage's lines were sent once, none again");
            assertEquals(sent, server.counters().batchLinesProcessed());
            assertEquals(0, server.counters().duplicateAnswers());
        }
    }

    // Running and checking

    private Run realtime(Kind kind) throws Exception {
        OfflineServer server = OfflineServer.builder()
                .port(0)
                .faults(FaultPlan.parse(kind.key() + "=0.4,seed=" + kind.ordinal()))
                .start();
        try (ProjectStore store = ProjectStore.open(dir.resolve(kind.key() + ".arbiter"))) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(ROWS), server.baseUrl().toString(), 4);
            ProjectRunLedger ledger = new ProjectRunLedger(store, store.createRun("{}"));
            ConcurrentLinkedQueue<String> judgeMessages = new ConcurrentLinkedQueue<>();
            RunOutcome outcome;
            try (ChatClient client = new RetryingChatClient(
                    new Recording(OpenAiChatClient.withoutSdkRetries(spec.provider()), judgeMessages), FAST, null)) {
                outcome = new RunEngine(client, ledger).runToEnd(spec, RunListener.NONE);
            }
            assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
            assertTrue(server.counters().faults(kind) > 0, "the plan injected no " + kind.key());
            assertEveryRowEndsAnsweredOrWithItsError(outcome.rows());
            return new Run(server, spec, outcome, ledger.stored(Stage.BASE), List.copyOf(judgeMessages), kind);
        } finally {
            server.close();
        }
    }

    /** Each row's base answer from a server without faults: the demo model answers a prompt the same every time. */
    private static Map<Integer, String> plainAnswers() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            RunSpec spec =
                    MovieRuns.spec(MovieRuns.movies(ROWS), server.baseUrl().toString(), 4);
            try (ChatClient client = OpenAiChatClient.withoutSdkRetries(spec.provider())) {
                RunOutcome outcome = new RunEngine(client).runToEnd(spec, RunListener.NONE);
                Map<Integer, String> answers = new java.util.HashMap<>();
                outcome.rows().forEach(r -> answers.put(r.row(), r.base().text()));
                return answers;
            }
        }
    }

    private static void assertEveryRowEndsAnsweredOrWithItsError(List<RowResult> rows) {
        assertEquals(ROWS, rows.size());
        for (RowResult row : rows) {
            assertTrue(row.base().answered() != row.base().failed(), "row " + row.row() + " base: " + row.base());
            if (row.base().answered()) {
                assertTrue(
                        row.judge().answered() != row.judge().failed(), "row " + row.row() + " judge: " + row.judge());
            }
            if (row.failed()) {
                assertNull(row.verdict(), "a failed row is never a verdict");
            }
        }
    }

    private static List<RowResult> rows(RunOutcome outcome, Predicate<RowResult> which) {
        return outcome.rows().stream().filter(which).toList();
    }

    /** A run's outcome, its base stage as read back from the project file, and what its judge was sent. */
    private record Run(
            OfflineServer server,
            RunSpec spec,
            RunOutcome outcome,
            Map<Integer, StageOutcome> storedBase,
            List<String> judgeUserMessages,
            Kind kind) {

        List<RowResult> rows(Predicate<RowResult> which) {
            return ReplyShapesRunTest.rows(outcome, which);
        }

        void assertEveryRowAnswered() {
            assertEquals(0, outcome.metrics().errors(), String.valueOf(rows(RowResult::failed)));
            assertTrue(outcome.rows().stream()
                    .allMatch(r -> r.base().answered() && r.judge().answered()));
        }

        /** Every injected fault is exactly one stage's error, as expected, and nothing else failed. */
        void assertFailuresAreTheFaults(Predicate<String> expected) {
            long failures = 0;
            for (RowResult row : outcome.rows()) {
                for (StageOutcome stage : List.of(row.base(), row.judge())) {
                    if (stage.failed()) {
                        failures++;
                        assertTrue(expected.test(stage.error()), "row " + row.row() + ": " + stage.error());
                    }
                }
            }
            assertEquals(server.counters().faults(kind), failures);
        }

        /** A reply that arrived whole is final: the server saw each request body once and answered none twice. */
        void assertEachRequestSentOnce() {
            Map<String, Long> attempts = server.counters().attemptsByRequest();
            long requests = outcome.rows().stream()
                    .mapToLong(r -> StageRequests.judgeable(r.base()) ? 2 : 1)
                    .sum();
            assertEquals(requests, attempts.size(), "one request per row and stage");
            assertTrue(attempts.values().stream().allMatch(n -> n == 1), "a request was sent again: " + attempts);
            assertEquals(0, server.counters().duplicateAnswers());
        }
    }

    /** Notes what the judge is sent, between the retry layer and openai-java. */
    private record Recording(ChatClient delegate, ConcurrentLinkedQueue<String> judgeUserMessages)
            implements ChatClient {

        @Override
        public ChatReply complete(ChatRequest request) throws ChatFailure {
            if (request.model().contains("judge")) {
                judgeUserMessages.add(request.system() + "\n" + request.user());
            }
            return delegate.complete(request);
        }

        @Override
        public List<String> models() throws ChatFailure {
            return delegate.models();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
