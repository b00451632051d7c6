package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arbiter run --repeat 3 --judge-model a,b,c} on the movie sample with the offline demo jurors: the JSON keys
 * the issue names, the CSV's juror, jury and repeat columns, the flip rate and the jury's agreement worked out again
 * from those columns, and the drift gate on the flip rate and the jury's kappa.
 */
class JuryRunCommandTest {

    private static final String JURY = "offline-demo-judge,offline-demo-judge-2,offline-demo-judge-3";
    private static final List<String> KEYS = List.of(
            "flip_rate",
            "repeat_fleiss_kappa",
            "jury_kappa",
            "jury_fleiss_kappa",
            "jury_krippendorff_alpha",
            "length_bias_spearman");

    @TempDir
    Path dir;

    @Test
    void aJuryRepeatedPrintsItsFiguresAndTheCsvSaysTheSameRowByRow() throws Exception {
        Path results = dir.resolve("results.csv");
        Result run = run(args(
                "--repeat", "3", "--temperature", "0.7", "--judge-model", JURY, "--out", results.toString(), "--json"));
        assertEquals(0, run.status(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String key : KEYS) {
            assertTrue(json.get(key).isNumber(), key + " in " + json);
        }
        JsonNode jurors = json.get("jurors");
        assertEquals(3, jurors.size());
        assertEquals("offline-demo-judge-2", jurors.get(1).get("model").asText());
        for (JsonNode juror : jurors) {
            for (String key : List.of("agreement", "kappa", "kappa_ci_low", "kappa_ci_high", "cost")) {
                assertTrue(juror.has(key), key + " in " + juror);
            }
            assertEquals(0.0, juror.get("cost").asDouble(), "the demo is free");
        }

        List<String[]> lines;
        try (CSVReader reader = new CSVReader(Files.newBufferedReader(results))) {
            lines = reader.readAll();
        }
        List<String> header = List.of(lines.get(0));
        for (String column : List.of(
                "juror_1_evaluation",
                "juror_2_evaluation",
                "juror_3_evaluation",
                "jury_evaluation",
                "repeat_1_evaluation",
                "repeat_2_evaluation",
                "repeat_3_evaluation")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        // The flip rate again from the repeat columns: rows with two or more read repeats that do not all agree.
        int repeated = 0;
        int flipped = 0;
        // The jury's agreement with the truth again, on the labelled rows a juror read: its verdict against whether the
        // base answer was right (a row without a majority does not agree).
        int labelled = 0;
        int agreeing = 0;
        for (String[] line : lines.subList(1, lines.size())) {
            Set<String> said = new HashSet<>();
            int read = 0;
            for (int repeat = 1; repeat <= 3; repeat++) {
                String cell = line[header.indexOf("repeat_" + repeat + "_evaluation")];
                if (cell.equals("Correct") || cell.equals("Incorrect")) {
                    said.add(cell);
                    read++;
                }
            }
            if (read >= 2) {
                repeated++;
                flipped += said.size() > 1 ? 1 : 0;
            }
            String truth = line[header.indexOf("base_vs_truth")];
            String jury = line[header.indexOf("jury_evaluation")];
            boolean baseParsed = line[header.indexOf("base_parsed")].equals("true");
            boolean anyJurorRead = false;
            for (int juror = 1; juror <= 3; juror++) {
                String cell = line[header.indexOf("juror_" + juror + "_evaluation")];
                anyJurorRead |= cell.equals("Correct") || cell.equals("Incorrect");
            }
            if (baseParsed && anyJurorRead && (truth.equals("correct") || truth.equals("wrong"))) {
                labelled++;
                boolean expected = truth.equals("correct");
                agreeing += (jury.equals("Correct") && expected) || (jury.equals("Incorrect") && !expected) ? 1 : 0;
            }
        }
        assertEquals(repeated, json.get("flip_rate_n").asInt());
        assertEquals((double) flipped / repeated, json.get("flip_rate").asDouble(), 1e-12);
        assertTrue(flipped > 0, "temperature makes the demo jurors flip now and then");
        assertEquals(labelled, json.get("jury_agreement_n").asInt());
        assertEquals((double) agreeing / labelled, json.get("jury_agreement").asDouble(), 1e-12);

        Result text = run(args("--repeat", "3", "--temperature", "0.7", "--judge-model", JURY));
        assertTrue(text.out().contains("flip rate"), text.out());
        assertTrue(text.out().contains("jury kappa"), text.out());
    }

    @Test
    void oneJudgeOnceHasTheKeysUndefined() throws Exception {
        Result run = run(args("--json"));
        assertEquals(0, run.status(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String key : List.of(
                "flip_rate", "repeat_fleiss_kappa", "jury_kappa", "jury_fleiss_kappa", "jury_krippendorff_alpha")) {
            assertTrue(json.get(key).isNull(), key + " in " + json);
        }
        assertTrue(json.get("length_bias_spearman").isNumber(), "the verbosity probe needs no jury");
        assertEquals(0, json.get("jurors").size());
    }

    @Test
    void theDriftGateHoldsTheFlipRateFromAboveAndTheJurysKappaFromBelow() throws Exception {
        Result flips = run(args("--repeat", "3", "--temperature", "2", "--fail-below", "flip_rate=0.01"));
        assertEquals(ArbiterCli.BELOW_THRESHOLD, flips.status(), flips.err());
        assertTrue(flips.err().contains("flip_rate"), flips.err());
        assertTrue(flips.err().contains(" > 0.01"), flips.err());

        Result calm = run(args("--repeat", "2", "--fail-below", "flip_rate_high=0.5"));
        assertEquals(0, calm.status(), "at temperature 0 the demo never flips: " + calm.err());

        Result jury = run(args("--judge-model", JURY, "--fail-below", "jury_kappa=0.99"));
        assertEquals(ArbiterCli.BELOW_THRESHOLD, jury.status(), jury.err());
        assertTrue(jury.err().contains("jury_kappa"), jury.err());

        Result refused = run(args("--fail-below", "flip_rate_low=0.1"));
        assertEquals(ArbiterCli.BAD_INPUT, refused.status(), "a flip rate is gated from above");
    }

    @Test
    void aReRunOfTheProjectsStoredConfigurationKeepsItsJuryAndRepeats() throws Exception {
        String project = dir.resolve("jury.arbiter").toString();
        Result first = run(args("--judge-model", JURY, "--repeat", "2", "--project", project, "--json"));
        assertEquals(0, first.status(), first.err());

        Result again = run("run", "--provider", "offline", "--project", project, "--json");
        assertEquals(0, again.status(), again.err());
        JsonNode json = new ObjectMapper().readTree(again.out());
        assertEquals(3, json.get("jurors").size(), "the stored jury, not the judge alone: " + json);
        assertEquals(
                "offline-demo-judge-3", json.get("jurors").get(2).get("model").asText());
        assertTrue(json.get("repeat_fleiss_kappa").isNumber(), "the stored repeats: " + json);
        assertEquals(
                new ObjectMapper().readTree(first.out()).get("jury_kappa"),
                json.get("jury_kappa"),
                "the same votes, from the cache");

        Result once = run("run", "--provider", "offline", "--project", project, "--repeat", "1", "--json");
        JsonNode onceJson = new ObjectMapper().readTree(once.out());
        assertEquals(0, once.status(), once.err());
        assertTrue(onceJson.get("repeat_fleiss_kappa").isNull(), "--repeat given on the re-run wins");
        assertEquals(3, onceJson.get("jurors").size());
    }

    private String[] args(String... more) throws Exception {
        SampleFiles files = SampleFiles.in(dir);
        List<String> all = new ArrayList<>(List.of(
                "run",
                "--dataset",
                files.dataset().toString(),
                "--input-column",
                "Overview",
                "--truth-column",
                "Genre",
                "--truth-separator",
                ",",
                "--base-prompt",
                files.basePrompt().toString(),
                "--judge-prompt",
                files.judgePrompt().toString(),
                "--provider",
                "offline"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private record Result(int status, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ArbiterCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }
}
