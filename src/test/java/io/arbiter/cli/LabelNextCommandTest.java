package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.metrics.LabelPlan;
import io.arbiter.core.project.Project;
import io.arbiter.core.review.HumanVerdict;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code label-next} on a project run offline over the movie sample with the truth kept on its first 20 rows. */
class LabelNextCommandTest {

    private static final int LABELLED = 20;

    @TempDir
    Path dir;

    private Path project;
    private String out;
    private String err;

    @BeforeEach
    void runOnRowsWithTruthOnlyAtTheTop() throws Exception {
        List<String[]> rows;
        try (CSVReader reader = new CSVReader(new StringReader(Samples.text(Samples.MOVIES)))) {
            rows = new ArrayList<>(reader.readAll());
        }
        for (int i = 1 + LABELLED; i < rows.size(); i++) {
            rows.get(i)[2] = ""; // Genre: no truth below the first 20 data rows
        }
        Path dataset = dir.resolve("movies.csv");
        try (CSVWriter writer = new CSVWriter(Files.newBufferedWriter(dataset))) {
            writer.writeAll(rows);
        }
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
    }

    @Test
    void jsonListsTheCoresPlanWithTheIntervalsNowAndAfter() throws Exception {
        assertEquals(0, cli("label-next", project.toString(), "--count", "5", "--json"), err);

        JsonNode plan = new ObjectMapper().readTree(out);
        assertEquals(1, plan.get("run").asLong(), "the latest run with verdicts");
        assertEquals(5, plan.get("count").asInt());
        assertEquals(5, plan.get("rows").size());
        LabelPlan core;
        try (Project opened = Project.openForReading(project)) {
            core = opened.ratings(1).labelPlan(opened.measured(1), 5);
        }
        for (int i = 0; i < 5; i++) {
            JsonNode row = plan.get("rows").get(i);
            LabelPlan.Pick pick = core.rows().get(i);
            assertEquals(pick.row() + 1, row.get("row").asInt(), "numbered as the results CSV numbers rows");
            assertTrue(row.get("row").asInt() > LABELLED, "only rows without truth: " + row);
            assertEquals(
                    pick.judgeCorrect() ? "judge_correct" : "judge_incorrect",
                    row.get("stratum").asText());
            assertEquals(
                    pick.judgeCorrect() ? "Correct" : "Incorrect",
                    row.get("verdict").asText());
            assertEquals(pick.reason(), row.get("reason").asText());
        }
        for (String figure : List.of("sensitivity", "specificity", "ppi_base_accuracy")) {
            JsonNode f = plan.get("expected").get(figure);
            for (String key : List.of("now_ci_low", "now_ci_high", "after_ci_low", "after_ci_high")) {
                assertTrue(f.has(key), figure + " has " + key);
            }
        }
        JsonNode ppi = plan.get("expected").get("ppi_base_accuracy");
        assertEquals(core.now().ppiBaseAccuracy().ciLow(), ppi.get("now_ci_low").asDouble(), 1e-12);
        assertEquals(
                core.after().ppiBaseAccuracy().ciHigh(),
                ppi.get("after_ci_high").asDouble(),
                1e-12);
        assertTrue(
                ppi.get("after_ci_high").asDouble() - ppi.get("after_ci_low").asDouble()
                        < ppi.get("now_ci_high").asDouble()
                                - ppi.get("now_ci_low").asDouble(),
                "five more labels narrow PPI: " + ppi);
    }

    @Test
    void aReviewedRowLeavesThePlan() throws Exception {
        assertEquals(0, cli("label-next", project.toString(), "--count", "3", "--json"), err);
        JsonNode before = new ObjectMapper().readTree(out).get("rows");
        int first = before.get(0).get("row_index").asInt();
        try (Project opened = Project.open(project)) {
            opened.saveVerdict(first, new HumanVerdict(true, "", "me", Instant.EPOCH));
        }

        assertEquals(0, cli("label-next", project.toString(), "--count", "3", "--run", "1", "--json"), err);

        List<Integer> after = new ArrayList<>();
        new ObjectMapper()
                .readTree(out)
                .get("rows")
                .forEach(row -> after.add(row.get("row_index").asInt()));
        assertFalse(after.contains(first), "a reviewed row is labelled: " + after);
        assertEquals(before.get(1).get("row_index").asInt(), after.get(0), "the rest keep their order");
    }

    @Test
    void textShowsTheRowsAndTheIntervals() {
        assertEquals(0, cli("label-next", project.toString(), "--count", "2"), err);

        assertTrue(out.contains("run 1: 2 rows to label next, of "), out);
        assertTrue(out.contains("judge said "), out);
        assertTrue(out.contains("sensitivity"), out);
        assertTrue(out.contains("after 2 more labels (expected)"), out);
    }

    @Test
    void anUnknownRunOrABadCountIsBadInput() {
        assertEquals(ArbiterCli.BAD_INPUT, cli("label-next", project.toString(), "--run", "9"));
        assertTrue(err.contains("there is no run 9"), err);
        assertEquals(ArbiterCli.BAD_INPUT, cli("label-next", project.toString(), "--count", "0"));
    }

    private int cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = ArbiterCli.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return status;
    }
}
