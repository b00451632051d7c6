package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter metrics --scheme pairwise} on a small hand-made CSV whose every figure is worked out below. */
class PairwiseMetricsCommandTest {

    /**
     * Seven rows. winner_ba is already mapped back to the answers, as Arbiter's export writes it.
     *
     * <pre>
     * row  ab   ba   human  outcome       shown verdicts (A-first, B-first in places shown)
     * 1    A    A    A      A             A, B
     * 2    A    B    B      inconsistent  A, A
     * 3    B    B    B      B             B, A
     * 4    tie  tie  tie    tie           tie, tie
     * 5    A    -    A      unparsed      A
     * 6    (error)                        left out, counted in errors
     * 7    A    A    -      A             A, B
     * </pre>
     *
     * a_wins 2, b_wins 1, ties 1, inconsistent 1, unparsed 1, decided 5. Win rate of A = (2 + ½·2) / 5 = 0.6.
     * Position consistency = 4 / 5 = 0.8. First position: non-tie shown verdicts 2+2+2+1+2 = 9, of which the first
     * place 1+2+1+1+1 = 6: 6/9. Against people (rows 1-4; inconsistent counts as tie): judge A/human A, tie/B,
     * B/B, tie/tie, agreement 3/4; judge totals A 1, B 1, tie 2, human A 1, B 2, tie 1, Σ r·c = 1 + 2 + 2 = 5,
     * κ = (4·3 − 5) / (4² − 5) = 7/11.
     */
    static final String CSV =
            """
            row,winner_ab,winner_ba,outcome,human_preference,error
            1,A,A,A,A,
            2,A,B,inconsistent,B,
            3,B,B,B,b,
            4,tie,tie,tie,tie,
            5,A,,unparsed,A,
            6,,,,A,judge: timed out
            7,a,A,A,,
            """;

    @TempDir
    Path dir;

    @Test
    void everyFigureOfAHandMadeCsvIsTheOneWorkedOutByHand() throws Exception {
        JsonNode json = metrics("--json");
        assertEquals(7, json.get("rows").asInt());
        assertEquals(1, json.get("errors").asInt());
        assertEquals(2, json.get("a_wins").asInt());
        assertEquals(1, json.get("b_wins").asInt());
        assertEquals(1, json.get("ties").asInt());
        assertEquals(1, json.get("inconsistent").asInt());
        assertEquals(1, json.get("unparsed_judge").asInt());
        assertEquals("both", json.get("swap").asText());
        assertEquals(0.6, json.get("win_rate_a").asDouble(), 1e-12);
        assertEquals(5, json.get("win_rate_a_n").asInt());
        // Five decided rows are too few for the bootstrap: no interval, and the reason and resamples say so.
        assertTrue(json.get("win_rate_a_ci_low").isNull());
        assertEquals("too few rows", json.get("win_rate_a_no_interval").asText());
        assertEquals(10_000, json.get("win_rate_a_resamples").asInt());
        assertEquals(0, json.get("win_rate_a_resamples_undefined").asInt());
        assertEquals(0.8, json.get("position_consistency").asDouble(), 1e-12);
        assertEquals(6.0 / 9, json.get("first_position_rate").asDouble(), 1e-12);
        assertEquals(9, json.get("first_position_rate_n").asInt());
        assertEquals(0.75, json.get("human_agreement").asDouble(), 1e-12);
        assertEquals(7.0 / 11, json.get("human_kappa").asDouble(), 1e-12);
        assertEquals(
                "[[1,0,0],[0,1,0],[0,1,1]]",
                json.get("preference_confusion").get("counts").toString());
    }

    @Test
    void swapNoneReadsTheAFirstVerdictsAloneAndHasNoPositionFigures() throws Exception {
        // Rows 1, 2, 5, 7 say A, row 3 B, row 4 tie: (4 + ½) / 6.
        JsonNode json = metrics("--swap", "none", "--json");
        assertEquals("none", json.get("swap").asText());
        assertEquals(4, json.get("a_wins").asInt());
        assertEquals(0, json.get("inconsistent").asInt());
        assertEquals(4.5 / 6, json.get("win_rate_a").asDouble(), 1e-12);
        assertTrue(json.get("position_consistency").isNull());
        assertTrue(json.get("first_position_rate").isNull());
    }

    @Test
    void theTextNamesTheOutcomesAndTheWinRatesInterval() throws Exception {
        Path file = dir.resolve("pairs.csv");
        Files.writeString(file, CSV);
        PairwiseRunCommandTest.Result text =
                PairwiseRunCommandTest.run("metrics", file.toString(), "--scheme", "pairwise");
        assertEquals(0, text.status(), text.err());
        assertTrue(
                text.out().contains("A wins 2, B wins 1, ties 1, inconsistent 1 (counted as ties), unparsed 1"),
                text.out());
        assertTrue(text.out().contains("win rate of A         0.60 (too few rows), n = 5"), text.out());
    }

    @Test
    void aWinnerThatIsNotABOrTieIsRefusedNamingTheRowAndColumn() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "winner_ab,winner_ba\nA,A\nmaybe,B\n");
        PairwiseRunCommandTest.Result run =
                PairwiseRunCommandTest.run("metrics", file.toString(), "--scheme", "pairwise");
        assertEquals(ArbiterCli.BAD_INPUT, run.status());
        assertTrue(
                run.err().contains("row 2")
                        && run.err().contains("'maybe'")
                        && run.err().contains("winner_ab"),
                run.err());
    }

    private JsonNode metrics(String... more) throws Exception {
        Path file = dir.resolve("pairs.csv");
        Files.writeString(file, CSV);
        String[] args = new String[4 + more.length];
        args[0] = "metrics";
        args[1] = file.toString();
        args[2] = "--scheme";
        args[3] = "pairwise";
        System.arraycopy(more, 0, args, 4, more.length);
        PairwiseRunCommandTest.Result run = PairwiseRunCommandTest.run(args);
        assertEquals(0, run.status(), run.err());
        return new ObjectMapper().readTree(run.out());
    }
}
