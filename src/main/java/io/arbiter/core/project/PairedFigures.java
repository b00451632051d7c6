package io.arbiter.core.project;

import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.McNemar;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoreComparison;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Two runs side by side: how their headline metrics moved, the rows whose judge verdict flipped, and McNemar's
 * test on the rows both runs judged (b: Correct in A and Incorrect in B; c: the reverse). A scoring run's verdict is
 * its pass or fail, so for two scoring runs the flips and McNemar's test are on pass/fail, and {@code scores} says
 * whose scores sit closer to people's.
 *
 * <p>Two pairwise runs are compared on their own figures ({@link PairComparison}: outcome changes, the win rate of
 * A in each and its change, position consistency and human agreement); their verdict flips and McNemar's test, which
 * would read "A wins" as Correct, are left empty. A pairwise run and a run of one answer grade differently: only
 * their shared counts, rows and errors, are compared ({@code gradedApart}).
 *
 * @param pairedRows  rows with a parsed verdict in both runs; for two pairwise runs, rows both judged without error
 * @param scores      two scoring runs on one scale against the human scores; null otherwise
 * @param pairs       two pairwise runs' comparison; null otherwise
 * @param gradedApart true when one run is pairwise and the other is not: the deltas are rows and errors only
 * @param judgeChange whether run B's judge is right more often than run A's, on the rows both could be checked on:
 *                    McNemar on right/wrong and paired intervals for the changes; null when not computed (pairs)
 */
