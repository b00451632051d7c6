package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.export.HeldOutJson;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.HeldOutAgreement;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The judge against people on held-out rows apart, and the warning when a change helps only the example rows. */
class HeldOutChangeTest {

    /** Seed 42 holds out rows 4, 12, 13, 15 and 16 of 0..19 (HeldOutSplitTest computes them independently). */
    private static final HeldOutSplit SPLIT = new HeldOutSplit(42, 0.25);

    private static final Set<Integer> HELD_OUT = Set.of(4, 12, 13, 15, 16);

    @Test
    void aChangeThatHelpsOnlyTheExampleRowsIsWarnedAbout() {
        // Every row is reviewed: the base answer is right. A judge agrees with the person when it says Correct.
        // Example rows (15): A rejects rows 0, 1, 2, 3, 5, 6 and accepts the other 9; B accepts all 15.
        //   change = (15 − 9) / 15 = +0.40.
        // Held-out rows (5): A accepts 4, 12, 13, 15 and rejects 16 (4 agree); B accepts 4, 12, 13 (3 agree).
        //   change = (3 − 4) / 5 = −0.20, on n = 5 rows: too few for an interval.
        RowRatings ratings = reviewedRight(20);
        List<RowResult> a = run(20, Set.of(0, 1, 2, 3, 5, 6, 16));
        List<RowResult> b = run(20, Set.of(15, 16));

        HeldOutChange change = HeldOutChange.of(a, ratings, b, ratings, SPLIT);

        assertEquals(0.4, change.exampleRows().value(), 1e-12);
        assertEquals(15, change.exampleRows().n());
        assertEquals(-0.2, change.heldOut().value(), 1e-12);
        assertEquals(5, change.heldOut().n());
        assertEquals(java.util.Optional.of(true), change.warns());
        assertEquals(
                "The change helps the example rows (+0.40) but not the held-out rows (\u22120.20, n = 5): it may fit"
                        + " the examples rather than the task.",
                change.warning().orElseThrow());

        // The other way round: B loses on the example rows, so nothing to warn about.
        HeldOutChange back = HeldOutChange.of(b, ratings, a, ratings, SPLIT);
        assertEquals(java.util.Optional.of(false), back.warns());
        assertTrue(back.warning().isEmpty());
    }

    @Test
    void aChangeThatHelpsTheHeldOutRowsBeyondTheIntervalIsNotWarnedAbout() {
        // 400 rows, about 100 held out: A rejects every third row everywhere, B accepts every row. The held-out
        // change is the share of rows A rejected there, about +0.33, its interval well above 0.
        RowRatings ratings = reviewedRight(400);
        Set<Integer> everyThird = new java.util.HashSet<>();
        for (int row = 0; row < 400; row += 3) {
            everyThird.add(row);
        }
        HeldOutChange change = HeldOutChange.of(run(400, everyThird), ratings, run(400, Set.of()), ratings, SPLIT);

        assertTrue(change.heldOut().ciLow() > 0.15, change.heldOut().toString());
        assertEquals(java.util.Optional.of(false), change.warns());
        // No person judged a held-out row: nothing to tell, so no warning either way.
        RowRatings examplesOnly = reviewed(20, row -> !HELD_OUT.contains(row));
        HeldOutChange unknown =
                HeldOutChange.of(run(20, Set.of(0)), examplesOnly, run(20, Set.of()), examplesOnly, SPLIT);
        assertEquals(1.0 / 15, unknown.exampleRows().value(), 1e-12);
        assertFalse(unknown.heldOut().isDefined());
        assertTrue(unknown.warns().isEmpty());
        assertTrue(unknown.warning().isEmpty());
    }

    @Test
    void theHeldOutFiguresCountPeoplesVerdictsOnEachSideApart() throws Exception {
        // Run B above: held out, 3 accepted of 5 right answers → agreement 3/5 = 0.60, Wilson [0.2307, 0.8824]
        // (Python: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n) with z = 1.959964); κ: po = 0.6 and
        // pe = (3·5 + 2·0)/25 = 0.6, so κ = 0. Example rows: 15 of 15 → 1.00; κ undefined (pe = 1).
        HeldOutAgreement figures =
                reviewedRight(20).heldOut(run(20, Set.of(15, 16)), SPLIT).orElseThrow();

        assertEquals(0.6, figures.heldOut().agreement().value(), 1e-12);
        assertEquals(0.2307242812760128, figures.heldOut().agreement().ciLow(), 1e-6);
        assertEquals(0.882379225767352, figures.heldOut().agreement().ciHigh(), 1e-6);
        assertEquals(0.0, figures.heldOut().kappa().value(), 1e-12);
        assertEquals(1.0, figures.examples().agreement().value(), 1e-12);
        assertFalse(figures.examples().kappa().isDefined());

        ObjectNode json = new ObjectMapper().createObjectNode();
        HeldOutJson.put(json, figures);
        assertEquals(0.25, json.get("held_out_share").asDouble());
        assertEquals(0.6, json.get("held_out_agreement").asDouble(), 1e-12);
        assertEquals(0.230724, json.get("held_out_agreement_ci_low").asDouble(), 1e-6);
        assertEquals(0.882379, json.get("held_out_agreement_ci_high").asDouble(), 1e-6);
        assertEquals(5, json.get("held_out_n").asLong());
        assertEquals("too few rows", json.get("held_out_kappa_no_interval").asText());
        assertEquals(1.0, json.get("example_rows_agreement").asDouble(), 1e-12);
        assertTrue(json.get("example_rows_kappa").isNull());
        assertEquals(15, json.get("example_rows_n").asLong());

        assertTrue(
                reviewedRight(20).heldOut(run(20, Set.of()), HeldOutSplit.NONE).isEmpty(), "no split, no keys");
    }

    /** Ratings over {@code rows} rows, each reviewed by a person who found the base answer right. */
    private static RowRatings reviewedRight(int rows) {
        return reviewed(rows, row -> true);
    }

    /** Ratings over {@code rows} rows, the rows {@code looked} at found right by a person, the others not looked at. */
    private static RowRatings reviewed(int rows, java.util.function.IntPredicate looked) {
        List<String[]> cells = new ArrayList<>();
        Map<Integer, HumanVerdict> reviewed = new HashMap<>();
        for (int row = 0; row < rows; row++) {
            cells.add(new String[] {"text " + row, "Drama"});
            if (looked.test(row)) {
                reviewed.put(row, new HumanVerdict(true, "", "ana", Instant.EPOCH));
            }
        }
        Dataset dataset = new Dataset("rows", List.of("text", "genre"), cells);
        return new RowRatings(
                JudgeSchemes.DEFAULT, dataset, new ColumnMapping(List.of("text"), "genre", ","), reviewed);
    }

    /** A run whose base answers Drama on every row and whose judge rejects the rows {@code rejected}. */
    private static List<RowResult> run(int rows, Set<Integer> rejected) {
        List<RowResult> results = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            boolean correct = !rejected.contains(row);
            String judged = "Drama," + (correct ? "Correct" : "Incorrect");
            results.add(RowResult.pending(row, List.of("Drama"))
                    .withBase(StageOutcome.answered("Drama", Usage.NONE), new BaseAnswer("Drama", "Drama"))
                    .withJudge(
                            StageOutcome.answered(judged, Usage.NONE),
                            new JudgeVerdict(judged, "Drama", correct ? Evaluation.CORRECT : Evaluation.INCORRECT)));
        }
        return results;
    }
}
