package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.verdict.Evaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine's own logic, against scripted clients; the real HTTP path is covered by the offline tests. */
class RunEngineTest {

    private static final PromptPair PROMPTS = PromptPair.of(
            "Pick one of {{labels}}.\n[user]\n{{Text}}", "Judge it.\n[user]\n{{Text}}\nAnswer: \"{{base_answer}}\"");

    @Test
    void baseThenJudgeFillEveryRowAndTheMetricsCountThem() {
        // Rows: 0 truth A answers A (judge agrees), 1 truth B answers A (judge says Incorrect, predicts B),
        // 2 truth A answers "a." (normalised to A; judge Correct), 3 truth B answers gibberish (unparsed base).
        Dataset data = dataset("A", "B", "A", "B");
        ScriptedClient client = new ScriptedClient(request -> {
            if (request.model().equals("base")) {
                return switch (row(request)) {
                    case 0, 1 -> "A";
                    case 2 -> "a.";
                    default -> "no idea";
                };
            }
            return switch (row(request)) {
                case 0, 2 -> "A,Correct";
                case 1 -> "B,Incorrect";
                default -> "B,Incorrect";
            };
        });
        RunOutcome outcome = new RunEngine(client).runToEnd(spec(data, 4), RunListener.NONE);

        assertEquals(RunOutcome.Status.COMPLETED, outcome.status());
        assertEquals(8, client.calls.get());
        assertEquals("A", outcome.rows().get(2).baseAnswer().label());
        assertEquals("a.", outcome.rows().get(2).base().text());
        assertEquals(Evaluation.INCORRECT, outcome.rows().get(1).verdict().evaluation());
        // base vs judge: Correct on rows 0,2 of 4 verdicts → 2/4; base vs truth: rows 0,2 right of 0,1,2 → 2/3;
        // judge vs truth: predictions A,B,A,B against A,B,A,B → 4/4; one unparsed base answer.
        assertEquals(2, outcome.metrics().baseVsJudge().hits());
        assertEquals(4, outcome.metrics().baseVsJudge().n());
        assertEquals(2, outcome.metrics().baseVsTruth().hits());
        assertEquals(3, outcome.metrics().baseVsTruth().n());
        assertEquals(4, outcome.metrics().judgeVsTruth().hits());
        assertEquals(1, outcome.metrics().unparsedBase());
        assertEquals(new Usage(8, 8), outcome.baseUsage().plus(outcome.judgeUsage()));
    }

    @Test
    void theJudgeSeesTheBaseAnswerAsTheModelWroteIt() {
        List<String> judgeMessages = new CopyOnWriteArrayList<>();
        ScriptedClient client = new ScriptedClient(request -> {
            if (request.model().equals("judge")) {
                judgeMessages.add(request.user());
                return "A,Incorrect";
            }
            return "  \"a\".\n";
        });
        new RunEngine(client).runToEnd(spec(dataset("A"), 1), RunListener.NONE);
        assertEquals(List.of("row 0\nAnswer: \"\"a\".\""), judgeMessages);
    }

    @Test
    void aFailedRequestIsRecordedOnItsRowAndSkipsTheJudge() {
        ScriptedClient client = new ScriptedClient(request -> {
            if (request.model().equals("base") && row(request) == 1) {
                throw new ChatFailure("The provider answered 500: boom", false, null);
            }
            return request.model().equals("base") ? "A" : "A,Correct";
        });
        RunOutcome outcome = new RunEngine(client).runToEnd(spec(dataset("A", "A", "A"), 2), RunListener.NONE);

        RowResult failed = outcome.rows().get(1);
        assertEquals("The provider answered 500: boom", failed.base().error());
        assertNull(failed.verdict());
        assertEquals(1, outcome.metrics().errors());
        assertEquals(2, outcome.metrics().baseVsJudge().n(), "the failed row is no verdict");
        assertEquals(5, client.calls.get(), "3 base requests, 2 judge requests");
    }

