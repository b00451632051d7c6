package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@code arbiter run --scheme pairwise} with the offline demo: both ways of getting two answers, the JSON keys the
 * issue names, the results CSV's columns, {@code metrics} on that CSV giving the run's numbers, and each refusal.
 */
class PairwiseRunCommandTest {

    /** Every key the issue names for a pairwise run's JSON. */
    static final List<String> KEYS = List.of(
            "rows",
            "a_wins",
            "b_wins",
            "ties",
            "inconsistent",
            "unparsed_judge",
            "win_rate_a",
            "win_rate_a_ci_low",
            "win_rate_a_ci_high",
            "position_consistency",
            "first_position_rate",
            "human_agreement",
            "human_kappa");

    static final String DATA =
            """
            id,question,answer_a,answer_b,reference,human_preference
            1,How long do I have to return my router?,You have 30 days to return the hub or we charge $80.,Keep it.,30 days or an $80 charge.,A
            2,Can I cancel in the first two weeks?,Yes: 14 days of cooling-off from activation.,You can cancel any time for free.,14 days from activation.,A
            3,What does Fibre 500 cost?,$40 a month.,Fibre 500 is $40 a month with unlimited data.,$40 a month.,tie
            4,How do I report a fault?,Call us.,Report it in the app or on our 24/7 chat.,In the app or on 24/7 chat.,B
            5,Is installation free?,Standard installation is free.,Yes.,Standard installation is free.,A
            6,When is phone support open?,8am to 9pm every day.,Phone support is open from 8am to 9pm every day; chat is 24/7.,8am to 9pm daily.,B
            """;

    static final String JUDGE =
            """
            You compare two answers to a customer's question against the reference.
            End with [[A]] if answer A is better, [[B]] if answer B is better, or [[C]] for a tie.
            [user]
            Question: {{question}}

            Reference: {{reference}}

            [The Start of Assistant A's Answer]
            {{answer_a}}
            [The End of Assistant A's Answer]

            [The Start of Assistant B's Answer]
            {{answer_b}}
            [The End of Assistant B's Answer]
            """;

    static final String BASE = "Answer the customer's question in one sentence.\n[user]\n{{question}}\n";

    @TempDir
    Path dir;

    @Test
    void aJudgeOnlyRunOverTwoAnswerColumnsPrintsTheIssuesKeysAndMetricsOnItsCsvGivesTheSameNumbers() throws Exception {
        Path results = dir.resolve("results.csv");
        Result run = run(columns("--out", results.toString(), "--json"));
        assertEquals(0, run.status(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String key : KEYS) {
            assertTrue(json.has(key), key + " in " + json);
        }
        assertEquals(6, json.get("rows").asInt());
        assertEquals("both", json.get("swap").asText());
        assertEquals(3, json.get("preference_confusion").get("counts").size());
        assertTrue(!json.has("base_vs_truth"), "a pair has no base answer to be right or wrong");

        List<String> header = Arrays.asList(Files.readAllLines(results).get(0).split(","));
        assertTrue(
                header.containsAll(List.of(
                        "answer_a",
                        "answer_b",
                        "winner_ab",
                        "winner_ba",
                        "outcome",
                        "human_preference",
                        "judge_output_raw",
                        "judge_output_raw_ba",
                        "error")),
                header.toString());
        assertTrue(!header.contains("base_answer") && !header.contains("judge_evaluation"), header.toString());

        Result metrics = run("metrics", results.toString(), "--scheme", "pairwise", "--json");
        assertEquals(0, metrics.status(), metrics.err());
        JsonNode fromCsv = new ObjectMapper().readTree(metrics.out());
        json.fieldNames().forEachRemaining(key -> {
            if (fromCsv.has(key)) {
                assertEquals(json.get(key), fromCsv.get(key), key);
            }
        });
        for (String key : KEYS) {
            assertEquals(json.get(key), fromCsv.get(key), key);
        }
        assertEquals(json.get("preference_confusion"), fromCsv.get("preference_confusion"));
    }

    private String[] columns(String... more) throws Exception {
        return args(
                List.of(
                        "--answer-a-column",
                        "answer_a",
                        "--answer-b-column",
                        "answer_b",
                        "--reference-column",
                        "reference",
                        "--human-preference-column",
                        "human_preference"),
                more);
    }

    private String[] args(List<String> pair, String... more) throws Exception {
        Path dataset = write("pairs.csv", DATA);
        Path base = write("base.txt", BASE);
        Path judge = write("judge.txt", JUDGE);
        List<String> all = new ArrayList<>(List.of(
                "run",
                "--dataset",
                dataset.toString(),
                "--input-column",
                "question",
                "--scheme",
                "pairwise",
                "--base-prompt",
                base.toString(),
                "--judge-prompt",
                judge.toString(),
                "--provider",
                "offline"));
        all.addAll(pair);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    record Result(int status, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ArbiterCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }
}
