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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arbiter run --task generate --scheme score} on the support sample with the offline demo judge: the JSON keys
 * the issue names, the results CSV's columns, {@code metrics} on that CSV agreeing with the run, the drift gate on a
 * score figure, a re-run of the stored configuration, the Batch API and the runs list.
 */
class ScoreRunCommandTest {

    /** The figures {@code run --json} prints for a scoring run, each with its interval. */
    private static final List<String> FIGURES = List.of(
            "mean_judge_score",
            "mean_human_score",
            "exact_agreement",
            "within_one",
            "weighted_kappa_linear",
            "weighted_kappa_quadratic",
            "spearman",
            "kendall_tau_b",
            "mae");

    @TempDir
    Path dir;

    @Test
    void aScoringRunPrintsEveryScoreFigureWithItsIntervalAndMetricsOnItsExportAgrees() throws Exception {
        Path results = dir.resolve("results.csv");
        Result run = run(args("--out", results.toString(), "--json"));
        assertEquals(0, run.status(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(Samples.support().size(), json.get("rows").asInt());
        assertTrue(json.has("unparsed_judge"));
        for (String key : FIGURES) {
            assertTrue(json.get(key).isNumber(), key + " in " + json);
            assertTrue(
                    json.get(key + "_ci_low").isNumber()
                            && json.get(key + "_ci_high").isNumber(),
                    key);
        }
        // Plausible, not perfect: the demo judge follows the people's scores most of the time.
        assertTrue(json.get("weighted_kappa_quadratic").asDouble() > 0.3, json.toString());
        assertTrue(json.get("exact_agreement").asDouble() < 1.0, json.toString());

        List<String> header = Arrays.asList(Files.readAllLines(results).get(0).split(","));
        assertTrue(
                header.containsAll(List.of("base_answer", "judge_score", "judge_reasoning", "human_score")),
                header.toString());
        assertTrue(header.contains("dataset_human_score"), "the dataset's own column keeps its cells apart");

        Result metrics = run(
                "metrics",
                results.toString(),
                "--scheme",
                "score",
                "--judge-score-column",
                "judge_score",
                "--human-score-column",
                "human_score",
                "--scale",
                "1-5",
                "--json");
        assertEquals(0, metrics.status(), metrics.err());
        JsonNode fromCsv = new ObjectMapper().readTree(metrics.out());
        for (String key : FIGURES) {
            assertEquals(json.get(key).asDouble(), fromCsv.get(key).asDouble(), 1e-12, key);
            assertEquals(
                    json.get(key + "_ci_low").asDouble(),
                    fromCsv.get(key + "_ci_low").asDouble(),
                    1e-12,
                    key);
        }
        assertEquals(
                json.get("unparsed_judge").asInt(),
                fromCsv.get("unparsed_judge").asInt());
    }

    @Test
    void aTruthColumnOfLabelsIsRefusedForFreeTextAnswers() throws Exception {
        List<String> given = new ArrayList<>(List.of(args("--truth-column", "reference")));
        Result run = run(given.toArray(String[]::new));
        assertEquals(ArbiterCli.BAD_INPUT, run.status());
        assertTrue(run.err().contains("free text") && run.err().contains("human score"), run.err());
    }

    @Test
    void passAtAloneReMarksTheStoredSchemeOnItsOwnScale() throws Exception {
        Path project = dir.resolve("ten.arbiter");
        List<String> given = new ArrayList<>(List.of(args("--project", project.toString())));
        given.set(given.indexOf("--scale") + 1, "0-10");
        given.set(given.indexOf("--pass-at") + 1, "7");
        assertEquals(0, run(given.toArray(String[]::new)).status());
        Result again = run("run", "--project", project.toString(), "--provider", "offline", "--pass-at", "6", "--json");
        assertEquals(0, again.status(), again.err());
        JsonNode json = new ObjectMapper().readTree(again.out());
        assertEquals("0-10", json.get("scale").asText());
        assertEquals(6, json.get("pass_at").asInt());
    }

    @Test
    void theDriftGateHoldsAScoringRunToItsWeightedKappa() throws Exception {
        Result low = run(args("--fail-below", "weighted_kappa_quadratic=0.1"));
        assertEquals(0, low.status(), low.err());
        Result high = run(args("--fail-below", "weighted_kappa_quadratic=0.99"));
        assertEquals(ArbiterCli.BELOW_THRESHOLD, high.status(), high.err());
        assertTrue(high.err().contains("weighted_kappa_quadratic"), high.err());
    }

    @Test
    void aProjectKeepsTheSchemeSoAReRunAndTheBatchApiGradeAlike() throws Exception {
        Path project = dir.resolve("support.arbiter");
        Result first = run(args("--project", project.toString(), "--json"));
        assertEquals(0, first.status(), first.err());
        Result again = run("run", "--project", project.toString(), "--provider", "offline", "--json");
        assertEquals(0, again.status(), again.err());
        JsonNode one = new ObjectMapper().readTree(first.out());
        JsonNode two = new ObjectMapper().readTree(again.out());
        assertEquals("1-5", two.get("scale").asText(), "the stored configuration grades with its scheme");
        assertEquals(one.get("weighted_kappa_quadratic"), two.get("weighted_kappa_quadratic"));

        Result batch = run(args("--mode", "batch", "--json"));
        assertEquals(0, batch.status(), batch.err());
        JsonNode viaBatch = new ObjectMapper().readTree(batch.out());
        assertEquals(one.get("weighted_kappa_quadratic"), viaBatch.get("weighted_kappa_quadratic"));

        Result runs = run("runs", project.toString(), "--json");
        assertEquals(0, runs.status(), runs.err());
        JsonNode listed = new ObjectMapper().readTree(runs.out()).get(0);
        assertEquals("score:1-5:4", listed.get("scheme").asText());
        assertEquals(
                one.get("weighted_kappa_quadratic").asDouble(),
                listed.get("weighted_kappa_quadratic").asDouble(),
                1e-12);
    }

    @Test
    void aHumanScoreOffTheScaleStopsTheRunBeforeItStartsAndSaysWhere() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad, "question,answer,reference,human_score\nRefund?,Soon.,5 days,4\nPause?,Call.,Online,7\n");
        List<String> given = new ArrayList<>(List.of(args()));
        given.set(given.indexOf("--dataset") + 1, bad.toString());
        Result run = run(given.toArray(String[]::new));
        assertEquals(ArbiterCli.BAD_INPUT, run.status());
        assertTrue(run.err().contains("Row 2") && run.err().contains("off the scale 1-5"), run.err());
    }

    private String[] args(String... more) throws Exception {
        Path dataset = write("support.csv", Samples.text(Samples.SUPPORT));
        Path base = write("base.txt", Samples.text(Samples.SUPPORT_BASE_PROMPT));
        Path judge = write("judge.txt", Samples.text(Samples.SUPPORT_JUDGE_PROMPT));
        List<String> all = new ArrayList<>(List.of(
                "run",
                "--dataset",
                dataset.toString(),
                "--input-column",
                "question",
                "--task",
                "generate",
                "--answer-column",
                "answer",
                "--reference-column",
                "reference",
                "--human-score-column",
                "human_score",
                "--scheme",
                "score",
                "--scale",
                "1-5",
                "--pass-at",
                "4",
                "--base-prompt",
                base.toString(),
                "--judge-prompt",
                judge.toString(),
                "--provider",
                "offline"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private record Result(int status, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ArbiterCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }
}