    @Test
    void judgeOnlyModeTakesTheAnswersFromTheColumnAndAsksOnlyTheJudge() {
        List<String> models = new CopyOnWriteArrayList<>();
        ScriptedClient client = new ScriptedClient(request -> {
            models.add(request.model());
            return "A,Correct";
        });
        List<String[]> cells = List.of(
                new String[] {"row 0", "A", "A"}, new String[] {"row 1", "B", "a."}, new String[] {"row 2", "A", " "});
        Dataset data = new Dataset("logs.csv", List.of("Text", "Truth", "Answer"), cells);
        ColumnMapping mapping = new ColumnMapping(List.of("Text"), "Truth", ",", "Answer", java.util.Map.of());
        ProviderProfile profile =
                new ProviderProfile("scripted", "http://127.0.0.1:1/v1", null, "base", "judge", 0, 16, 2);
        RunOutcome outcome =
                new RunEngine(client).runToEnd(RunSpec.of(data, mapping, PROMPTS, profile), RunListener.NONE);

        assertEquals(List.of("judge", "judge"), models, "no base request; the blank answer is not judged");
        assertEquals("A", outcome.rows().get(1).baseAnswer().label());
        // base vs truth: row 0 A∈{A} right, row 1 A∉{B} wrong, row 2 blank → unparsed: 1/2
        assertEquals(1, outcome.metrics().baseVsTruth().hits());
        assertEquals(2, outcome.metrics().baseVsTruth().n());
        assertEquals(1, outcome.metrics().unparsedBase());
    }

    @Test
    void promotedRowsAreLeftOutOfTheMetrics() {
        ScriptedClient client = new ScriptedClient(request -> request.model().equals("base") ? "A" : "A,Correct");
        RunSpec spec = spec(dataset("A", "B", "A"), 1)
                .withExamples(List.of(new io.arbiter.core.prompt.FewShotExample(1, "A", false, "B")));
        RunOutcome outcome = new RunEngine(client).runToEnd(spec, RunListener.NONE);
        // rows 0 and 2 only: base A∈{A} twice → 2/2; the wrong row 1 is an example, not a measurement
        assertEquals(2, outcome.metrics().rows());
        assertEquals(2, outcome.metrics().baseVsTruth().hits());
        assertEquals(2, outcome.metrics().baseVsTruth().n());
        assertEquals(3, outcome.rows().size(), "the promoted row still has its results");
    }

    @Test
    void aSelectionRunsOnlyThoseRowsAndKeepsTheirIndices() {
        List<Integer> asked = new CopyOnWriteArrayList<>();
        List<StageProgress> progress = new CopyOnWriteArrayList<>();
        ScriptedClient client = new ScriptedClient(request -> {
            asked.add(row(request));
            // Row 4 is wrong (truth B), so the figures show whether only the selection was counted.
            return request.model().equals("base") ? "A" : (row(request) == 4 ? "B,Incorrect" : "A,Correct");
        });
        RunSpec spec = spec(dataset("A", "A", "B", "A", "B", "A"), 2).withSelection(List.of(4, 1, 4));
        RunListener listener = new RunListener() {
            @Override
            public void progress(StageProgress p) {
                progress.add(p);
            }

            @Override
            public void rowUpdated(RowResult row) {}
        };
        RunOutcome outcome = new RunEngine(client).runToEnd(spec, listener);

        assertEquals(4, client.calls.get(), "two rows, two stages each");
        assertEquals(List.of(1, 1, 4, 4), asked.stream().sorted().toList());
        assertEquals(List.of(1, 4), outcome.rows().stream().map(RowResult::row).toList());
        assertEquals(List.of("B"), outcome.rows().get(1).truth(), "row 4 keeps its own truth");
        assertEquals(2, outcome.metrics().rows());
        assertEquals(1, outcome.metrics().baseVsTruth().hits());
        assertEquals(2, outcome.metrics().baseVsTruth().n());
        assertTrue(
                progress.stream().filter(p -> p.total() > 0).allMatch(p -> p.total() == 2),
                "the bars count the selection: " + progress);
    }

