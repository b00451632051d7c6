package io.arbiter.ui.analysis;

import io.arbiter.core.export.ReliabilityJson;
import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.JurorFigures;
import io.arbiter.core.metrics.JuryFigures;
import io.arbiter.core.metrics.JuryMajority;
import io.arbiter.core.metrics.LengthBias;
import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.metrics.RepeatFigures;
import io.arbiter.core.run.JudgeReliability;
import io.arbiter.core.run.RowVotes;
import io.arbiter.core.verdict.Judgement;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.results.RowFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The "Judge reliability" card's figures, from {@link JudgeReliability} unchanged (the CLI's and the JSON's numbers):
 * repeats, the jury, the verbosity, self-preference and position probes. A part that does not apply to the run says
 * so in {@code …Absent}, so the card always shows what it could measure.
 *
 * @param reliability    the figures themselves, as {@link ReliabilityJson} writes them
 * @param flipRate       the flip rate with its interval; null when each row was judged once
 * @param repeatLine     "40 rows judged 3 times · Fleiss' κ across repeats 0.71 [0.60, 0.80]", or why there is none
 * @param jurors         one line per juror, then the jury's majority; empty without a jury
 * @param juryLine       Fleiss' κ and Krippendorff's α among jurors, the no-majority rows, or why there is no jury
 * @param matrix         the juror-by-juror agreement as heat cells (row = juror, column = juror); empty without a jury
 * @param cheapest       the cheapest jury reaching κ ≥ {@link ReliabilityJson#CHEAPEST_JURY_KAPPA}; empty without a jury
 * @param quartiles      acceptance or mean score per base-answer length quartile; empty when there is no probe
 * @param quartileRange  the range the quartile bars are drawn on: 0 to 1, or 0 to the highest score seen
 * @param lengthLine     Spearman's ρ and its reading, or why there is no verbosity probe
 * @param selfLine       the self-preference reading, or why there is none
 * @param position       the first-position rate of a pairwise run asked in both orders; null otherwise
 * @param positionLine   what the position figure means, or why there is none
 */
public record ReliabilitySection(
        JudgeReliability reliability,
        ScoreSection.Figure flipRate,
        String repeatLine,
        List<JurorLine> jurors,
        String juryLine,
        List<List<AnalysisFigures.HeatCell>> matrix,
        String cheapest,
        List<AnalysisFigures.Bar> quartiles,
        double quartileRange,
        String lengthLine,
        String selfLine,
        ScoreSection.Figure position,
        String positionLine) {

    /** One line of the jurors' table: model, agreement, κ with interval and cost, as shown. */
    public record JurorLine(String model, String agreement, String kappa, String cost, Estimate kappaEstimate) {}

    /** Shown when each row was judged once. */
    public static final String JUDGED_ONCE = "Judged once: run with repeats to see the flip rate.";
    /** Shown when one model judged. */
    public static final String ONE_JUROR = "One judge: add jurors (other judge models) to see how far they agree.";

    static ReliabilitySection of(JudgeReliability reliability, PairFigures pairs) {
        RepeatFigures repeats = reliability.repeats();
        ScoreSection.Figure flip = null;
        String repeatLine = JUDGED_ONCE;
        if (repeats != null) {
            flip = ScoreSection.figure(
                    "flipRate",
                    reliability.labelOrder() ? "Flip rate (label order)" : "Flip rate",
                    repeats.flipRate(),
                    0,
                    1,
                    new RowFilter(
                            "rows whose repeats disagree",
                            row -> flipped(row.result().votes())),
                    reliability.labelOrder()
                            ? "labels shown in a new order on each repeat: the label-order probe"
                            : "share of rows whose verdicts are not unanimous",
                    "Of the rows with at least two parsed verdicts, the share whose verdicts differ; Wilson interval.");
            repeatLine = String.format(
                    Locale.ROOT,
                    "%,d rows judged %d times · Fleiss' κ across repeats %s%s",
                    repeats.repeatedRows(),
                    repeatsOf(reliability),
                    repeats.fleiss().kappa().format(),
                    repeats.noMajorityRows() == 0
                            ? ""
                            : String.format(Locale.ROOT, " · %,d rows with no majority", repeats.noMajorityRows()));
        }
        JuryFigures jury = reliability.jury();
        List<JurorLine> jurors = new ArrayList<>();
        String juryLine = ONE_JUROR;
        List<List<AnalysisFigures.HeatCell>> matrix = List.of();
        String cheapest = "";
        if (jury != null) {
            for (JurorFigures juror : jury.jurors()) {
                jurors.add(new JurorLine(
                        juror.name(),
                        juror.agreement().format(),
                        juror.kappa().format(),
                        cost(juror.cost()),
                        juror.kappa()));
            }
            JuryMajority majority = jury.jury();
            jurors.add(new JurorLine(
                    "Jury (majority)",
                    majority.agreement().format(),
                    majority.kappa().format(),
                    cost(majority.cost()),
                    majority.kappa()));
            boolean scores = reliability.scoreAlpha() != null;
            juryLine = String.format(
                    Locale.ROOT,
                    "Among jurors: Fleiss' κ %s · Krippendorff's α (%s) %s · %,d rows with no majority",
                    jury.fleiss().kappa().format(),
                    scores ? "interval, scores" : "nominal",
                    (scores ? reliability.scoreAlpha() : jury.alpha()).alpha().format(),
                    majority.noMajority());
            matrix = matrix(jury);
            cheapest = jury.cheapestSubset(ReliabilityJson.CHEAPEST_JURY_KAPPA)
                    .map(s -> "Cheapest jury reaching κ ≥ " + ReliabilityJson.CHEAPEST_JURY_KAPPA + ": "
                            + String.join(", ", s.jurors()) + " (κ " + s.kappa().format()
                            + (s.cost() == null ? "" : ", " + cost(s.cost())) + ")")
                    .orElse("No jury of these jurors reaches κ ≥ " + ReliabilityJson.CHEAPEST_JURY_KAPPA
                            + " on the labelled rows.");
        }
        LengthBias length = reliability.length();
        List<AnalysisFigures.Bar> quartiles = new ArrayList<>();
        double range = 1;
        String lengthLine = "Pairs are not probed for verbosity: compare two answers' lengths in the rows.";
        if (length != null) {
            for (int q = 0; q < length.byQuartile().size(); q++) {
                Estimate e = length.byQuartile().get(q);
                quartiles.add(new AnalysisFigures.Bar(
                        "lengthQuartile" + (q + 1),
                        "Length Q" + (q + 1),
                        e,
                        e.format(),
                        String.format(Locale.ROOT, "n = %,d", e.n()),
                        quartileRows(length, q)));
                if (length.scores() && e.isDefined()) {
                    range = Math.max(range, Math.ceil(e.hasInterval() ? e.ciHigh() : e.value()));
                }
            }
            lengthLine = length.reading(); // it gives Spearman's ρ with its interval
        }
        String selfLine = reliability.selfPreference() == null
                ? "Self-preference: the answers came from a column, so no base model to compare the judge with."
                : "Self-preference: " + reliability.selfPreference().reading();
        ScoreSection.Figure position = null;
        String positionLine = "Position probe: for pairwise runs asked in both orders.";
        if (pairs != null && pairs.firstPositionRate().n() > 0) {
            position = ScoreSection.figure(
                    "reliabilityFirstPosition",
                    "First-position rate",
                    pairs.firstPositionRate(),
                    0,
                    1,
                    RowFilter.decidedPairs(),
                    "0.5 is unbiased; above it the answer shown first is favoured",
                    "Of every order's verdict that is not a tie, the share picking the answer shown first.");
            positionLine = "";
        } else if (pairs != null) {
            positionLine = "Position probe: ask in both orders to see whether the judge follows the place.";
        }
        return new ReliabilitySection(
                reliability,
                flip,
                repeatLine,
                List.copyOf(jurors),
                juryLine,
                matrix,
                cheapest,
                List.copyOf(quartiles),
                range,
                lengthLine,
                selfLine,
                position,
                positionLine);
    }

    private static int repeatsOf(JudgeReliability reliability) {
        return reliability.repeats().fleiss().raters();
    }

    private static String cost(Double cost) {
        return cost == null || !Double.isFinite(cost) ? "cost n/a" : String.format(Locale.ROOT, "$%.4f", cost);
    }

    /** True when the row's repeats' verdicts are not all the same. */
    private static boolean flipped(RowVotes votes) {
        if (votes == null || votes.repeats() < 2) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (int repeat = 0; repeat < votes.repeats(); repeat++) {
            String verdict = verdict(votes.repeat(repeat));
            if (verdict != null) {
                seen.add(verdict);
            }
        }
        return seen.size() > 1;
    }

    private static String verdict(Judgement reading) {
        return reading == null || !reading.parsed()
                ? null
                : reading.asVerdict().evaluation().name();
    }

    private static List<List<AnalysisFigures.HeatCell>> matrix(JuryFigures jury) {
        List<List<Proportion>> shares = jury.agreementMatrix();
        List<List<AnalysisFigures.HeatCell>> lines = new ArrayList<>();
        for (int a = 0; a < shares.size(); a++) {
            List<AnalysisFigures.HeatCell> line = new ArrayList<>();
            for (int b = 0; b < shares.get(a).size(); b++) {
                Proportion cell = shares.get(a).get(b);
                int first = a;
                int second = b;
                line.add(new AnalysisFigures.HeatCell(
                        "jurorCell-" + a + "-" + b,
                        a,
                        b,
                        cell.hits(),
                        cell.percent(),
                        String.format(Locale.ROOT, "%,d of %,d", cell.hits(), cell.n()),
                        cell.rate().orElse(0),
                        a == b,
                        new RowFilter(
                                "rows where " + jury.jurors().get(a).name() + " and "
                                        + jury.jurors().get(b).name() + " agree",
                                row -> agree(row, first, second))));
            }
            lines.add(List.copyOf(line));
        }
        return List.copyOf(lines);
    }

    private static boolean agree(ResultsTableRow row, int a, int b) {
        RowVotes votes = row.result().votes();
        if (votes == null) {
            return false;
        }
        String first = verdict(votes.juror(a));
        return first != null && Objects.equals(first, verdict(votes.juror(b)));
    }

    private static RowFilter quartileRows(LengthBias length, int q) {
        List<Double> edges = length.edges();
        return new RowFilter(String.format(Locale.ROOT, "base answers in length quartile %d", q + 1), row -> {
            if (edges.size() < 3 || !row.result().base().answered()) {
                return false;
            }
            int n = LengthBias.length(row.result().base().text());
            double low = q == 0 ? Double.NEGATIVE_INFINITY : edges.get(q - 1);
            double high = q == 3 ? Double.POSITIVE_INFINITY : edges.get(q);
            return n > low && n <= high;
        });
    }
}
