package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.BatchSharder;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.OpenAiBatchClient;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.llm.Sleeper;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.Judgement;
import io.arbiter.offline.BatchPace;
import io.arbiter.offline.OfflineServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jury and repeats through the engine: every vote its own request (its juror's model, its repeat's seed), its own
 * ledger row and request key; the row's judgement the jury's majority; a resumed run sends only the votes it lacks;
 * the Batch API carries votes as it carries stages.
 */
class JuryRunTest {

    private static final List<String> JURORS =
            List.of("offline-demo-judge", "offline-demo-judge-2", "offline-demo-judge-3");
    private static final int ROWS = 30;

    @TempDir
    Path dir;

    @Test
    void everyJurorJudgesEveryRowOnEachRepeatAndTheRowTakesTheirMajority() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            RunSpec spec = jury(server, 2);
            InMemoryRunLedger ledger = new InMemoryRunLedger();
            RunOutcome outcome;
            try (ChatClient client = new OpenAiChatClient(spec.provider())) {
                outcome = new RunEngine(client, ledger).runToEnd(spec, RunListener.NONE);
            }

            assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
            assertTrue(outcome.unanswered().none(), outcome.unanswered().describe(3));
            assertEquals(7, spec.stages().size(), "base and six votes");
            Set<String> keys = new HashSet<>();
            for (Stage vote : spec.panel().votes()) {
                assertEquals(ROWS, ledger.stored(vote).size(), vote.name());
                for (int row = 0; row < ROWS; row++) {
                    keys.add(ledger.requestKey(vote, row));
                }
            }
            assertEquals(6 * ROWS, keys.size(), "no two votes share a request key");
            int disagreeing = 0;
            for (RowResult row : outcome.rows()) {
                RowVotes votes = row.votes();
                assertEquals(6, votes.readings().size());
                assertEquals(expectedJury(votes), row.judgement().asVerdict().evaluation(), "row " + row.row());
                assertEquals(row.judge(), votes.outcome(Stage.JUDGE), "the first vote is the judge outcome");
                Set<Evaluation> said = new HashSet<>();
                votes.readings().values().forEach(r -> said.add(r.asVerdict().evaluation()));
                if (said.size() > 1) {
                    disagreeing++;
                }
            }
            assertTrue(disagreeing > 0, "the demo jurors weigh the evidence differently");
        }
    }

    @Test
    void aResumedJurySendsOnlyTheVotesItLacksAndARerunNeitherCollapsesNorResends() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            RunSpec spec = jury(server, 3);
            InMemoryRunLedger ledger = new InMemoryRunLedger();
            try (ChatClient client = new OpenAiChatClient(spec.provider())) {
                new RunEngine(client, ledger).runToEnd(spec, RunListener.NONE);
            }
            // As if the process died before the third repeat of the second juror and one row's every vote were kept.
            InMemoryRunLedger partial = new InMemoryRunLedger();
            for (Stage stage : spec.stages()) {
                ledger.stored(stage).forEach((row, outcome) -> {
                    boolean lost = stage == Stage.vote(1, 2) || (row == 4 && stage.judges());
                    if (!lost) {
                        partial.record(stage, row, outcome, ledger.requestKey(stage, row));
                    }
                });
            }
            Counting counting = new Counting(new OpenAiChatClient(spec.provider()));
            RunOutcome resumed;
            try (counting) {
                resumed = new RunEngine(counting, partial).runToEnd(spec, RunListener.NONE);
            }

            assertEquals(ROWS - 1 + 9, counting.requests.size(), "the lost repeat's rows, and row 4's nine votes");
            assertTrue(resumed.unanswered().none());
            for (Stage vote : spec.panel().votes()) {
                assertEquals(ledger.stored(vote), partial.stored(vote), "the same answers again: " + vote);
            }
        }
    }

    @Test
    void theBatchApiCarriesEveryVote() throws Exception {
        try (OfflineServer server =
                OfflineServer.builder().port(0).batchPace(BatchPace.FAST).start()) {
            RunSpec spec = jury(server, 2);
            InMemoryRunLedger ledger = new InMemoryRunLedger();
            RunOutcome outcome;
            try (OpenAiBatchClient client = new OpenAiBatchClient(spec.provider())) {
                BatchStageRunner runner = new BatchStageRunner(
                        client,
                        ledger,
                        9,
                        null,
                        Duration.ofMillis(20),
                        dir,
                        new BatchSharder(1000, BatchSharder.MAX_BYTES),
                        Sleeper.SYSTEM);
                outcome = RunEngine.batch(runner, ledger).runToEnd(spec, RunListener.NONE);
            }

            assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
            assertTrue(outcome.unanswered().none(), outcome.unanswered().describe(3));
            for (Stage vote : spec.panel().votes()) {
                assertEquals(ROWS, ledger.stored(vote).size(), vote.name());
            }
            assertTrue(
                    outcome.rows().stream().allMatch(r -> r.votes().readings().size() == 6));
        }
    }

    @Test
    void aVoteIsAskedOfItsJurorWithItsRepeatsSeedAndTheFirstAsBeforeJuries() {
        Dataset data = MovieRuns.movies(3);
        RunSpec single = spec(data, "http://127.0.0.1:1/v1", 0.0);
        RunSpec panel = single.withPanel(JudgePanel.of(List.of("offline-demo-judge", "other-judge"), 3, true));
        ScriptedClient client = new ScriptedClient(r -> r.model().contains("judge") ? "Drama,Correct" : "Drama");

        RunOutcome outcome = new RunEngine(client).runToEnd(panel, RunListener.NONE);

        assertEquals(3 + 3 * 6, client.requests.size());
        ChatRequest first =
                new StageRequests(single).judge(0, outcome.rows().get(0).base().text());
        assertTrue(client.requests.contains(first), "juror 1's first repeat is the request a single judge sends");
        List<ChatRequest> row0 = client.requests.stream()
                .filter(r -> r.model().contains("judge") && r.user().contains("(No. 0)"))
                .toList();
        assertEquals(6, row0.size());
        assertEquals(
                Set.of(
                        "offline-demo-judge|null",
                        "offline-demo-judge|1",
                        "offline-demo-judge|2",
                        "other-judge|null",
                        "other-judge|1",
                        "other-judge|2"),
                new HashSet<>(row0.stream().map(r -> r.model() + "|" + r.seed()).toList()));
        // The label-order probe: repeats after the first list the labels in an order of their own.
        Set<String> labelLines = new HashSet<>();
        for (ChatRequest request : row0) {
            labelLines.add(labelLine(request));
        }
        assertTrue(labelLines.size() >= 2, "shuffled label lists: " + labelLines);
        String url = single.provider().baseUrl();
        assertNotEquals(RequestKey.of(url, first), RequestKey.of(url, first.withSeed(1)), "a seed is a new request");
    }

    @Test
    void aTieBetweenJurorsIsNoMajorityAndReadsAsUnparsed() {
        RunSpec spec = spec(MovieRuns.movies(1), "http://127.0.0.1:1/v1", 0.0)
                .withPanel(JudgePanel.of(List.of("offline-demo-judge", "judge-b"), 1, false));
        ScriptedClient client = new ScriptedClient(r -> switch (r.model()) {
            case "offline-demo-judge" -> "Drama,Correct";
            case "judge-b" -> "Drama,Incorrect";
            default -> "Drama";
        });

        RowResult row =
                new RunEngine(client).runToEnd(spec, RunListener.NONE).rows().get(0);

        assertTrue(
                row.votes().noMajority(),
                row.votes().readings() + " " + row.votes().outcomes());
        assertEquals(Evaluation.UNPARSED, row.judgement().asVerdict().evaluation());
        assertTrue(
                row.judgement().raw().startsWith("No majority: 1 Correct, 1 Incorrect"),
                row.judgement().raw());
    }

    @Test
    void aFailedVoteTheOthersOutvoteLeavesTheRowItsVerdictWithTheVoteAsItsError() {
        // Three jurors, the third failing: two Correct stand against the worst it could have said.
        RowResult kept = judgedBy(List.of("offline-demo-judge", "judge-b", "judge-down"), 1, "Drama,Correct");
        assertEquals(Evaluation.CORRECT, kept.judgement().asVerdict().evaluation());
        assertTrue(kept.anyFailed() && kept.outvotesFailedVotes());
        assertTrue(!kept.failed() && !kept.scored().failed(), "its verdict counts in the figures");
        assertTrue(kept.outcome(Stage.vote(2, 0)).error().contains("provider is down"));
        assertTrue(Unanswered.of(List.of(kept), RunOutcome.Status.COMPLETED).none());
        assertEquals(
                0,
                io.arbiter.core.metrics.AccuracyCounts.of(List.of(kept.scored()))
                        .errors());

        // One juror asked three times, the last failing: Correct, Correct stand against one Incorrect.
        assertTrue(
                !judgedBy(List.of("offline-demo-judge"), 3, "Drama,Correct", 2).failed());

        // Correct against Incorrect, the third failing: it could have gone either way.
        RowResult split = judgedBy(List.of("offline-demo-judge", "judge-b", "judge-down"), 1, "Drama,Incorrect");
        assertTrue(split.failed());
        assertEquals(
                1, Unanswered.of(List.of(split), RunOutcome.Status.COMPLETED).rows());

        // Five jurors, 2 Correct and 1 Incorrect answered, 2 failed: the failed two could have made it 2 to 3.
        RowResult close = judgedBy(
                List.of("offline-demo-judge", "judge-a", "judge-b", "judge-down", "judge-down-too"),
                1,
                "Drama,Incorrect");
        assertEquals(Evaluation.CORRECT, close.judgement().asVerdict().evaluation(), "the answered votes' majority");
        assertTrue(close.failed(), "but not one the failed votes could not overturn");
    }

    /**
     * One row judged by {@code jurors} {@code repeats} times each: the first juror and judge-a say Correct, judge-b
     * says {@code judgeB}, every judge-down… fails, and so does repeat {@code failingRepeat} (when given).
     */
    private static RowResult judgedBy(List<String> jurors, int repeats, String judgeB, int... failingRepeat) {
        RunSpec spec = spec(MovieRuns.movies(1), "http://127.0.0.1:1/v1", 0.0)
                .withPanel(JudgePanel.of(jurors, repeats, false));
        ChatClient client = new ChatClient() {
            @Override
            public ChatReply complete(ChatRequest request) throws io.arbiter.core.llm.ChatFailure {
                boolean failingSeed =
                        failingRepeat.length > 0 && request.seed() != null && request.seed() == failingRepeat[0];
                if (request.model().startsWith("judge-down") || failingSeed) {
                    throw new io.arbiter.core.llm.ChatFailure("The provider is down", false, null);
                }
                String text =
                        switch (request.model()) {
                            case "offline-demo-judge", "judge-a" -> "Drama,Correct";
                            case "judge-b" -> judgeB;
                            default -> "Drama";
                        };
                return new ChatReply(text, io.arbiter.core.llm.Usage.NONE);
            }

            @Override
            public List<String> models() {
                return List.of();
            }

            @Override
            public void close() {}
        };
        return new RunEngine(client).runToEnd(spec, RunListener.NONE).rows().get(0);
    }

    @Test
    void aPairwiseRunIsJudgedOnce() {
        RunSpec spec = spec(MovieRuns.movies(1), "http://127.0.0.1:1/v1", 0.0);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> spec.withPanel(JudgePanel.of(List.of("a", "b"), 1, false)).withScheme(PairwiseScheme.DEFAULT));
        assertTrue(e.getMessage().contains("pairwise"), e.getMessage());
    }

    @Test
    void anEmptyAnswerEndsEveryVoteWithWhyItWasNotJudged() {
        RunSpec spec = spec(MovieRuns.movies(1), "http://127.0.0.1:1/v1", 0.0)
                .withPanel(JudgePanel.of(List.of("offline-demo-judge", "judge-b"), 2, false));
        ScriptedClient client = new ScriptedClient(r -> "   ");

        RowResult row =
                new RunEngine(client).runToEnd(spec, RunListener.NONE).rows().get(0);

        assertEquals(1, client.requests.size(), "only the base model was asked");
        for (Stage vote : spec.panel().votes()) {
            assertEquals(RowResult.NOTHING_TO_JUDGE, row.outcome(vote).error(), vote.name());
        }
        assertNull(row.judgement());
    }

    private static String labelLine(ChatRequest request) {
        for (String line : (request.system() + "\n" + request.user()).split("\n")) {
            if (line.startsWith("Allowed genres:")) {
                return line;
            }
        }
        return "";
    }

    /** The majority of the jurors' own majorities over their repeats, worked out here from the readings. */
    private static Evaluation expectedJury(RowVotes votes) {
        int correct = 0;
        int incorrect = 0;
        for (int juror = 0; juror < votes.jurors(); juror++) {
            int yes = 0;
            int no = 0;
            for (int repeat = 0; repeat < votes.repeats(); repeat++) {
                Judgement reading = votes.reading(juror, repeat);
                Evaluation e = reading == null
                        ? Evaluation.UNPARSED
                        : reading.asVerdict().evaluation();
                yes += e == Evaluation.CORRECT ? 1 : 0;
                no += e == Evaluation.INCORRECT ? 1 : 0;
            }
            correct += yes > no ? 1 : 0;
            incorrect += no > yes ? 1 : 0;
        }
        return correct > incorrect
                ? Evaluation.CORRECT
                : incorrect > correct ? Evaluation.INCORRECT : Evaluation.UNPARSED;
    }

    private static RunSpec jury(OfflineServer server, int repeats) {
        return spec(MovieRuns.movies(ROWS), server.baseUrl().toString(), 0.7)
                .withPanel(JudgePanel.of(JURORS, repeats, false));
    }

    private static RunSpec spec(Dataset data, String baseUrl, double temperature) {
        ProviderProfile profile = new ProviderProfile(
                "offline", baseUrl, null, "offline-demo-base", "offline-demo-judge", temperature, 64, 4);
        return RunSpec.of(
                data,
                Samples.moviesMapping(),
                PromptPair.of(Samples.text(Samples.MOVIES_BASE_PROMPT), Samples.text(Samples.MOVIES_JUDGE_PROMPT)),
                profile);
    }

    /** Passes requests on and keeps them. */
    private static final class Counting implements ChatClient {

        private final ChatClient inner;
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

        Counting(ChatClient inner) {
            this.inner = inner;
        }

        @Override
        public ChatReply complete(ChatRequest request) throws io.arbiter.core.llm.ChatFailure {
            requests.add(request);
            return inner.complete(request);
        }

        @Override
        public List<String> models() throws io.arbiter.core.llm.ChatFailure {
            return inner.models();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
