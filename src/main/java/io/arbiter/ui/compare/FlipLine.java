package io.arbiter.ui.compare;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.project.PairedFigures;
import io.arbiter.core.project.RunPair;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.VerdictScheme;
import io.arbiter.core.verdict.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A row whose verdict flipped, as the flipped-rows table shows it. {@code reading} says whether B's verdict now agrees
 * with the truth about B's base answer ("now right", "now wrong", ...): the ground truth, else what people said in
 * the dataset's human columns (a score passing or failing at the run's mark).
 */
public record FlipLine(
        int row,
        String input,
        String truth,
        String baseA,
        String baseB,
        String verdictA,
        String verdictB,
        String reading) {

    public static final String NOW_RIGHT = "now right";
    public static final String NOW_WRONG = "now wrong";

    /** The row number as the results table shows it, from 1. */
    public String number() {
        return Integer.toString(row + 1);
    }

    /** A line for each of the comparison's flips, in its order. */
    public static List<FlipLine> of(RunPair compared) {
        Map<Integer, RowResult> byRowA = byRow(compared.rowsA());
        Map<Integer, RowResult> byRowB = byRow(compared.rowsB());
        List<FlipLine> lines = new ArrayList<>(compared.comparison().flips().size());
        for (PairedFigures.Flip flip : compared.comparison().flips()) {
            lines.add(of(
                    flip,
                    byRowA.get(flip.row()),
                    byRowB.get(flip.row()),
                    compared.dataset(),
                    compared.mapping(),
                    compared.ratingsA(),
                    compared.ratingsB()));
        }
        return lines;
    }

    /** The line for one flip; {@code a} and {@code b} are the row in each run (null when a run lacks it). */
    static FlipLine of(
            PairedFigures.Flip flip,
            RowResult a,
            RowResult b,
            Dataset dataset,
            ColumnMapping mapping,
            JudgeScheme schemeA,
            JudgeScheme schemeB) {
        return of(flip, a, b, dataset, mapping, new Rater(schemeA, null), new Rater(schemeB, null));
    }

    /** The line for one flip, each run's row rated by what people said about it. */
    static FlipLine of(
            PairedFigures.Flip flip,
            RowResult a,
            RowResult b,
            Dataset dataset,
            ColumnMapping mapping,
            RowRatings ratingsA,
            RowRatings ratingsB) {
        return of(
                flip,
                a,
                b,
                dataset,
                mapping,
                new Rater(ratingsA.scheme(), ratingsA),
                new Rater(ratingsB.scheme(), ratingsB));
    }

    /** A run's scheme, with what people said about its rows when known (null: the ground truth alone). */
    private record Rater(JudgeScheme scheme, RowRatings ratings) {

        /** Whether the judge agrees with the truth about the row's base answer; null when that cannot be told. */
        Boolean agrees(RowResult row) {
            if (row == null) {
                return null;
            }
            RatedRow rated = ratings == null ? RatedRow.of(row.scored()) : ratings.rate(row);
            return scheme.agreement(rated).map(AgreementCell::agrees).orElse(null);
        }
    }

    private static FlipLine of(
            PairedFigures.Flip flip,
            RowResult a,
            RowResult b,
            Dataset dataset,
            ColumnMapping mapping,
            Rater raterA,
            Rater raterB) {
        String input = "";
        if (dataset != null && mapping != null && flip.row() < dataset.size()) {
            int column = dataset.columns().indexOf(mapping.inputColumns().get(0));
            input = column < 0 ? "" : oneLine(dataset.value(flip.row(), column));
        }
        List<String> truth = b == null ? List.of() : b.truth();
        return new FlipLine(
                flip.row(),
                input,
                String.join(", ", truth),
                answer(a),
                answer(b),
                word(flip.a(), a, raterA.scheme()),
                word(flip.b(), b, raterB.scheme()),
                reading(raterA.agrees(a), raterB.agrees(b)));
    }

    /** Whether B's verdict agrees with the truth about B's base answer, compared with A's. */
    private static String reading(Boolean rightA, Boolean rightB) {
        if (rightA == null || rightB == null) {
            return "no truth";
        }
        if (rightA && !rightB) {
            return NOW_WRONG;
        }
        if (!rightA && rightB) {
            return NOW_RIGHT;
        }
        return rightB ? "right in both (base answer changed)" : "wrong in both (base answer changed)";
    }

    private static String answer(RowResult row) {
        if (row == null || row.baseAnswer() == null) {
            return "";
        }
        return row.baseAnswer().label() != null
                ? row.baseAnswer().label()
                : oneLine(row.baseAnswer().raw());
    }

    /** A verdict as its word; a score as the score and whether it passes ("4 · pass"). */
    private static String word(Evaluation evaluation, RowResult row, JudgeScheme scheme) {
        if (scheme.scores() && row != null && row.judgement() != null) {
            return scheme.spell(row.judgement()) + (evaluation == Evaluation.CORRECT ? " · pass" : " · fail");
        }
        return VerdictScheme.spell(evaluation); // a flip is between two parsed verdicts
    }

    private static String oneLine(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 159) + "…" : flat;
    }

    private static Map<Integer, RowResult> byRow(List<RowResult> rows) {
        Map<Integer, RowResult> byRow = new HashMap<>(rows.size() * 2);
        rows.forEach(r -> byRow.put(r.row(), r));
        return byRow;
    }
}
