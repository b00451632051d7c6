package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.dataset.Samples;
import io.arbiter.offline.BatchPace;
import io.arbiter.offline.OfflineServer;
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
        Result run = run(sample(
                List.of(
                        "--answer-a-column",
                        "answer_a",
                        "--answer-b-column",
                        "answer_b",
                        "--human-preference-column",
                        "human_preference"),
                "--out",
                results.toString(),
                "--json"));
        assertEquals(0, run.status(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String key : KEYS) {
            assertTrue(json.has(key), key + " in " + json);
        }
        int rows = Samples.pairwise().size();
        assertEquals(rows, json.get("rows").asInt());
        assertEquals("both", json.get("swap").asText());
        assertEquals(
                rows,
                json.get("a_wins").asInt()
                        + json.get("b_wins").asInt()
                        + json.get("ties").asInt()
                        + json.get("inconsistent").asInt()
                        + json.get("unparsed_judge").asInt()
                        + json.get("errors").asInt(),
                "every row has one outcome, or an error");
        // The demo judge leans to the answer shown first, so the swap shows it.
        assertTrue(json.get("first_position_rate").asDouble() > 0.5, json.toString());
        assertTrue(json.get("inconsistent").asInt() > 0, json.toString());
        assertTrue(json.get("human_kappa").isNumber(), json.toString());
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

    @Test
    void aProjectsReviewedPreferenceIsInTheCsvAsInTheRunsFigures() throws Exception {
        Path project = dir.resolve("pairs.arbiter");
        List<String> pair = List.of(
                "--answer-a-column",
                "answer_a",
                "--answer-b-column",
                "answer_b",
                "--human-preference-column",
                "human_preference");
        assertEquals(0, run(args(pair, "--project", project.toString())).status());
        // A reviewer says B on row 1, whose dataset preference is A, on the pair the run judged.
        try (io.arbiter.core.project.Project opened = io.arbiter.core.project.Project.open(project)) {
            long runId = opened.runs().get(0).id();
            io.arbiter.core.run.RowResult row = opened.rows(runId).get(0);
            opened.saveVerdict(
                    opened.currentDatasetSha().orElseThrow(),
                    0,
                    io.arbiter.core.review.HumanVerdict.preferring(
                            io.arbiter.core.verdict.Preference.B,
                            "",
                            "ann",
                            java.time.Instant.EPOCH,
                            io.arbiter.core.run.RowRatings.judgedAnswer(row)));
        }
        Path results = dir.resolve("reviewed.csv");
        Result again = run(args(pair, "--project", project.toString(), "--out", results.toString(), "--json"));
        assertEquals(0, again.status(), again.err());
        List<String> lines = Files.readAllLines(results);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertTrue(lines.get(1).endsWith(",B") || lines.get(1).contains(",B,"), lines.get(1));
        Result metrics = run("metrics", results.toString(), "--scheme", "pairwise", "--json");
        JsonNode fromRun = new ObjectMapper().readTree(again.out());
        JsonNode fromCsv = new ObjectMapper().readTree(metrics.out());
        for (String key : List.of("human_agreement", "human_kappa", "a_wins", "win_rate_a")) {
            assertEquals(fromRun.get(key), fromCsv.get(key), key);
        }
        assertTrue(header.contains("human_preference"));
        io.arbiter.core.export.PairCsvReader.Read read = io.arbiter.core.export.PairCsvReader.read(
                results, new io.arbiter.core.export.PairCsvReader.Columns(null, null, null, null));
        assertEquals(
                io.arbiter.core.verdict.Preference.B, read.pairs().get(0).human(), "the reviewer's, not the file's");
    }

    @Test
    void aGeneratedPairRunsThroughTheBatchApiAndARerunOfItsProjectSendsNothingAlreadyAnswered() throws Exception {
        Path project = dir.resolve("pairs.arbiter");
        Path promptB = write("base-b.txt", Samples.text(Samples.PAIRWISE_BASE_PROMPT_B));
        int rows = Samples.pairwise().size();
        try (OfflineServer server =
                OfflineServer.builder().port(0).batchPace(BatchPace.FAST).start()) {
            String[] batch = generated(
                    server, "--base-prompt-b", promptB.toString(), "--project", project.toString(), "--mode", "batch");
            Result first = run(batch);
            assertEquals(0, first.status(), first.err());
            JsonNode json = new ObjectMapper().readTree(first.out());
            assertEquals(rows, json.get("rows").asInt());
            assertEquals(0, json.get("errors").asInt());
            // Four stages per row: both answers, then the judge in each order, each its own request; a request
            // equal to one already answered (the same prompt in both orders) comes from the project's cache.
            long lines = server.counters().batchLinesProcessed();
            assertTrue(lines > 3L * rows && lines <= 4L * rows, lines + " lines for " + rows + " rows");
            assertEquals(0, server.counters().duplicateAnswers());

            Result again = run(batch);
            assertEquals(0, again.status(), again.err());
            assertEquals(lines, server.counters().batchLinesProcessed(), "every order was answered: nothing is sent");
            assertEquals(0, server.counters().chatAttempts());
            JsonNode repeated = new ObjectMapper().readTree(again.out());
            for (String key : KEYS) {
                assertEquals(json.get(key), repeated.get(key), key);
            }

            // The project keeps the pair's second configuration: a re-run of it alone asks for nothing new.
            Result stored = run(
                    "run",
                    "--project",
                    project.toString(),
                    "--provider",
                    server.baseUrl().toString(),
                    "--base-model",
                    "offline-demo-base",
                    "--judge-model",
                    "offline-demo-judge",
                    "--json");
            assertEquals(0, stored.status(), stored.err());
            assertEquals(
                    lines,
                    server.counters().batchLinesProcessed() + server.counters().chatAnswers());
            assertEquals(
                    "both",
                    new ObjectMapper().readTree(stored.out()).get("swap").asText());
        }
        Result runs = run("runs", project.toString(), "--json");
        JsonNode listed = new ObjectMapper().readTree(runs.out()).get(0);
        assertEquals("pairwise:both", listed.get("scheme").asText());
        assertTrue(listed.has("win_rate_a") && listed.has("position_consistency"), listed.toString());
    }

    @Test
    void compareReadsTwoPairwiseRunsByTheirOutcomesAndSaysAVerdictRunGradesDifferently() throws Exception {
        Path project = dir.resolve("compare.arbiter");
        List<String> columns = List.of(
                "--answer-a-column",
                "answer_a",
                "--answer-b-column",
                "answer_b",
                "--human-preference-column",
                "human_preference",
                "--project",
                project.toString());
        assertEquals(0, run(sample(columns)).status());
        assertEquals(0, run(sample(columns, "--swap", "none")).status());

        Result compared = run("compare", project.toString(), "1", "2", "--json");
        assertEquals(0, compared.status(), compared.err());
        JsonNode json = new ObjectMapper().readTree(compared.out());
        JsonNode pairwise = json.get("pairwise");
        int rows = Samples.pairwise().size();
        long counted = 0;
        for (JsonNode line : pairwise.get("outcome_changes")) {
            for (JsonNode count : line) {
                counted += count.asLong();
            }
        }
        assertEquals(rows, counted, "every row judged in both runs is in the table once");
        assertTrue(pairwise.get("a").get("position_consistency").isNumber());
        assertTrue(pairwise.get("b").get("position_consistency").isNull(), "one order shows no position bias");
        assertTrue(pairwise.get("win_rate_a_change").isNumber(), pairwise.toString());
        assertEquals(
                pairwise.get("b").get("win_rate_a").asDouble()
                        - pairwise.get("a").get("win_rate_a").asDouble(),
                json.get("deltas").get("win_rate_a").get("change").asDouble(),
                1e-12);
        assertTrue(run("compare", project.toString(), "1", "2").out().contains("paired bootstrap"));

        Path verdictJudge = write("verdict.txt", "Is this reply right? {{base_answer}}\nAnswer Correct or Incorrect.");
        List<String> verdict = new ArrayList<>(List.of(
                sample(List.of("--answer-column", "answer_a", "--task", "generate", "--project", project.toString()))));
        verdict.subList(verdict.indexOf("--scheme"), verdict.indexOf("--scheme") + 2)
                .clear();
        verdict.set(verdict.indexOf("--judge-prompt") + 1, verdictJudge.toString());
        Result single = run(verdict.toArray(String[]::new));
        assertEquals(0, single.status(), single.err());
        Result apart = run("compare", project.toString(), "1", "3");
        assertEquals(0, apart.status(), apart.err());
        assertTrue(apart.out().contains("grade differently") && apart.out().contains("rows and errors"), apart.out());
    }

    @Test
    void eachWayOfGettingAPairWrongIsRefusedBeforeAnythingIsSent() throws Exception {
        assertRefused(args(List.of()), "needs two answers per row");
        assertRefused(args(List.of("--answer-b-column", "answer_b")), "--answer-b-column needs --answer-a-column");
        assertRefused(
                args(List.of("--answer-a-column", "answer_a", "--answer-b-column", "nope")),
                "Answer B column 'nope' is not in pairs.csv (columns: id, question, answer_a, answer_b");
        assertRefused(args(List.of("--base-model-b", "m", "--swap", "sometimes")), "not 'sometimes'");
        List<String> verdict = new ArrayList<>(List.of(args(List.of("--swap", "both"))));
        verdict.subList(verdict.indexOf("--scheme"), verdict.indexOf("--scheme") + 2)
                .clear();
        assertRefused(verdict.toArray(String[]::new), "--swap goes with --scheme pairwise");
        verdict.set(verdict.indexOf("--swap"), "--base-model-b");
        assertRefused(verdict.toArray(String[]::new), "go with --scheme pairwise");
        Path judge = write("single.txt", "Is {{base_answer}} right? [[A]]");
        List<String> single = new ArrayList<>(List.of(args(List.of("--base-model-b", "m"))));
        single.set(single.indexOf("--judge-prompt") + 1, judge.toString());
        assertRefused(single.toArray(String[]::new), "{{base_answer}} is not available to a pairwise judge");
        Path project = dir.resolve("p.arbiter");
        assertRefused(
                args(
                                List.of(
                                        "--answer-a-column",
                                        "answer_a",
                                        "--answer-b-column",
                                        "answer_b",
                                        "--project",
                                        project.toString()),
                                "--mode",
                                "batch")
                        .clone(),
                null);
        assertRefused(
                new String[] {
                    "batch-export",
                    "--project",
                    project.toString(),
                    "--provider",
                    "offline",
                    "--stage",
                    "base",
                    "--out",
                    dir.resolve("x.jsonl").toString()
                },
                "does not handle a pairwise run");
    }

    private static void assertRefused(String[] args, String message) {
        Result run = run(args);
        if (message == null) {
            assertEquals(0, run.status(), run.err());
            return;
        }
        assertEquals(ArbiterCli.BAD_INPUT, run.status(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    private String[] generated(OfflineServer server, String... more) throws Exception {
        List<String> all = new ArrayList<>(List.of(sample(List.of("--reference-column", "reference"), more)));
        all.set(all.indexOf("--provider") + 1, server.baseUrl().toString());
        all.addAll(List.of(
                "--base-model",
                "offline-demo-base",
                "--judge-model",
                "offline-demo-judge",
                "--poll-seconds",
                "0.02",
                "--json"));
        return all.toArray(String[]::new);
    }

    /** The bundled pairwise sample's files, as the README's commands give them. */
    private String[] sample(List<String> pair, String... more) throws Exception {
        List<String> all = new ArrayList<>(List.of(args(pair, more)));
        all.set(
                all.indexOf("--dataset") + 1,
                write("sample.csv", Samples.text(Samples.PAIRWISE)).toString());
        all.set(
                all.indexOf("--base-prompt") + 1,
                write("sample-base.txt", Samples.text(Samples.PAIRWISE_BASE_PROMPT))
                        .toString());
        all.set(
                all.indexOf("--judge-prompt") + 1,
                write("sample-judge.txt", Samples.text(Samples.PAIRWISE_JUDGE_PROMPT))
                        .toString());
        return all.toArray(String[]::new);
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
