package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter metrics --scheme score} on a small hand-made file whose figures are worked out in the comments. */
class ScoreMetricsCommandTest {

    /**
     * Six rows with both scores (judge, human): (5,5) (4,5) (3,3) (2,4) (1,1) (4,3); one row the judge's output had
     * no score for, one row nobody scored.
     *
     * <p>exact: 3 of 6 = 0.5. Within one: all but (2,4), 5 of 6. MAE: (0+1+0+2+0+1)/6 = 2/3. Mean judge 19/6, mean
     * human 21/6, difference -1/3. Weighted kappa over the 5 levels, weights |i-k|/4 (linear) and ((i-k)/4)²
     * (quadratic): observed weighted disagreement over expected, 1 - 0.1667/0.3889 = 0.5714 (linear) and
     * 1 - 0.0625/0.2396 = 0.7391 (quadratic). Spearman on mid-ranks: judge ranks 6, 3.5, 3, 2, 1, 3.5 and human
     * 5.5, 5.5, 2.5, 4, 1, 2.5 give 0.7165. Kendall: 15 pairs, 11 concordant, 1 discordant, 1 tied in the judge
     * only, 2 tied in the human only: (11-1)/sqrt((15-1)(15-2)) = 0.5930. Pass at 4: judge passes rows 1, 2, 6;
     * humans pass rows 1, 2, 4: two agree passing, (2,4) and (4,3) disagree, 2 agree failing: agreement 4/6.
     */
    private static final String SCORES =
            """
            id,judge_output_raw,judge_score,human_score
            1,Score: 5,5,5
            2,Score: 4,4,5
            3,Score: 3,3,3
            4,Score: 2,2,4
            5,Score: 1,1,1
            6,Score: 4,4,3
            7,Great answer,,2
            8,Score: 3,3,
            """;

    @TempDir
    Path dir;

    @Test
    void theScoreFiguresOfAnyCsvMatchTheWorkingByHand() throws Exception {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, SCORES);
        Result result = run(
                "metrics",
                file.toString(),
                "--scheme",
                "score",
                "--judge-score-column",
                "judge_score",
                "--human-score-column",
                "human_score",
                "--judge-output-column",
                "judge_output_raw",
                "--scale",
                "1-5",
                "--json");
        assertEquals(0, result.status(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(8, json.get("rows").asInt());
        assertEquals(1, json.get("unparsed_judge").asInt());
        assertEquals(6, json.get("scored_pairs").asInt());
        assertEquals(0.5, json.get("exact_agreement").asDouble(), 1e-9);
        assertEquals(5.0 / 6, json.get("within_one").asDouble(), 1e-9);
        assertEquals(2.0 / 3, json.get("mae").asDouble(), 1e-9);
        assertEquals(19.0 / 6, json.get("mean_judge_score").asDouble(), 1e-9);
        assertEquals(21.0 / 6, json.get("mean_human_score").asDouble(), 1e-9);
        assertEquals(-1.0 / 3, json.get("mean_score_difference").asDouble(), 1e-9);
        assertEquals(0.5714285714, json.get("weighted_kappa_linear").asDouble(), 1e-9);
        assertEquals(0.7391304348, json.get("weighted_kappa_quadratic").asDouble(), 1e-9);
        assertEquals(0.7164977208, json.get("spearman").asDouble(), 1e-9);
        assertEquals(0.5929994533, json.get("kendall_tau_b").asDouble(), 1e-9);
        assertEquals(4.0 / 6, json.get("agreement").asDouble(), 1e-9);
        assertEquals(2, json.get("confusion").get("tp").asInt());
        for (String key : new String[] {"exact_agreement", "weighted_kappa_quadratic", "spearman", "mae"}) {
            assertTrue(json.has(key + "_ci_low") && json.has(key + "_ci_high"), key);
        }
        assertTrue(json.get("exact_agreement_ci_low").asDouble() < 0.5);
        assertEquals(1, json.get("score_confusion").get("counts").get(3).get(1).asInt(), "human 4, judge 2");
    }

    @Test
    void aHumanScoreOffTheScaleStopsWithItsRowAndColumn() throws Exception {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, "judge_score,human_score\n4,5\n3,6\n");
        Result result = run(
                "metrics",
                file.toString(),
                "--scheme",
                "score",
                "--judge-score-column",
                "judge_score",
                "--human-score-column",
                "human_score");
        assertEquals(ArbiterCli.BAD_INPUT, result.status());
        assertTrue(result.err().contains("row 2") && result.err().contains("'6'"), result.err());
    }

    @Test
    void theScoreSchemeNeedsItsTwoColumns() throws Exception {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, SCORES);
        Result result = run("metrics", file.toString(), "--scheme", "score", "--judge-score-column", "judge_score");
        assertEquals(ArbiterCli.BAD_INPUT, result.status());
        assertTrue(result.err().contains("--human-score-column"), result.err());
    }

    private record Result(int status, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ArbiterCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }
}
