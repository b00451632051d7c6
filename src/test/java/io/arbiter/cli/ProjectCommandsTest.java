package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.project.ArbiterBuild;
import io.arbiter.core.project.Project;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.store.PromptVersion;
import io.arbiter.offline.OfflineProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift over time: {@code run --project P} repeats the stored configuration; {@code runs} and {@code compare} read it. */
class ProjectCommandsTest {

    @TempDir
    Path dir;

    private Path project;
    private String out;
    private String err;

    @BeforeEach
    void firstRunStoresTheConfiguration() throws Exception {
        Path dataset = Files.writeString(dir.resolve("movies.csv"), Samples.text(Samples.MOVIES));
        Path base = Files.writeString(dir.resolve("base.txt"), Samples.text(Samples.MOVIES_BASE_PROMPT));
        Path judge = Files.writeString(dir.resolve("judge.txt"), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        project = dir.resolve("movies.arbiter");
        assertEquals(
                0,
                cli(
                        "run",
                        "--dataset",
                        dataset.toString(),
                        "--input-column",
                        "Overview",
                        "--truth-column",
                        "Genre",
                        "--base-prompt",
                        base.toString(),
                        "--judge-prompt",
                        judge.toString(),
                        "--project",
                        project.toString(),
                        "--json"),
                err);
        Files.delete(dataset); // the re-run must need only the project
    }

    @Test
    void aKeyPastedAsItsVariableOrEntryIsRefusedBeforeAnythingIsWrittenOrRepeated() throws Exception {
        String pasted = "gsk_" + "3fA9xQ7LmZ2pR8sT4vW6yB1cD5eF0gH9jK";
        byte[] before = Files.readAllBytes(project);

        assertEquals(
                ArbiterCli.BAD_INPUT,
                cli(
                        "run",
                        "--project",
                        project.toString(),
                        "--provider",
                        "https://api.groq.com/openai/v1",
                        "--base-model",
                        "b",
                        "--judge-model",
                        "j",
                        "--api-key-env",
                        pasted));
        assertTrue(err.contains("not the key itself"), err);
        assertFalse(err.contains(pasted) || out.contains(pasted), "the key is never repeated");
        assertEquals(ArbiterCli.BAD_INPUT, cli("run", "--project", project.toString(), "--api-key-keychain", pasted));
        assertFalse(err.contains(pasted) || out.contains(pasted));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(project)), "the project is untouched");
    }

    @Test
    void aMissingKeyLeavesNoRunBehindThatNeverStarted() throws Exception {
        Path dataset = Files.writeString(dir.resolve("again.csv"), Samples.text(Samples.MOVIES));
        Path base = Files.writeString(dir.resolve("base2.txt"), Samples.text(Samples.MOVIES_BASE_PROMPT));
        Path judge = Files.writeString(dir.resolve("judge2.txt"), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        assertEquals(
                ArbiterCli.PROVIDER_FAILED,
                cli(
                        "run",
                        "--dataset",
                        dataset.toString(),
                        "--input-column",
                        "Overview",
                        "--truth-column",
                        "Genre",
                        "--base-prompt",
                        base.toString(),
                        "--judge-prompt",
                        judge.toString(),
                        "--project",
                        project.toString(),
                        "--provider",
                        "http://127.0.0.1:9/v1",
                        "--base-model",
                        "b",
                        "--judge-model",
                        "j",
                        "--api-key-env",
                        "ARBITER_TEST_SURELY_UNSET_KEY"));
        assertTrue(err.contains("ARBITER_TEST_SURELY_UNSET_KEY, which is not set"), err);
        try (Project opened = Project.open(project)) {
            assertEquals(1, opened.runs().size(), "only the first, finished run");
        }
    }

    @Test
    void aHeadlessRerunAppendsARunWithTheSameFiguresAndRunsListsBoth() throws Exception {
        assertEquals(0, cli("run", "--project", project.toString(), "--json"), err);
        JsonNode rerun = new ObjectMapper().readTree(out);
        // Every row has truth here: prediction-powered accuracy is undefined, but its keys are there, as in metrics.
        assertTrue(rerun.get("ppi_base_accuracy").isNull() && rerun.has("ppi_plus_base_accuracy_ci_low"), out);

        assertEquals(0, cli("runs", project.toString(), "--json"), err);
        JsonNode runs = new ObjectMapper().readTree(out);
        assertEquals(2, runs.size(), out);
        for (JsonNode run : runs) {
            assertEquals("COMPLETED", run.get("status").asText());
            assertEquals(rerun.get("rows").asInt(), run.get("rows").asInt());
            assertEquals(
                    rerun.get("base_vs_truth").asDouble(),
                    run.get("base_vs_truth").asDouble(),
                    1e-12);
            assertTrue(run.get("kappa").isNumber(), run.toString());
            assertEquals("offline-demo-base", run.get("base_model").asText());
            assertTrue(run.get("tokens").asLong() > 0, run.toString());
            // The offline demo model is free: its runs are priced at zero, not left unknown.
            assertEquals(0.0, run.get("cost_usd").asDouble(-1), run.toString());
            assertEquals(
                    ArbiterBuild.current().recorded(),
                    run.get("arbiter_version").asText(),
                    "who made it");
        }
        assertEquals(
                runs.get(0).get("prompt_version").asLong(),
                runs.get(1).get("prompt_version").asLong());
        assertEquals(0, runs.get(0).get("cached_tokens").asLong());
        assertEquals(
                runs.get(1).get("tokens").asLong(),
                runs.get(1).get("cached_tokens").asLong(),
                "the re-run's answers all came from the project's cache");

        assertEquals(0, cli("runs", project.toString()), err);
        assertTrue(out.contains("offline-demo-base"), out);
        assertTrue(
                out.lines()
                        .skip(1)
                        .allMatch(line ->
                                line.endsWith("  " + ArbiterBuild.current().recorded())),
                out);

        assertEquals(0, cli("compare", project.toString(), "1", "2", "--json"), err);
        JsonNode comparison = new ObjectMapper().readTree(out);
        assertEquals(0, comparison.get("flipped_rows").size(), "the same answers, from the cache");
        assertEquals(1.0, comparison.get("mcnemar").get("p").asDouble());
        assertEquals(0.0, comparison.get("deltas").get("kappa").get("change").asDouble(), 1e-12);
        // Whether the judge got more accurate: the same verdicts, so nothing moved and the change is nil.
        JsonNode rightness = comparison.get("judge_mcnemar");
        assertEquals(
                0,
                rightness.get("right_to_wrong").asLong()
                        + rightness.get("wrong_to_right").asLong());
        assertEquals(1.0, rightness.get("p_value").asDouble());
        assertTrue(rightness.get("exact").asBoolean());
        assertEquals(0.0, comparison.get("delta_kappa").asDouble(), 1e-12);
        assertTrue(comparison.has("delta_judge_vs_truth_ci_low") && comparison.has("delta_kappa_ci_high"));
        assertEquals(0, cli("compare", project.toString(), "1", "2"), err);
        assertTrue(out.contains("McNemar p = 1"), out);
        assertTrue(out.contains("judge right/wrong  0 right -> wrong, 0 wrong -> right"), out);
    }

    @Test
    void aDraftIsListedAsADraftAndAHeadlessRerunNeverIsOne() throws Exception {
        try (Project opened = Project.open(project);
                OfflineProvider offline = OfflineProvider.start();
                OpenAiChatClient client = new OpenAiChatClient(offline.profile())) {
            PromptVersion prompts = opened.prompts().orElseThrow();
            // What the workbench's "Try on selection" records: the stored configuration on three rows.
            RunSpec draft = RunSpec.of(
                            opened.dataset().orElseThrow(),
                            opened.mapping().orElseThrow(),
                            PromptPair.of(prompts.baseText(), prompts.judgeText()),
                            offline.profile())
                    .withSelection(List.of(2, 5, 7));
            long id = opened.store().createRun("{\"selected_rows\":[2,5,7]}");
            opened.describeRun(id, draft, opened.datasetInfo().orElseThrow().sha256(), "realtime");
            opened.finishRun(id, new RunEngine(client).runToEnd(draft, RunListener.NONE), null);
        }
        assertEquals(0, cli("run", "--project", project.toString(), "--json"), err);

        assertEquals(0, cli("runs", project.toString(), "--json"), err);
        JsonNode runs = new ObjectMapper().readTree(out);
        assertEquals(3, runs.size(), out);
        assertEquals(
                List.of(false, true, false),
                List.of(
                        runs.get(0).get("draft").asBoolean(),
                        runs.get(1).get("draft").asBoolean(),
                        runs.get(2).get("draft").asBoolean()),
                out);
        assertEquals(3, runs.get(1).get("rows").asInt(), "a draft's figures count its rows only");
        assertEquals(runs.get(0).get("rows").asInt(), runs.get(2).get("rows").asInt(), "the re-run covers every row");
        assertEquals(0, cli("runs", project.toString()), err);
        assertTrue(out.contains("run 2 (draft)"), out);
    }

    @Test
    void aRerunTakesTheModeAndConcurrencyStoredInTheProjectUnlessGiven() throws Exception {
        try (Project opened = Project.open(project)) {
            ObjectNode options = new ObjectMapper().createObjectNode();
            options.put("mode", "batch");
            options.put("concurrency", 3);
            opened.saveRunOptions(options); // as the workbench keeps them
        }
        assertEquals(0, cli("run", "--project", project.toString(), "--poll-seconds", "0.05", "--json"), err);
        assertEquals("batch", lastRun().get("mode").asText());
        assertEquals(3, storedConcurrency());

        assertEquals(
                0,
                cli("run", "--project", project.toString(), "--mode", "realtime", "--concurrency", "5", "--json"),
                err);
        assertEquals("realtime", lastRun().get("mode").asText(), "flags win");
        assertEquals(5, storedConcurrency());

        try (Project opened = Project.open(project)) {
            opened.saveRunOptions(new ObjectMapper().createObjectNode().put("mode", "sometimes"));
        }
        assertEquals(ArbiterCli.BAD_INPUT, cli("run", "--project", project.toString()));
        assertTrue(err.contains("stores the mode 'sometimes'"), err);
        assertEquals(0, cli("run", "--project", project.toString(), "--mode", "realtime", "--json"), err);
    }

    @Test
    void aRerunReadsTheProjectsCurrentDatasetNotTheLastCopiedIn() throws Exception {
        String movies;
        try (Project opened = Project.open(project)) {
            movies = opened.datasetInfo().orElseThrow().sha256();
            Dataset other = new Dataset("other", List.of("Text"), List.<String[]>of(new String[] {"a"}));
            opened.copyDataset(other, null, "other-rows"); // e.g. kept for a review: not the one to re-run
            assertEquals(movies, opened.datasetInfo().orElseThrow().sha256());
            opened.saveDataset(other, null, "other-rows");
            opened.useDataset(movies); // the workbench went back to the movies and saved
        }
        assertEquals(0, cli("run", "--project", project.toString(), "--json"), err);
        assertEquals(
                Samples.movies().size(),
                new ObjectMapper().readTree(out).get("rows").asInt());
    }

    /** The newest run's parameters as the project records them. */
    private JsonNode lastRun() throws Exception {
        try (Project opened = Project.open(project)) {
            var runs = opened.runs();
            return new ObjectMapper()
                    .readTree(runs.get(runs.size() - 1).record().parametersJson());
        }
    }

    /** The concurrency the last run used, kept with the provider profile. */
    private int storedConcurrency() throws Exception {
        try (Project opened = Project.open(project)) {
            return opened.provider().orElseThrow().concurrency();
        }
    }

    @Test
    void failBelowExitsWithThreeAndNamesTheMetric() throws Exception {
        assertEquals(
                ArbiterCli.BELOW_THRESHOLD,
                cli("run", "--project", project.toString(), "--fail-below", "base_vs_truth=0.1,kappa=1.01"),
                out);
        assertTrue(err.contains("below threshold: kappa"), err);
        assertEquals(0, cli("run", "--project", project.toString(), "--fail-below", "base_vs_truth=0.1"), err);
        assertEquals(ArbiterCli.BAD_INPUT, cli("run", "--project", project.toString(), "--fail-below", "speed=3"));
        assertTrue(err.contains("base_vs_truth"), err);
    }

    @Test
    void listingOrComparingAMissingProjectCreatesNothing() {
        Path missing = dir.resolve("nope.arbiter");
        assertEquals(ArbiterCli.BAD_INPUT, cli("runs", missing.toString()));
        assertEquals(ArbiterCli.BAD_INPUT, cli("compare", project.toString(), "1", "9"));
        assertTrue(err.contains("no run 9"), err);
        assertTrue(Files.notExists(missing));
    }

    @Test
    void aRunRefusedForBadInputCreatesNoProjectFile() {
        Path fresh = dir.resolve("fresh.arbiter");
        assertEquals(
                ArbiterCli.BAD_INPUT,
                cli(
                        "run",
                        "--project",
                        fresh.toString(),
                        "--dataset",
                        dir.resolve("no-such.csv").toString(),
                        "--input-column",
                        "Overview",
                        "--base-prompt",
                        "b.txt",
                        "--judge-prompt",
                        "j.txt"));
        assertTrue(err.contains("no-such.csv"), err);
        assertTrue(Files.notExists(fresh), "the refused run left " + fresh + " behind");
    }

    private int cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = ArbiterCli.execute(
                new ArrayList<>(List.of(args)).toArray(String[]::new),
                new PrintWriter(o, true),
                new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return status;
    }
}