    @Test
    void aSelectionOutsideTheDatasetIsRefused() {
        RunSpec spec = spec(dataset("A", "B"), 1);
        IllegalArgumentException outside = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> spec.withSelection(List.of(0, 2)));
        assertTrue(outside.getMessage().contains("row index 2"), outside.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> spec.withSelection(List.of()));
    }

    @Test
    void aBugWhileHandlingARowIsRecordedOnThatRowNotLost() {
        ScriptedClient client = new ScriptedClient(request -> {
            if (request.model().equals("base") && row(request) == 0) {
                throw new IllegalArgumentException("boom");
            }
            return request.model().equals("base") ? "A" : "A,Correct";
        });
        RunOutcome outcome = new RunEngine(client).runToEnd(spec(dataset("A", "A"), 1), RunListener.NONE);
        assertEquals(RunOutcome.Status.COMPLETED, outcome.status());
        assertTrue(
                outcome.rows().get(0).base().error().startsWith("Internal error: "),
                outcome.rows().get(0).base().error());
        assertEquals(1, outcome.metrics().errors());
    }

    @Test
    void aRefusedKeyStopsTheRunInsteadOfFailingEveryRow() {
        ScriptedClient client = new ScriptedClient(request -> {
            throw new ChatFailure("The provider refused the API key (401).", true, null);
        });
        RunOutcome outcome = new RunEngine(client).runToEnd(spec(dataset(repeat("A", 200)), 1), RunListener.NONE);
        assertEquals(RunOutcome.Status.STOPPED, outcome.status());
        assertEquals("The provider refused the API key (401).", outcome.stopReason());
        assertTrue(client.calls.get() < 5, "stopped after " + client.calls.get() + " requests");
    }

    @Test
    void cancelReturnsPromptlyAndKeepsFinishedRows() throws Exception {
        CountDownLatch fiveRecorded = new CountDownLatch(5);
        CountDownLatch testOver = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        ScriptedClient client = new ScriptedClient(request -> {
            if (answered.incrementAndGet() > 5) {
                testOver.await(); // a provider that does not answer: Cancel must not wait for it
            }
            return "A";
        });
        RunListener countRows = new RunListener() {
            @Override
            public void progress(StageProgress progress) {}

            @Override
            public void rowUpdated(RowResult row) {
                fiveRecorded.countDown();
            }
        };
        RunHandle handle = new RunEngine(client).start(spec(dataset(repeat("A", 100)), 1), countRows);
        assertTrue(fiveRecorded.await(30, TimeUnit.SECONDS));
        handle.cancel();
        // The provider never answers the requests in flight, so the run ending at all shows Cancel did not wait.
        RunOutcome outcome = handle.outcome().get(30, TimeUnit.SECONDS);
        testOver.countDown();
        assertEquals(RunOutcome.Status.CANCELLED, outcome.status());
        // A row's judge request may go out among the base requests, so the five are counted over both stages.
        long kept = outcome.rows().stream().filter(r -> r.base().answered()).count()
                + outcome.rows().stream().filter(r -> r.judge().answered()).count();
        assertEquals(5, kept, "the five finished requests are kept");
        assertEquals(0, outcome.metrics().errors(), "rows cut off by Cancel are not errors");
    }

    @Test
    void aRowIsJudgedAsSoonAsItsBaseAnswerIsInNotWhenTheWholeStageIs() {
        CountDownLatch judgeAsked = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        ScriptedClient client = new ScriptedClient(request -> {
            if (request.model().equals("judge")) {
                judgeAsked.countDown();
                return "A,Correct";
            }
            if (row(request) == 2) {
                // The slow last base reply: a free worker should judge row 0 or 1 meanwhile.
                overlapped.set(judgeAsked.await(5, TimeUnit.SECONDS));
            }
            return "A";
        });

        RunOutcome outcome = new RunEngine(client).runToEnd(spec(dataset("A", "A", "A"), 2), RunListener.NONE);

        assertTrue(overlapped.get(), "a judge request went out while a base request was still waiting");
        assertEquals(3, outcome.metrics().baseVsJudge().n());
        assertEquals(6, client.calls.get());
    }

    @Test
    void everyWorkerIsReadyBeforeTheFirstRequestGoesOut() {
        Set<Thread> before = runWorkers();
        AtomicInteger readyAtFirst = new AtomicInteger(-1);
        ScriptedClient client = new ScriptedClient(request -> {
            Set<Thread> now = runWorkers();
            now.removeAll(before);
            readyAtFirst.compareAndSet(-1, now.size());
            return request.model().equals("base") ? "A" : "A,Correct";
        });

        new RunEngine(client).runToEnd(spec(dataset(repeat("A", 20)), 8), RunListener.NONE);

        // Started one by one as requests were queued, the first request went out with one or two workers up.
        assertEquals(8, readyAtFirst.get(), "workers up when the first request went out");
    }

    private static Set<Thread> runWorkers() {
        Set<Thread> workers = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("run-worker-")) {
                workers.add(thread);
            }
        }
        return workers;
    }

    @Test
    void aRunOfMoreRowsThanAPhaserHasPartiesIsJudgedToTheLastRow() {
        ScriptedClient client = new ScriptedClient(request -> request.model().equals("base") ? "A" : "A,Correct");

        RunOutcome outcome = new RunEngine(client).runToEnd(spec(dataset(repeat("A", 70_000)), 16), RunListener.NONE);

        assertEquals(RunOutcome.Status.COMPLETED, outcome.status());
        assertEquals(70_000, outcome.metrics().baseVsJudge().n(), "every row judged");
        assertEquals(140_000, client.calls.get());
    }

    @Test
    void aLedgerThatKeepsNoRequestKeysIsRecordedWithoutThemAndOneThatDoesWithEach() {
        List<String> thrownAway = new CopyOnWriteArrayList<>();
        List<String> kept = new CopyOnWriteArrayList<>();
        ScriptedClient client = new ScriptedClient(request -> request.model().equals("base") ? "A" : "A,Correct");

        new RunEngine(client, new KeyWatch(thrownAway, false)).runToEnd(spec(dataset("A", "A"), 2), RunListener.NONE);
        new RunEngine(client, new KeyWatch(kept, true)).runToEnd(spec(dataset("A", "A"), 2), RunListener.NONE);

        assertEquals(Arrays.asList(null, null, null, null), thrownAway);
        assertEquals(
                4,
                kept.stream().filter(key -> key != null && key.length() == 64).count(),
                kept.toString());
    }

    /** Records the request key of each response; says whether it keeps them. */
    private record KeyWatch(List<String> keys, boolean keepsRequestKeys) implements RunLedger {
        @Override
        public Map<Integer, StageOutcome> stored(Stage stage) {
            return Map.of();
        }

        @Override
        public void record(Stage stage, int row, StageOutcome outcome, String requestKey) {
            keys.add(requestKey);
        }
    }

    @Test
    void progressReachesTheTotalOfEachStage() {
        List<StageProgress> events = new CopyOnWriteArrayList<>();
        ScriptedClient client = new ScriptedClient(request -> request.model().equals("base") ? "A" : "A,Correct");
        new RunEngine(client).runToEnd(spec(dataset(repeat("A", 50)), 8), new RunListener() {
            @Override
            public void progress(StageProgress progress) {
                events.add(progress);
            }

            @Override
            public void rowUpdated(RowResult row) {
                assertNotNull(row);
            }
        });
        for (Stage stage : List.of(Stage.BASE, Stage.JUDGE)) {
            int maxDone = events.stream()
                    .filter(e -> e.stage() == stage)
                    .mapToInt(StageProgress::done)
                    .max()
                    .orElse(-1);
            assertEquals(50, maxDone, stage.name());
        }
    }

    @Test
    void everyOutcomeIsInTheLedgerWithItsRequestKeyAndFailuresStayExplicitErrors() {
        ScriptedClient client = new ScriptedClient(request -> {
            if (request.model().equals("base") && row(request) == 2) {
                throw new ChatFailure(
                        "The provider answered 503 (gave up after 6 attempts)", false, null, true, 503, null, null);
            }
            return request.model().equals("base") ? "A" : "A,Correct";
        });
        InMemoryRunLedger ledger = new InMemoryRunLedger();
        new RunEngine(client, ledger).runToEnd(spec(dataset("A", "A", "A"), 2), RunListener.NONE);

        assertEquals(3, ledger.stored(Stage.BASE).size());
        assertEquals(2, ledger.stored(Stage.JUDGE).size());
        assertEquals(
                "The provider answered 503 (gave up after 6 attempts)",
                ledger.stored(Stage.BASE).get(2).error());
        assertNull(ledger.stored(Stage.BASE).get(2).text(), "a failure is never a verdict");
        assertEquals(64, ledger.requestKey(Stage.BASE, 0).length());
    }

    @Test
    void aResumedRunTakesStoredAnswersAndSendsOnlyWhatIsMissing() {
        InMemoryRunLedger ledger = new InMemoryRunLedger();
        for (int row = 0; row < 3; row++) {
            ledger.record(Stage.BASE, row, StageOutcome.answered("A", new Usage(5, 1)), "k");
        }
        ledger.record(Stage.BASE, 3, StageOutcome.failed("The provider answered 500"), "k");
        ledger.record(Stage.JUDGE, 0, StageOutcome.answered("A,Correct", new Usage(5, 1)), "k");
        List<String> sent = new CopyOnWriteArrayList<>();
        ScriptedClient client = new ScriptedClient(request -> {
            sent.add(request.model() + " " + row(request));
            return request.model().equals("base") ? "A" : "A,Correct";
        });

        RunOutcome outcome =
                new RunEngine(client, ledger).runToEnd(spec(dataset("A", "A", "A", "A", "A"), 2), RunListener.NONE);

        assertEquals(RunOutcome.Status.COMPLETED, outcome.status());
        assertEquals(
                List.of("base 3", "base 4", "judge 1", "judge 2", "judge 3", "judge 4"),
                sent.stream().sorted().toList(),
                "the failed row is retried, answered rows are not sent");
        assertEquals(5, outcome.metrics().baseVsJudge().n());
        assertEquals(0, outcome.metrics().errors());
        assertEquals(5, ledger.stored(Stage.JUDGE).size());
    }

    private static RunSpec spec(Dataset data, int concurrency) {
        ColumnMapping mapping = new ColumnMapping(List.of("Text"), "Truth", ",");
        ProviderProfile profile =
                new ProviderProfile("scripted", "http://127.0.0.1:1/v1", null, "base", "judge", 0, 16, concurrency);
        return RunSpec.of(data, mapping, PROMPTS, profile);
    }

    private static Dataset dataset(String... truths) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < truths.length; i++) {
            rows.add(new String[] {"row " + i, truths[i]});
        }
        return new Dataset("test.csv", List.of("Text", "Truth"), rows);
    }

    private static String[] repeat(String value, int times) {
        String[] values = new String[times];
        java.util.Arrays.fill(values, value);
        return values;
    }

    private static int row(ChatRequest request) {
        String user = request.user();
        int start = user.indexOf("row ") + 4;
        int end = start;
        while (end < user.length() && Character.isDigit(user.charAt(end))) {
            end++;
        }
        return Integer.parseInt(user.substring(start, end));
    }

    /** Answers by a script; counts calls. */
    private static final class ScriptedClient implements ChatClient {

        private final Script script;
        final AtomicInteger calls = new AtomicInteger();

        ScriptedClient(Script script) {
            this.script = script;
        }

        @Override
        public ChatReply complete(ChatRequest request) throws ChatFailure {
            calls.incrementAndGet();
            try {
                return new ChatReply(script.answer(request), new Usage(1, 1));
            } catch (ChatFailure e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatFailure("interrupted", false, e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<String> models() {
            return List.of("base", "judge");
        }

        @Override
        public void close() {}
    }

    @FunctionalInterface
    private interface Script {
        String answer(ChatRequest request) throws Exception;
    }
}
