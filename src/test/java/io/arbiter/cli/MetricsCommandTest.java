package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.dataset.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter metrics} on Arbiter's own export of the sample, and on small hand-made files. */
class MetricsCommandTest {

    private static final List<String> ESTIMATES = List.of(
            "agreement",
            "kappa",
            "ac1",
            "mcc",
            "sensitivity",
            "specificity",
            "precision",
            "balanced_accuracy",
            "base_vs_truth",
            "judge_vs_truth",
            "base_vs_judge",
            "corrected_base_accuracy");

    @TempDir
    Path dir;

    @Test
    void metricsOfTheRunsExportEqualTheRunsOwnSummary() throws Exception {
        Path dataset = write("movies.csv", Samples.text(Samples.MOVIES));
        Path basePrompt = write("base-prompt.txt", Samples.text(Samples.MOVIES_BASE_PROMPT));
        Path judgePrompt = write("judge-prompt.txt", Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        Path results = dir.resolve("results.csv");
        Result run = run(
                "run",
                "--dataset",
                dataset.toString(),
                "--input-column",
                "Overview",
                "--truth-column",
                "Genre",
                "--base-prompt",
                basePrompt.toString(),
                "--judge-prompt",
                judgePrompt.toString(),
                "--provider",
                "offline",
                "--out",
                results.toString(),
                "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode summary = new ObjectMapper().readTree(run.out());

        Result metrics = run(
                "metrics",
                results.toString(),
                "--truth-column",
                "truth",
                "--base-column",
                "base_answer_raw",
                "--judge-verdict-column",
                "judge_evaluation",
                "--judge-prediction-column",
                "judge_prediction",
                "--json");

        assertEquals(0, metrics.status(), metrics.err());
        JsonNode json = new ObjectMapper().readTree(metrics.out());
        for (String key : List.of("base_vs_truth", "base_vs_judge", "judge_vs_truth")) {
            // The metrics JSON writes 12 significant digits (MetricsJson.SIGNIFICANT_DIGITS); the run's summary more.
            assertEquals(summary.get(key).asDouble(), json.get(key).asDouble(), 1e-12, key);
            assertEquals(
                    summary.get(key + "_hits").asLong(), json.get(key + "_hits").asLong(), key);
            assertEquals(summary.get(key + "_n").asLong(), json.get(key + "_n").asLong(), key);
            assertTrue(json.get(key + "_ci_low").asDouble() <= json.get(key).asDouble(), key);
        }
        assertEquals(summary.get("rows").asInt(), json.get("rows").asInt());
        assertEquals(
                summary.get("unparsed_judge").asInt(),
                json.get("unparsed_judge").asInt());
        for (String key : ESTIMATES) {
            for (String suffix : List.of("", "_ci_low", "_ci_high", "_n")) {
                assertTrue(json.has(key + suffix), key + suffix);
            }
        }
        JsonNode confusion = json.get("confusion");
        long tableN = confusion.get("tp").asLong()
                + confusion.get("fp").asLong()
                + confusion.get("fn").asLong()
                + confusion.get("tn").asLong();
        assertEquals(json.get("agreement_n").asLong(), tableN);
        assertTrue(tableN > 0);
        assertFalse(metrics.out().contains("NaN"));
        // Same input, same numbers: the bootstrap is seeded.
        assertEquals(
                metrics.out(),
                run(
                                "metrics",
                                results.toString(),
                                "--truth-column",
                                "truth",
                                "--base-column",
                                "base_answer_raw",
                                "--judge-verdict-column",
                                "judge_evaluation",
                                "--judge-prediction-column",
                                "judge_prediction",
                                "--json")
                        .out());
    }

    @Test
    void handMadeFileWithQuotedCellsHumansAndRowsWithoutTruth() throws Exception {
        // Labelled by truth: rows 1-4 -> tp (1, 2), fn (3), tn (4). Row 5 has no truth but a human says the
        // answer is wrong and the judge said Correct -> fp. Rows 6 and 7 have neither: unlabelled, one Correct.
        // "'-Drama" is how the export writes the answer "-Drama"; it must read back as "-Drama" -> Drama.
        Path file = write(
                "judged.csv",
                """
                id,gold,answer,verdict,reviewer
                1,"Crime, Drama",Drama,Correct,
                2,Comedy,'-Comedy,correct,
                3,Drama,Drama,Incorrect,
                4,Drama,Comedy,INCORRECT,
                5,,Drama,Correct,wrong
                6,,Drama,Correct,
                7,,Comedy,Incorrect,
                8,Drama,Drama,"I think, Correct",
                """);

        Result metrics = run(
                "metrics",
                file.toString(),
                "--truth-column",
                "gold",
                "--base-column",
                "answer",
                "--judge-verdict-column",
                "verdict",
                "--human-column",
                "reviewer",
                "--json");

        assertEquals(0, metrics.status(), metrics.err());
        JsonNode json = new ObjectMapper().readTree(metrics.out());
        assertEquals(
                "{\"tp\":2,\"fp\":1,\"fn\":1,\"tn\":1}", json.get("confusion").toString());
        assertEquals(1, json.get("labelled_by_human").asInt());
        assertEquals(2, json.get("corrected_base_accuracy_n").asInt());
        assertEquals(1, json.get("unparsed_judge").asInt());
        // base vs truth: rows 1, 2, 3, 8 right of 1-4 and 8 -> 4/5; base vs judge: Correct in rows 1, 2, 5, 6 of
        // the 7 parsed verdicts (row 8 is UNPARSED) -> 4/7.
        assertEquals(0.8, json.get("base_vs_truth").asDouble(), 1e-12);
        assertEquals(4.0 / 7, json.get("base_vs_judge").asDouble(), 1e-12);
        assertTrue(json.get("judge_vs_truth").isNull(), "no prediction column");
        // Se = 2/3, Sp = 1/2 -> Se + Sp − 1 = 1/6; p = 1/2 -> (0.5 + 0.5 − 1)/(1/6) = 0
        assertEquals(0.0, json.get("corrected_base_accuracy").asDouble(), 1e-12);
    }

    @Test
    void withoutJsonItPrintsATable() throws Exception {
        Path file = write("judged.csv", "truth,base,eval\nDrama,Drama,Correct\nComedy,Drama,Incorrect\n");

        Result metrics = run(
                "metrics",
                file.toString(),
                "--truth-column",
                "truth",
                "--base-column",
                "base",
                "--judge-verdict-column",
                "eval");

        assertEquals(0, metrics.status(), metrics.err());
        assertTrue(metrics.out().contains("base vs truth            0.50 [0.09, 0.91]"), metrics.out());
        assertTrue(
                metrics.out()
                        .lines()
                        .anyMatch(l -> l.matches(
                                " +kappa +1\\.00 \\(too few rows\\) +\\(n = 2, \\d+ of 10000 resamples undefined\\)")),
                "two rows give no zero-width [1.00, 1.00], and the resamples without a kappa are counted\n"
                        + metrics.out());
        assertTrue(metrics.out().contains("0 rows without truth. Assumes"), metrics.out());
        assertTrue(metrics.out().contains("corrected base accuracy  n/a"), metrics.out());
        assertFalse(metrics.out().contains("NaN"), metrics.out());
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThatAreThere() throws Exception {
        Path file = write("judged.csv", "truth,base,eval\nDrama,Drama,Correct\n");

        Result metrics = run(
                "metrics",
                file.toString(),
                "--truth-column",
                "truth",
                "--base-column",
                "answer",
                "--judge-verdict-column",
                "eval");

        assertEquals(ArbiterCli.BAD_INPUT, metrics.status());
        assertEquals(1, metrics.err().strip().lines().count(), metrics.err());
        assertTrue(
                metrics.err()
                        .contains("Base answer column 'answer' is not in " + file + " (columns: truth, base, eval)"),
                metrics.err());
    }

    @Test
    void aMissingFileIsOneLine() {
        Result metrics = run(
                "metrics",
                dir.resolve("nope.csv").toString(),
                "--truth-column",
                "t",
                "--base-column",
                "b",
                "--judge-verdict-column",
                "v");
        assertEquals(ArbiterCli.BAD_INPUT, metrics.status());
        assertTrue(metrics.err().contains("nope.csv: no such file"), metrics.err());
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