public record PairedFigures(
        List<Delta> deltas,
        List<Flip> flips,
        long pairedRows,
        McNemar mcnemar,
        ScoreComparison scores,
        PairComparison pairs,
        boolean gradedApart,
        JudgeChange judgeChange) {

    /** One metric in both runs; {@link #change()} is B minus A. */
    public record Delta(String metric, OptionalDouble a, OptionalDouble b) {
        public OptionalDouble change() {
            return a.isPresent() && b.isPresent()
                    ? OptionalDouble.of(b.getAsDouble() - a.getAsDouble())
                    : OptionalDouble.empty();
        }
    }

    /**
     * A row the judge called one way in A and the other in B, with whether each run's judge was right about its base
     * answer (null where that cannot be told: no truth, nothing parsed).
     */
    public record Flip(int row, Evaluation a, Evaluation b, Boolean rightA, Boolean rightB) {

        public Flip(int row, Evaluation a, Evaluation b) {
            this(row, a, b, null, null);
        }

        /** "now right", "now wrong", or empty when the flip did not change whether the judge is right or it is unknown. */
        public String reading() {
            if (rightA == null || rightB == null || rightA.equals(rightB)) {
                return "";
            }
            return rightB ? "now right" : "now wrong";
        }
    }

    public PairedFigures {
        deltas = List.copyOf(deltas);
        flips = List.copyOf(flips);
    }

    /** Figures without the judge's change in rightness. */
    public PairedFigures(
            List<Delta> deltas,
            List<Flip> flips,
            long pairedRows,
            McNemar mcnemar,
            ScoreComparison scores,
            PairComparison pairs,
            boolean gradedApart) {
        this(deltas, flips, pairedRows, mcnemar, scores, pairs, gradedApart, null);
    }

    /** Figures without a score comparison. */
    public PairedFigures(List<Delta> deltas, List<Flip> flips, long pairedRows, McNemar mcnemar) {
        this(deltas, flips, pairedRows, mcnemar, null);
    }

    /** Figures of two runs of one answer per row. */
    public PairedFigures(
            List<Delta> deltas, List<Flip> flips, long pairedRows, McNemar mcnemar, ScoreComparison scores) {
        this(deltas, flips, pairedRows, mcnemar, scores, null, false);
    }

    /**
     * Compares by dataset row index, each run's rows rated by its own {@link RowRatings}; when both runs score on
     * the same scale, their scores are compared against the human scores on the rows both scored.
     */
    public static PairedFigures of(
            List<RowResult> runA, RowRatings ratingsA, List<RowResult> runB, RowRatings ratingsB) {
        boolean pairsA = ratingsA.scheme() instanceof PairwiseScheme;
        boolean pairsB = ratingsB.scheme() instanceof PairwiseScheme;
        if (pairsA && pairsB) {
            return pairwise(PairComparison.of(runA, ratingsA, runB, ratingsB));
        }
        if (pairsA || pairsB) {
            return gradedApart(runA, runB);
        }
        // Each row both runs hold, rated by its own run's ratings: what the rightness test, the flips' readings and
        // the score comparison all read.
        Map<Integer, RowResult> byRowA = new HashMap<>();
        runA.forEach(row -> byRowA.put(row.row(), row));
        List<RatedRow> ratedA = new ArrayList<>();
        List<RatedRow> ratedB = new ArrayList<>();
        Map<Integer, Integer> pairedIndex = new HashMap<>();
        for (RowResult row : runB) {
            RowResult before = byRowA.get(row.row());
            if (before != null) {
                pairedIndex.put(row.row(), ratedA.size());
                ratedA.add(ratingsA.rate(before));
                ratedB.add(ratingsB.rate(row));
            }
        }
        PairedFigures figures = of(runA, runB);
        List<Flip> read = new ArrayList<>(figures.flips().size());
        for (Flip flip : figures.flips()) {
            Integer at = pairedIndex.get(flip.row());
            read.add(new Flip(
                    flip.row(),
                    flip.a(),
                    flip.b(),
                    at == null ? null : right(ratingsA, ratedA.get(at)),
                    at == null ? null : right(ratingsB, ratedB.get(at))));
        }
        boolean oneScale = ratingsA.scheme() instanceof ScoreScheme a
                && ratingsB.scheme() instanceof ScoreScheme b
                && a.scale().equals(b.scale()); // scores on two scales are not distances on one
        return new PairedFigures(
                figures.deltas(),
                read,
                figures.pairedRows(),
                figures.mcnemar(),
                oneScale ? ScoreComparison.of(ratedA, ratedB) : null,
                null,
                false,
                JudgeChange.of(ratedA, ratedB));
    }

    /** Whether the judge was right about the row's base answer; null when that cannot be told. */
    private static Boolean right(RowRatings ratings, RatedRow row) {
        return ratings.scheme().agreement(row).map(AgreementCell::agrees).orElse(null);
    }

    /** Compares by dataset row index; rows missing from one run are only in that run's metrics. */
    public static PairedFigures of(List<RowResult> runA, List<RowResult> runB) {
        JudgeReport a = JudgeReport.of(scored(runA));
        JudgeReport b = JudgeReport.of(scored(runB));
        List<Delta> deltas = List.of(
                new Delta(
                        "base_vs_truth",
                        a.loop().baseVsTruth().rate(),
                        b.loop().baseVsTruth().rate()),
                new Delta(
                        "judge_vs_truth",
                        a.loop().judgeVsTruth().rate(),
                        b.loop().judgeVsTruth().rate()),
                new Delta(
                        "base_vs_judge",
                        a.loop().baseVsJudge().rate(),
                        b.loop().baseVsJudge().rate()),
                new Delta("kappa", a.judge().kappa().point(), b.judge().kappa().point()));

        Map<Integer, Evaluation> verdictsA = new HashMap<>();
        for (RowResult row : runA) {
            evaluation(row).ifPresent(e -> verdictsA.put(row.row(), e));
        }
        List<Flip> flips = new ArrayList<>();
        long paired = 0;
        long correctToIncorrect = 0;
        long incorrectToCorrect = 0;
        for (RowResult row : runB) {
            Evaluation before = verdictsA.get(row.row());
            Evaluation after = evaluation(row).orElse(null);
            if (before == null || after == null) {
                continue;
            }
            paired++;
            if (before != after) {
                flips.add(new Flip(row.row(), before, after));
                if (before == Evaluation.CORRECT) {
                    correctToIncorrect++;
                } else {
                    incorrectToCorrect++;
                }
            }
        }
        flips.sort(java.util.Comparator.comparingInt(Flip::row));
        return new PairedFigures(deltas, flips, paired, McNemar.of(correctToIncorrect, incorrectToCorrect));
    }

    /** Two pairwise runs: their own figures as the deltas, and the comparison. */
    private static PairedFigures pairwise(PairComparison pairs) {
        List<Delta> deltas = List.of(
                new Delta(
                        "win_rate_a",
                        pairs.a().winRateA().point(),
                        pairs.b().winRateA().point()),
                new Delta(
                        "position_consistency",
                        pairs.a().positionConsistency().point(),
                        pairs.b().positionConsistency().point()),
                new Delta(
                        "first_position_rate",
                        pairs.a().firstPositionRate().point(),
                        pairs.b().firstPositionRate().point()),
                new Delta(
                        "human_agreement",
                        pairs.a().humanAgreement().point(),
                        pairs.b().humanAgreement().point()),
                new Delta(
                        "human_kappa",
                        pairs.a().humanKappa().point(),
                        pairs.b().humanKappa().point()));
        return new PairedFigures(deltas, List.of(), pairs.rows(), McNemar.of(0, 0), null, pairs, false);
    }

    /** A pairwise run beside a run of one answer: what both count alike, rows and rows with an error. */
    private static PairedFigures gradedApart(List<RowResult> runA, List<RowResult> runB) {
        List<Delta> deltas = List.of(
                new Delta("rows", OptionalDouble.of(runA.size()), OptionalDouble.of(runB.size())),
                new Delta("errors", OptionalDouble.of(errors(runA)), OptionalDouble.of(errors(runB))));
        return new PairedFigures(deltas, List.of(), 0, McNemar.of(0, 0), null, null, true);
    }

    private static long errors(List<RowResult> rows) {
        return rows.stream().filter(RowResult::failed).count();
    }

    private static java.util.Optional<Evaluation> evaluation(RowResult row) {
        return row.verdict() != null && row.verdict().parsed()
                ? java.util.Optional.of(row.verdict().evaluation())
                : java.util.Optional.empty();
    }

    private static List<ScoredRow> scored(List<RowResult> rows) {
        return rows.stream().map(RowResult::scored).toList();
    }
}
