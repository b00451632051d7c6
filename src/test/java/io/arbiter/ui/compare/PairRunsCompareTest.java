package io.arbiter.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.ScoreRuns;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.PairRows;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare on two recorded pairwise runs shows each run's pair figures, and says so when only one compares pairs. */
class PairRunsCompareTest {

    private static final String JUDGE_PROMPT =
            "Which is better?\n[user]\n{{question}}\nFirst: {{answer_a}}\nSecond:" + " {{answer_b}}";

    @TempDir
    Path dir;

    /**
     * Run 1's judge always picks the answer shown first: every row inconsistent, win rate 0.50, consistency 0, first
     * position 1. Run 2's picks the longer answer, in {@link PairRows} A on rows 0 and 5 and B on rows 1-4, in both
     * orders: A 2 · B 4, win rate 2 / 6 = 0.33, consistency 1, first position 6 of 12 = 0.50.
     */
    @Test
    void twoPairwiseRunsShowEachRunsPairFigures() throws Exception {
        try (Project project = Project.open(dir.resolve("pairs.arbiter"))) {
            long first = record(project, reply -> "[[A]]");
            long longer = record(project, PairRunsCompareTest::longer);
            CompareViewModel model = new CompareViewModel(new SameThreadTaskExecutor(), (b, rows, d, row) -> {});

            model.useProject(project);

            String pairs = model.pairsProperty().get();
            List<String> lines = pairs.lines().toList();
            assertEquals(3, lines.size(), pairs);
            assertTrue(lines.get(0).contains("inconsistent rows count as ties"), pairs);
            assertTrue(lines.get(1).startsWith("A · run " + first + ": win rate of A 0.50 (too few rows)"), pairs);
            assertTrue(lines.get(1).contains("A 0 · B 0 · tie 0 · inconsistent 6"), pairs);
            assertTrue(lines.get(1).contains("position consistency 0.00 ["), pairs);
            assertTrue(lines.get(1).contains("first-position rate 1.00 ["), pairs);
            assertTrue(lines.get(2).startsWith("B · run " + longer + ": win rate of A 0.33 (too few rows)"), pairs);
            assertTrue(lines.get(2).contains("A 2 · B 4 · tie 0 · inconsistent 0"), pairs);
            assertTrue(lines.get(2).contains("position consistency 1.00 ["), pairs);
            assertTrue(lines.get(2).contains("first-position rate 0.50 ["), pairs);
            assertTrue(lines.get(2).endsWith("(n = 5)"), "row 5 has no human preference: " + pairs);

            // Every row moved: inconsistent in run 1; A on rows 0 and 5, B on rows 1-4 in run 2.
            String moved = model.mcnemarProperty().get();
            assertTrue(
                    moved.startsWith("6 of the 6 rows both runs judged changed outcome (2 inconsistent → A, 4"
                            + " inconsistent → B)"),
                    moved);
            assertTrue(moved.contains("over the 6 rows both decided: -0.17 (too few rows)"), moved);
            assertTrue(model.changedRowsProperty().get(), "the changed rows can be shown");
            assertEquals("", model.flipsSummaryProperty().get(), "no verdict flips for pairs");
        }
    }

    @Test
    void aPairwiseRunBesideAScoringRunSaysWhereItsFiguresAre() throws Exception {
        try (Project project = Project.open(dir.resolve("mixed.arbiter"))) {
            ScoreRuns.record(project, new int[] {5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 4, 2, 3});
            long pairwise = record(project, PairRunsCompareTest::longer);
            CompareViewModel model = new CompareViewModel(new SameThreadTaskExecutor(), (b, rows, d, row) -> {});

            model.useProject(project);

            assertEquals(
                    "Only run " + pairwise + " compares pairs: its pair figures are on Judge analysis.",
                    model.pairsProperty().get());
            assertTrue(model.mcnemarProperty().get().startsWith("One run compares two answers per row"));
        }
    }

    private static String longer(ChatRequest request) {
        String user = request.user();
        String first = user.substring(user.indexOf("\nFirst: ") + 8, user.indexOf("\nSecond: "));
        String second = user.substring(user.indexOf("\nSecond: ") + 9);
        return second.length() > first.length() ? "[[B]]" : "[[A]]";
    }

    private static long record(Project project, Function<ChatRequest, String> judge) throws Exception {
        Dataset dataset = PairRows.DATASET;
        String sha = project.saveDataset(dataset).sha256();
        project.saveMapping(PairRows.MAPPING);
        ProviderProfile profile =
                new ProviderProfile("scripted", "http://127.0.0.1:1/v1", null, "base", "judge", 0, 64, 2);
        RunSpec spec = new RunSpec(
                dataset,
                PairRows.MAPPING,
                LabelSet.empty(),
                PromptPair.of("unused", JUDGE_PROMPT),
                profile,
                List.of(),
                List.of(),
                PairwiseScheme.DEFAULT);
        long runId = project.store().createRun("{\"test\":" + System.nanoTime() + "}");
        project.describeRun(runId, spec, sha, "realtime");
        project.finishRun(
                runId,
                new RunEngine(new Scripted(judge), new ProjectRunLedger(project.store(), runId))
                        .runToEnd(spec, RunListener.NONE),
                null);
        return runId;
    }

    /** Replies as told. */
    private record Scripted(Function<ChatRequest, String> replies) implements ChatClient {

        @Override
        public ChatReply complete(ChatRequest request) {
            return new ChatReply(replies.apply(request), new Usage(1, 1));
        }

        @Override
        public List<String> models() {
            return List.of("judge");
        }

        @Override
        public void close() {}
    }
}
