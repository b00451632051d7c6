package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on the bundled sample, against the embedded offline server. */
class RunCommandTest {

    @TempDir
    Path dir;

    private Path dataset;
    private Path basePrompt;
    private Path judgePrompt;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copySample() throws Exception {
        dataset = dir.resolve("movies.csv");
        basePrompt = dir.resolve("base-prompt.txt");
        judgePrompt = dir.resolve("judge-prompt.txt");
        Files.writeString(basePrompt, Samples.text(Samples.MOVIES_BASE_PROMPT));
        Files.writeString(judgePrompt, Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        Files.writeString(dataset, Samples.text(Samples.MOVIES));
    }

    @Test
    void runOnTheSamplePrintsOneJsonSummaryThatMatchesTheExportedCsv() throws Exception {
        Path results = dir.resolve("results.csv");
        int status = run(
                "run",
                "--dataset",
                dataset.toString(),
                "--input-column",
                "Overview",
                "--truth-column",
                "Genre",
                "--truth-separator",
                ",",
                "--base-prompt",
                basePrompt.toString(),
                "--judge-prompt",
                judgePrompt.toString(),
                "--provider",
                "offline",
                "--out",
                results.toString(),
                "--json");

        assertEquals(0, status, err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        int rows = summary.get("rows").asInt();
        assertEquals(Samples.movies().size(), rows);
        for (String key :
                List.of("base_vs_judge", "base_vs_truth", "judge_vs_truth", "unparsed_base", "unparsed_judge")) {
            assertTrue(summary.has(key), key);
        }
        double baseVsTruth = summary.get("base_vs_truth").asDouble();
        assertTrue(baseVsTruth > 0.4 && baseVsTruth < 0.95, "plausible accuracy, got " + baseVsTruth);

        // The CSV holds the same numbers: recount the columns a spreadsheet user would count.
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(reader)) {
            List<String[]> lines = csv.readAll();
            List<String> header = List.of(lines.get(0));
            assertEquals(rows + 1, lines.size());
            int verdictColumn = header.indexOf("judge_evaluation");
            int baseTruthColumn = header.indexOf("base_vs_truth");
            long correct = lines.stream()
                    .skip(1)
                    .filter(l -> l[verdictColumn].equals("Correct"))
                    .count();
            long judged = lines.stream()
                    .skip(1)
                    .filter(l -> l[verdictColumn].matches("Correct|Incorrect"))
                    .count();
            long right = lines.stream()
                    .skip(1)
                    .filter(l -> l[baseTruthColumn].equals("correct"))
                    .count();
            long scored = lines.stream()
                    .skip(1)
                    .filter(l -> l[baseTruthColumn].matches("correct|wrong"))
                    .count();
            assertEquals(summary.get("base_vs_judge_hits").asLong(), correct);
            assertEquals(summary.get("base_vs_judge_n").asLong(), judged);
            assertEquals(summary.get("base_vs_truth_hits").asLong(), right);
            assertEquals(summary.get("base_vs_truth_n").asLong(), scored);
        }
    }

    @Test
    void aMissingDatasetIsOneLineAndANonZeroExit() {
        int status = run(
                "run",
                "--dataset",
                dir.resolve("nope.csv").toString(),
                "--input-column",
                "Overview",
                "--base-prompt",
                basePrompt.toString(),
                "--judge-prompt",
                judgePrompt.toString());
        assertEquals(ArbiterCli.BAD_INPUT, status);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("nope.csv: no such file"), err.toString());
    }

    @Test
    void anUnknownFlagIsOneLineAndANonZeroExit() {
        int status = run("run", "--datset", dataset.toString());
        assertEquals(ArbiterCli.BAD_INPUT, status);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("arbiter: "), err.toString());
    }

    @Test
    void aColumnThatIsNotThereIsNamed() {
        int status = run(
                "run",
                "--dataset",
                dataset.toString(),
                "--input-column",
                "Plot",
                "--base-prompt",
                basePrompt.toString(),
                "--judge-prompt",
                judgePrompt.toString());
        assertEquals(ArbiterCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("Input column 'Plot' is not in movies.csv"), err.toString());
    }

    @Test
    void aBaseUrlWithoutModelsIsRefusedBeforeAnyRequest() {
        int status = run(
                "run",
                "--dataset",
                dataset.toString(),
                "--input-column",
                "Overview",
                "--base-prompt",
                basePrompt.toString(),
                "--judge-prompt",
                judgePrompt.toString(),
                "--provider",
                "http://127.0.0.1:9/v1");
        assertEquals(ArbiterCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("--base-model and --judge-model are required"), err.toString());
    }

    @Test
    void aDeadEndpointStopsTheRunWithAPlainMessage() {
        int status = run(
                "run",
                "--dataset",
                dataset.toString(),
                "--input-column",
                "Overview",
                "--base-prompt",
                basePrompt.toString(),
                "--judge-prompt",
                judgePrompt.toString(),
                "--provider",
                "http://127.0.0.1:9/v1",
                "--base-model",
                "a",
                "--judge-model",
                "b",
                "--json");
        assertEquals(ArbiterCli.PROVIDER_FAILED, status);
        assertTrue(err.toString().contains("Nothing answers at http://127.0.0.1:9/v1"), err.toString());
    }

    @Test
    void raggedRowsAreRefusedInOneLineUnlessSkipped() throws Exception {
        Files.writeString(dataset, Samples.text(Samples.MOVIES).stripTrailing() + "\nOnly a title\n");

        int refused = run(
                "run",
                "--dataset",
                dataset.toString(),
                "--input-column",
                "Overview",
                "--base-prompt",
                basePrompt.toString(),
                "--judge-prompt",
                judgePrompt.toString());

        assertEquals(ArbiterCli.BAD_INPUT, refused);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(
                err.toString().contains("1 ragged row(s)") && err.toString().contains("--skip-ragged"), err.toString());

        err.getBuffer().setLength(0);
        int status = run(
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
                "--skip-ragged",
                "--json");

        assertEquals(0, status, err.toString());
        assertEquals(
                Samples.movies().size(),
                new ObjectMapper().readTree(out.toString()).get("rows").asInt());
    }

    @Test
    void theImportOverridesReadASemicolonWindows1252File() throws Exception {
        Dataset sample = Samples.movies();
        StringBuilder text = new StringBuilder("Title;Overview;Genre\r");
        for (int row = 0; row < sample.size(); row++) {
            for (int c = 0; c < 3; c++) {
                text.append(c > 0 ? ";" : "")
                        .append('"')
                        .append(sample.value(row, c).replace("\"", "\"\""))
                        .append('"');
            }
            text.append('\r');
        }
        Files.write(dataset, text.toString().getBytes(Charset.forName("windows-1252")));

        int status = run(
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
                "--encoding",
                "windows-1252",
                "--delimiter",
                ";",
                "--json");

        assertEquals(0, status, err.toString());
        assertEquals(
                sample.size(),
                new ObjectMapper().readTree(out.toString()).get("rows").asInt());
    }

    private int run(String... args) {
        return ArbiterCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
