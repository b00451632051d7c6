package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.metrics.ScoreComparison;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.ScoreRuns;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter compare} on two scoring runs: which judge sits closer to people, in text and JSON. */
class ScoreCompareCommandTest {

    private static final int[] A = {4, 4, 2, 3, 1, 3, 5, 3, 1, 2, 2, 0, 3};
    private static final int[] B = {5, 4, 3, 2, 2, 5, 4, 3, 2, 1, 4, 3, 5};

    @TempDir
    Path dir;

    private String out;
    private String err;

    @Test
    void compareJsonCarriesTheScoreKeysBesideMcNemarOnPassFail() throws Exception {
        Path file = dir.resolve("support.arbiter");
        ScoreComparison expected;
        try (Project project = Project.open(file)) {
            ScoreRuns.record(project, A);
            ScoreRuns.record(project, B);
            expected = project.compare(1, 2).scores();
        }

        assertEquals(0, cli("compare", file.toString(), "1", "2", "--json"), err);
        JsonNode json = new ObjectMapper().readTree(out);
        for (String key : List.of(
                "score_pairs",
                "mean_abs_error_a",
                "mean_abs_error_b",
                "wilcoxon_w",
                "wilcoxon_z",
                "wilcoxon_p",
                "mcnemar",
                "paired_rows",
                "flipped_rows",
                "mcnemar_human_agreement")) {
            assertTrue(json.has(key), key + " in " + out);
        }
        assertEquals(expected.pairs(), json.get("score_pairs").asLong());
        assertEquals(
                expected.meanAbsErrorA().getAsDouble(),
                json.get("mean_abs_error_a").asDouble(),
                1e-12);
        assertEquals(
                expected.meanAbsErrorB().getAsDouble(),
                json.get("mean_abs_error_b").asDouble(),
                1e-12);
        assertEquals(expected.wilcoxon().w(), json.get("wilcoxon_w").asDouble(), 1e-12);
        assertEquals(expected.wilcoxon().z(), json.get("wilcoxon_z").asDouble(), 1e-12);
        assertEquals(expected.wilcoxon().pValue(), json.get("wilcoxon_p").asDouble(), 1e-12);
        assertEquals(
                expected.humanAgreement().p(),
                json.get("mcnemar_human_agreement").get("p").asDouble(),
                1e-12);
        assertTrue(json.get("mcnemar").has("correct_to_incorrect"), "McNemar on pass/fail keeps its keys");

        assertEquals(0, cli("compare", file.toString(), "1", "2"), err);
        assertTrue(out.contains("Wilcoxon signed-rank"), out);
        assertTrue(out.contains("mean |judge - human|"), out);
    }

    @Test
    void verdictRunsPrintNoScoreKeys() throws Exception {
        Path file = dir.resolve("movies.arbiter");
        try (Project project = Project.open(file)) {
            io.arbiter.core.project.ScoreRuns.recordVerdicts(project);
            io.arbiter.core.project.ScoreRuns.recordVerdicts(project);
        }
        assertEquals(0, cli("compare", file.toString(), "1", "2", "--json"), err);
        JsonNode json = new ObjectMapper().readTree(out);
        assertFalse(json.has("score_pairs"), out);
        assertFalse(json.has("mcnemar_human_agreement"), out);
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
