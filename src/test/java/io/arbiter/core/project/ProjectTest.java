package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.CachingChatClient;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.offline.OfflineProvider;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTest {

    @TempDir
    Path dir;

    @Test
    void theConfigurationAndReviewSurviveReopening() throws Exception {
        Path file = dir.resolve("p.arbiter");
        Dataset dataset = new Dataset(
                "movies",
                List.of("Overview", "Genre"),
                List.of(
                        new String[] {"A cowboy, \"quoted\"", "Western"},
                        new String[] {"Tears\nand more", "Drama"},
                        new String[] {"", null}));
        ColumnMapping mapping = new ColumnMapping(List.of("Overview"), "Genre", ",", null, Map.of("Sci-fi", "Sci-Fi"));
        ProviderProfile provider = new ProviderProfile(
                "Example",
                "https://api.example.test/v1",
                "EXAMPLE_KEY",
                "base-m",
                "judge-m",
                0.2,
                128,
                8,
                new TokenPrices(0.15, 0.6, null, 10.0));
        try (Project project = Project.open(file)) {
            project.saveDataset(dataset, "/data/movies.csv", "abc123");
            project.saveDataset(dataset, "/data/moved/movies.csv", "abc123"); // the same content: one copy
            project.saveMapping(mapping);
            long first = project.savePrompts("base {{Overview}}", "judge {{base_answer}}");
            long second = project.savePrompts("base v2 {{Overview}}", "judge {{base_answer}}");
            assertEquals(first, project.savePrompts("base {{Overview}}", "judge {{base_answer}}"), "deduplicated");
            assertTrue(second > first);
            project.saveProvider(provider);
            project.saveVerdict(
                    1, new HumanVerdict(false, "not a drama", "ana", Instant.parse("2024-05-02T00:00:00Z")));
            project.saveVerdict(0, new HumanVerdict(true, "", "ana", Instant.parse("2024-05-02T00:00:00Z")));
            project.removeVerdict(0);
            project.setPromoted(2, true);
            project.saveVerdict(0, new HumanVerdict(true, "", "ana", Instant.parse("2024-05-03T00:00:00Z")));
            project.setPromoted(0, true); // after row 2: the second example
        }
        try (Project project = Project.open(file)) {
            Dataset copy = project.dataset().orElseThrow();
            assertEquals(dataset.columns(), copy.columns());
            assertEquals(3, copy.size());
            for (int r = 0; r < 3; r++) {
                assertArrayEquals(
                        new String[] {dataset.value(r, 0), dataset.value(r, 1)},
                        new String[] {copy.value(r, 0), copy.value(r, 1)});
            }
            assertEquals(
                    "/data/moved/movies.csv",
                    project.datasetInfo().orElseThrow().sourcePath());
            assertEquals(mapping, project.mapping().orElseThrow());
            assertEquals(
                    "judge {{base_answer}}", project.prompts().orElseThrow().judgeText());
            assertEquals(
                    1,
                    project.promptVersions().stream()
                            .filter(v -> v.baseText().startsWith("base {{"))
                            .count());
            assertEquals(provider, project.provider().orElseThrow());
            assertEquals(
                    new HumanVerdict(false, "not a drama", "ana", Instant.parse("2024-05-02T00:00:00Z")),
                    project.verdicts().get(1));
            assertEquals(List.of(0, 1), List.copyOf(project.verdicts().keySet()));
            assertEquals(List.of(2, 0), project.promotedRows(), "in the order promoted");
            assertEquals(List.of(), project.promotedRows("another dataset"));
        }
    }

    @Test
    void theCurrentDatasetIsTheLastSavedOrUsedNotTheLastCopiedIn() throws Exception {
        Dataset first = new Dataset("first", List.of("Text"), List.<String[]>of(new String[] {"a"}));
        Dataset second = new Dataset("second", List.of("Text"), List.<String[]>of(new String[] {"b"}));
        try (Project project = Project.open(dir.resolve("current.arbiter"))) {
            assertTrue(project.currentDatasetSha().isEmpty());
            project.saveDataset(first, null, "one");
            project.copyDataset(second, null, "two");
            assertEquals("first", project.dataset().orElseThrow().name(), "a copy alone does not become current");
            project.saveDataset(second, null, "two");
            assertEquals("second", project.dataset().orElseThrow().name());
            project.useDataset("one");
            assertEquals("first", project.dataset().orElseThrow().name());
            assertEquals(Optional.of("one"), project.currentDatasetSha());
            assertThrows(IllegalArgumentException.class, () -> project.useDataset("three"));
            assertEquals("first", project.dataset().orElseThrow().name());
        }
    }

    @Test
    void aFinishedRunIsPricedAtThePricesItStartedWith() throws Exception {
        Dataset rows =
                new Dataset("movies", List.of("Overview", "Genre"), List.<String[]>of(new String[] {"x", "Drama"}));
        ColumnMapping mapping = new ColumnMapping(List.of("Overview"), "Genre", ",");
        ProviderProfile priced = new ProviderProfile(
                "Example",
                "https://api.example.test/v1",
                null,
                "base-m",
                "judge-m",
                0,
                16,
                1,
                new TokenPrices(0.15, 0.60, 2.50, 10.00));
        try (Project project = Project.open(dir.resolve("c.arbiter"))) {
            long paid = project.store().createRun("{}");
            project.describeRun(
                    paid,
                    RunSpec.of(rows, mapping, PromptPair.of("b {{Overview}}", "j {{base_answer}}"), priced),
                    "sha",
                    "realtime");
            project.finishRun(paid, ended(new Usage(12_000, 300), new Usage(20_000, 500)));
            long unpriced = project.store().createRun("{\"x\":1}");
            project.describeRun(
                    unpriced,
                    RunSpec.of(
                            rows,
                            mapping,
                            PromptPair.of("b {{Overview}}", "j {{base_answer}}"),
                            priced.withPrices(new TokenPrices(0.15, 0.60, 2.50, null))),
                    "sha",
                    "realtime");
            project.finishRun(unpriced, ended(new Usage(12_000, 300), new Usage(20_000, 500)));

            long batch = project.store().createRun("{\"y\":1}");
            project.describeRun(
                    batch,
                    RunSpec.of(rows, mapping, PromptPair.of("b {{Overview}}", "j {{base_answer}}"), priced),
                    "sha",
                    "batch");
            project.finishRun(batch, ended(new Usage(12_000, 300), new Usage(20_000, 500)));

            // (12,000 × 0.15 + 300 × 0.60 + 20,000 × 2.50 + 500 × 10) / 1e6
            assertEquals(0.05698, project.run(paid).orElseThrow().record().costUsd(), 1e-12);
            assertEquals(0.02849, project.run(batch).orElseThrow().record().costUsd(), 1e-12, "the Batch API's half");
            assertEquals(null, project.run(unpriced).orElseThrow().record().costUsd(), "unknown, not $0");
        }
    }

    @Test
    void answersFromTheCacheAreNotPaidForAgain() throws Exception {
        Dataset sample = Samples.movies();
        TokenPrices prices = new TokenPrices(0.15, 0.60, 2.50, 10.00);
        try (Project project = Project.open(dir.resolve("cached.arbiter"));
                OfflineProvider offline = OfflineProvider.start()) {
            ProviderProfile profile = offline.profile().withPrices(prices);
            RunSpec spec = RunSpec.of(
                    sample,
                    Samples.moviesMapping(),
                    PromptPair.of(Samples.text(Samples.MOVIES_BASE_PROMPT), Samples.text(Samples.MOVIES_JUDGE_PROMPT)),
                    profile);
            RunOutcome first = run(project, spec, "1");
            RunOutcome again = run(project, spec, "2");

            double paid = prices.cost(first.baseUsage(), first.judgeUsage()).getAsDouble();
            assertTrue(paid > 0);
            assertEquals(paid, project.run(1).orElseThrow().record().costUsd(), 1e-12);
            // Every answer of the second run came from the project's cache: its tokens are counted, not paid.
            assertEquals(again.baseUsage(), again.cachedUsage(Stage.BASE));
            assertEquals(again.judgeUsage(), again.cachedUsage(Stage.JUDGE));
            assertEquals(
                    first.baseUsage().total() + first.judgeUsage().total(),
                    project.run(2).orElseThrow().record().totalTokens());
            assertEquals(0.0, project.run(2).orElseThrow().record().costUsd());
            assertEquals(0, project.run(1).orElseThrow().cachedTokens());
            assertEquals(
                    project.run(2).orElseThrow().record().totalTokens(),
                    project.run(2).orElseThrow().cachedTokens());
        }
    }

    @Test
    void aResumedRunStillKnowsWhichOfItsAnswersTheCacheGave() throws Exception {
        Dataset sample = Samples.movies();
        TokenPrices prices = new TokenPrices(0.15, 0.60, 2.50, 10.00);
        try (Project project = Project.open(dir.resolve("resumed.arbiter"));
                OfflineProvider offline = OfflineProvider.start()) {
            ProviderProfile profile = offline.profile().withPrices(prices);
            RunSpec spec = RunSpec.of(
                    sample,
                    Samples.moviesMapping(),
                    PromptPair.of(Samples.text(Samples.MOVIES_BASE_PROMPT), Samples.text(Samples.MOVIES_JUDGE_PROMPT)),
                    profile);
            run(project, spec, "1");
            run(project, spec, "2"); // every answer from the cache

            // Run 2 picked up again (as after a crash): every row comes back from its ledger, nothing is sent.
            RunOutcome resumed = new RunEngine(
                            new OpenAiChatClient(spec.provider()), new ProjectRunLedger(project.store(), 2))
                    .runToEnd(spec, RunListener.NONE);
            project.finishRun(2, resumed);

            assertEquals(resumed.baseUsage(), resumed.cachedUsage(Stage.BASE));
            assertEquals(0.0, project.run(2).orElseThrow().record().costUsd(), "still not paid for");
        }
    }

    private static RunOutcome run(Project project, RunSpec spec, String tag) throws Exception {
        long runId = project.store().createRun("{\"run\":" + tag + "}");
        project.describeRun(runId, spec, "sha", "realtime");
        try (CachingChatClient client =
                new CachingChatClient(new OpenAiChatClient(spec.provider()), project.store(), "offline")) {
            RunOutcome outcome = new RunEngine(client, new ProjectRunLedger(project.store(), runId))
                    .runToEnd(spec, RunListener.NONE);
            project.finishRun(runId, outcome);
            return outcome;
        }
    }

    private static RunOutcome ended(Usage base, Usage judge) {
        return new RunOutcome(List.of(), AccuracyCounts.of(List.of()), base, judge, RunOutcome.Status.COMPLETED, null);
    }

    @Test
    void runsAreRenamedAnnotatedAndDeletedWithTheirResponses() throws Exception {
        try (Project project = Project.open(dir.resolve("r.arbiter"))) {
            long a = project.store().createRun("{}");
            long b = project.store().createRun("{\"x\":1}");
            project.renameRun(a, "  baseline ");
            project.annotateRun(a, "before the prompt fix");
            project.store()
                    .recordResponse(new io.arbiter.core.store.StoredResponse(
                            b, io.arbiter.core.run.Stage.BASE, 0, "x", null, null, null));
            project.deleteRun(b);
            List<RunListing> runs = project.runs();
            assertEquals(1, runs.size());
            assertEquals("baseline", runs.get(0).displayName());
            assertEquals("before the prompt fix", runs.get(0).record().note());
            assertFalse(runs.get(0).metric("kappa").isPresent(), "never finished, so no metrics");
            assertTrue(project.store().responses(b, Stage.BASE).isEmpty());
        }
    }
}
