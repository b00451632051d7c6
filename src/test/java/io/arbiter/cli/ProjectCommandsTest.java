package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.dataset.Samples;
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
        assertEquals(0, cli("run", "--dataset", dataset.toString(), "--input-column", "Overview", "--truth-column",
                "Genre", "--base-prompt", base.toString(), "--judge-prompt", judge.toString(), "--project",
                project.toString(), "--json"), err);
        Files.delete(dataset); // the re-run must need only the project
    }

    @Test
    void aHeadlessRerunAppendsARunWithTheSameFiguresAndRunsListsBoth() throws Exception {
        assertEquals(0, cli("run", "--project", project.toString(), "--json"), err);
        JsonNode rerun = new ObjectMapper().readTree(out);

        assertEquals(0, cli("runs", project.toString(), "--json"), err);
        JsonNode runs = new ObjectMapper().readTree(out);
        assertEquals(2, runs.size(), out);
        for (JsonNode run : runs) {
            assertEquals("COMPLETED", run.get("status").asText());
            assertEquals(rerun.get("rows").asInt(), run.get("rows").asInt());
            assertEquals(rerun.get("base_vs_truth").asDouble(), run.get("base_vs_truth").asDouble(), 1e-12);
            assertTrue(run.get("kappa").isNumber(), run.toString());
            assertEquals("offline-demo-base", run.get("base_model").asText());
            assertTrue(run.get("tokens").asLong() > 0, run.toString());
            // The offline demo model is free: its runs are priced at zero, not left unknown.
            assertEquals(0.0, run.get("cost_usd").asDouble(-1), run.toString());
        }
        assertEquals(runs.get(0).get("prompt_version").asLong(), runs.get(1).get("prompt_version").asLong());
        assertEquals(0, runs.get(0).get("cached_tokens").asLong());
        assertEquals(runs.get(1).get("tokens").asLong(), runs.get(1).get("cached_tokens").asLong(),
                "the re-run's answers all came from the project's cache");

        assertEquals(0, cli("runs", project.toString()), err);
        assertTrue(out.contains("offline-demo-base"), out);

        assertEquals(0, cli("compare", project.toString(), "1", "2", "--json"), err);
        JsonNode comparison = new ObjectMapper().readTree(out);
        assertEquals(0, comparison.get("flipped_rows").size(), "the same answers, from the cache");
        assertEquals(1.0, comparison.get("mcnemar").get("p").asDouble());
        assertEquals(0.0, comparison.get("deltas").get("kappa").get("change").asDouble(), 1e-12);
        assertEquals(0, cli("compare", project.toString(), "1", "2"), err);
        assertTrue(out.contains("McNemar p = 1"), out);
    }

    @Test
    void failBelowExitsWithThreeAndNamesTheMetric() throws Exception {
        assertEquals(ArbiterCli.BELOW_THRESHOLD, cli("run", "--project", project.toString(),
                "--fail-below", "base_vs_truth=0.1,kappa=1.01"), out);
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
        assertEquals(ArbiterCli.BAD_INPUT, cli("run", "--project", fresh.toString(), "--dataset",
                dir.resolve("no-such.csv").toString(), "--input-column", "Overview", "--base-prompt", "b.txt",
                "--judge-prompt", "j.txt"));
        assertTrue(err.contains("no-such.csv"), err);
        assertTrue(Files.notExists(fresh), "the refused run left " + fresh + " behind");
    }

    private int cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = ArbiterCli.execute(new ArrayList<>(List.of(args)).toArray(String[]::new), new PrintWriter(o, true),
                new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return status;
    }
}
