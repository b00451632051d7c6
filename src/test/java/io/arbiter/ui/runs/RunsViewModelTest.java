package io.arbiter.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunListing;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.core.store.RunRecord;
import io.arbiter.offline.OfflineProvider;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsViewModelTest {

    @TempDir
    Path dir;

    private Project project;
    private final List<Long> shown = new ArrayList<>();
    private final RunsViewModel model = new RunsViewModel(new SameThreadTaskExecutor(), shown::add);
    private RunOutcome lastOutcome;

    @BeforeEach
    void openProject() throws Exception {
        project = Project.open(dir.resolve("runs.arbiter"));
    }

    @AfterEach
    void closeProject() {
        project.close();
    }

    @Test
    void withoutAProjectThereIsNothingToList() {
        model.useProject(null);
        assertTrue(model.runs().isEmpty());
        assertEquals(false, model.hasProjectProperty().get());
    }

    @Test
    void runsAreListedNewestFirstWithTheirFigures() throws Exception {
        long first = recordRun();
        long second = recordRun();
        model.useProject(project);

        assertEquals(
                List.of(second, first),
                model.runs().stream().map(RunsViewModel.RunLine::id).toList());
        RunsViewModel.RunLine line = model.runs().get(0);
        assertEquals(lastOutcome.metrics().baseVsTruth().percent(), line.baseVsTruth());
        assertEquals(lastOutcome.metrics().judgeVsTruth().percent(), line.judgeVsTruth());
        assertEquals(lastOutcome.metrics().baseVsJudge().percent(), line.baseVsJudge());
        assertEquals(
                String.format(java.util.Locale.ROOT, "%,d", Samples.movies().size()), line.rows());
        assertEquals("run " + second, line.name());
        assertEquals("COMPLETED", line.status());
        assertTrue(line.models().contains("→"), line.models());
        assertEquals("2 runs in runs.arbiter", model.messageProperty().get());
    }

    @Test
    void renamingAnnotatingAndDeletingWriteToTheProject() throws Exception {
        long first = recordRun();
        long second = recordRun();
        model.useProject(project);

        model.rename(first, "  baseline ");
        model.annotate(first, "before the prompt fix");
        RunsViewModel.RunLine line = model.runs().get(1);
        assertEquals("baseline", line.name());
        assertEquals("before the prompt fix", line.note());
        assertEquals("baseline", project.run(first).orElseThrow().displayName());

        model.delete(second);
        assertEquals(
                List.of(first),
                model.runs().stream().map(RunsViewModel.RunLine::id).toList());
        assertEquals(1, project.runs().size());

        model.show(first);
        assertEquals(List.of(first), shown);
    }

    @Test
    void eachRunSaysHowItsPromptsDifferFromTheRunBefore() throws Exception {
        String judge = Samples.text(Samples.MOVIES_JUDGE_PROMPT);
        long first = recordRun();
        long same = recordRun();
        long deleted = recordRun(Samples.text(Samples.MOVIES_BASE_PROMPT), judge.replace("Drama", "Comedy"));
        long stricter =
                recordRun(Samples.text(Samples.MOVIES_BASE_PROMPT), judge.replace("genuinely fits", "clearly fits"));
        project.deleteRun(deleted);
        model.useProject(project);

        assertEquals(
                List.of(stricter, same, first),
                model.runs().stream().map(RunsViewModel.RunLine::id).toList());
        // Compared with the run before it that still exists, not with the deleted one.
        assertEquals(
                "judge: +1 −1 words: \"genuinely\" → \"clearly\"",
                model.runs().get(0).prompts());
        assertEquals("same prompts", model.runs().get(1).prompts());
        assertEquals("first run", model.runs().get(2).prompts());
        String detail = model.runs().get(0).promptsDetail();
        assertTrue(detail.startsWith("Compared with run " + same), detail);
        assertTrue(detail.contains("Base prompt: unchanged"), detail);
        assertTrue(detail.contains("Judge prompt: +1 −1 words\n   − \"genuinely\"\n   + \"clearly\""), detail);
    }

    @Test
    void bothChangedPromptsAreNamedAndUnknownOnesSayNothing() {
        PromptVersion before = new PromptVersion(1, "Answer only the genre.", "Be fair.", Instant.EPOCH);
        PromptVersion after = new PromptVersion(2, "Answer strictly the genre.", "Be fair and brief.", Instant.EPOCH);
        assertEquals(
                "base: +1 −1 words: \"only\" → \"strictly\"; judge: +2 −0 words: added \"and brief\"",
                RunLineText.promptChange(false, before, after));
        assertEquals("same prompts", RunLineText.promptChange(false, before, before));
        assertEquals("", RunLineText.promptChange(false, null, after));
        assertEquals("first run", RunLineText.promptChange(true, null, after));
    }

    @Test
    void costsShowInDollarsAnUnknownCostIsADashAndCachedTokensStandApart() throws Exception {
        assertEquals("—", RunLineText.cost(null));
        assertEquals("$0.00", RunLineText.cost(0.0));
        assertEquals("< $0.0001", RunLineText.cost(0.00001));
        assertEquals("$0.0123", RunLineText.cost(0.01234));
        assertEquals("$1,234.57", RunLineText.cost(1234.567));
        assertEquals("1,234 (+5,000 cached)", RunLineText.tokens(6_234, 5_000));
        assertEquals("1,234", RunLineText.tokens(1_234, 0));

        long run = recordRun(); // the offline profile in this test has no prices
        model.useProject(project);
        assertEquals(run, model.runs().get(0).id());
        assertEquals("—", model.runs().get(0).cost());
    }

    @Test
    void theTrendFollowsCompletedRunsInTimeOrderWithTheirStoredValues() throws Exception {
        long first = recordRun();
        long second = recordRun(
                Samples.text(Samples.MOVIES_BASE_PROMPT),
                Samples.text(Samples.MOVIES_JUDGE_PROMPT).replace("genuinely fits", "clearly fits"));
        long unfinished = project.store().createRun("{\"never\":\"ended\"}");
        model.useProject(project);

        RunsViewModel.Trend trend = model.trendProperty().get();
        assertEquals(
                List.of("run " + first, "run " + second),
                trend.runs(),
                "the unfinished run " + unfinished + " is left out");
        assertEquals(
                List.of(first, second),
                trend.accuracy().stream().map(RunsViewModel.TrendPoint::runId).toList());
        assertEquals(
                List.of(first, second),
                trend.kappa().stream().map(RunsViewModel.TrendPoint::runId).toList());
        for (int i = 0; i < 2; i++) {
            RunListing run = project.run(trend.accuracy().get(i).runId()).orElseThrow();
            assertEquals(
                    run.metric("judge_vs_truth").getAsDouble(),
                    trend.accuracy().get(i).value());
            assertEquals(run.metric("kappa").getAsDouble(), trend.kappa().get(i).value());
        }

        model.useProject(null);
        assertEquals(RunsViewModel.Trend.EMPTY, model.trendProperty().get());
    }

    @Test
    void aDraftIsOnTheTrendOnlyWhenDraftsAreShown() {
        List<RunListing> runs = List.of(
                summary(1, "2024-01-01T00:00:00Z", "COMPLETED", "{\"judge_vs_truth\":0.7}", "whole"),
                summary(
                        2,
                        "2024-01-02T00:00:00Z",
                        "COMPLETED",
                        "{\"judge_vs_truth\":1.0}",
                        "five rows",
                        "{\"draft\":true,\"selected_rows\":[1,2,3,4,5]}"));

        assertEquals(List.of("whole"), RunsViewModel.trend(runs).runs(), "a 5-row draft's 100% is not plotted");
        assertEquals(
                List.of("whole", "five rows"), RunsViewModel.trend(runs, true).runs());
        assertFalse(model.showDraftsProperty().get(), "hidden unless asked");
    }

    @Test
    void runsWithoutAMetricAreLeftOutOfItsLineNotDrawnAtZero() {
        List<RunListing> runs = List.of(
                summary(3, "2024-01-03T00:00:00Z", "COMPLETED", "{\"judge_vs_truth\":0.8,\"kappa\":-0.2}", "baseline"),
                summary(1, "2024-01-01T00:00:00Z", "COMPLETED", "{\"judge_vs_truth\":0.7}", "baseline"),
                summary(2, "2024-01-02T00:00:00Z", "CANCELLED", "{\"judge_vs_truth\":0.1,\"kappa\":0.1}", null),
                summary(4, "2024-01-04T00:00:00Z", "COMPLETED", "{}", null));

        RunsViewModel.Trend trend = RunsViewModel.trend(RunsViewModel.inTimeOrder(runs));

        assertEquals(List.of("baseline", "baseline (#3)"), trend.runs());
        assertEquals(
                List.of(
                        new RunsViewModel.TrendPoint(1, "baseline", 0.7),
                        new RunsViewModel.TrendPoint(3, "baseline (#3)", 0.8)),
                trend.accuracy());
        assertEquals(List.of(new RunsViewModel.TrendPoint(3, "baseline (#3)", -0.2)), trend.kappa());
    }

    @Test
    void trendPointsCarryTheStoredIntervalWhenThereIsOne() {
        List<RunListing> runs = List.of(summary(
                1,
                "2024-01-01T00:00:00Z",
                "COMPLETED",
                "{\"judge_vs_truth\":0.7,\"judge_vs_truth_ci_low\":0.6,\"judge_vs_truth_ci_high\":0.78,"
                        + "\"kappa\":0.4,\"kappa_ci_low\":null,\"kappa_ci_high\":null}",
                null));

        RunsViewModel.Trend trend = RunsViewModel.trend(RunsViewModel.inTimeOrder(runs));

        RunsViewModel.TrendPoint accuracy = trend.accuracy().get(0);
        assertEquals(0.6, accuracy.low());
        assertEquals(0.78, accuracy.high());
        assertTrue(accuracy.hasInterval());
        assertFalse(trend.kappa().get(0).hasInterval(), "kappa on too few rows has no interval to draw");
    }

    private static RunListing summary(long id, String created, String status, String metrics, String name) {
        return summary(id, created, status, metrics, name, null);
    }

    private static RunListing summary(
            long id, String created, String status, String metrics, String name, String parameters) {
        Instant at = Instant.parse(created);
        RunRecord record = new RunRecord(
                id,
                at,
                "{}",
                status,
                name,
                null,
                at,
                at,
                null,
                "b",
                "j",
                parameters,
                null,
                Usage.NONE,
                Usage.NONE,
                null,
                metrics,
                "verdict",
                null);
        try {
            return new RunListing(record, 10, new com.fasterxml.jackson.databind.ObjectMapper().readTree(metrics));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private long recordRun() throws Exception {
        return recordRun(Samples.text(Samples.MOVIES_BASE_PROMPT), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
    }

    @Test
    void oneRunIsComparedWithTheRunBeforeItAndTwoWithEachOther() throws Exception {
        List<long[]> compared = new ArrayList<>();
        RunsViewModel comparing =
                new RunsViewModel(new SameThreadTaskExecutor(), shown::add, (a, b) -> compared.add(new long[] {a, b}));
        long first = recordRun();
        long second = recordRun();
        long third = recordRun();
        comparing.useProject(project);

        comparing.compare(List.of(third));
        comparing.compare(List.of(third, first));
        comparing.compare(List.of(first));

        assertEquals(2, compared.size());
        assertEquals(List.of(second, third), List.of(compared.get(0)[0], compared.get(0)[1]));
        assertEquals(List.of(first, third), List.of(compared.get(1)[0], compared.get(1)[1]), "the earlier run first");
        assertEquals(
                "That is the project's first run: choose two runs to compare, or run again.",
                comparing.messageProperty().get());
    }

    /** A real run on the sample against the offline provider, recorded as the workbench records one. */
    private long recordRun(String basePrompt, String judgePrompt) throws Exception {
        Dataset sample = Samples.movies();
        String sha = project.saveDataset(sample).sha256();
        project.saveMapping(Samples.moviesMapping());
        try (OfflineProvider offline = OfflineProvider.start();
                OpenAiChatClient client = new OpenAiChatClient(offline.profile())) {
            PromptPair prompts = PromptPair.of(basePrompt, judgePrompt);
            RunSpec spec = RunSpec.of(sample, Samples.moviesMapping(), prompts, offline.profile());
            long runId = project.store().createRun("{\"test\":" + System.nanoTime() + "}");
            project.describeRun(runId, spec, sha, "realtime");
            lastOutcome = new RunEngine(client, new ProjectRunLedger(project.store(), runId))
                    .runToEnd(spec, RunListener.NONE);
            project.finishRun(runId, lastOutcome);
            return runId;
        }
    }
}
