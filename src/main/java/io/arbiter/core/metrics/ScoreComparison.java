package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether one scoring judge sits closer to people's scores than another on the same rows (docs/SCORES.md, "Comparing
 * two runs"): Wilcoxon's signed-rank test on |judge A − human| − |judge B − human| per row, and McNemar's test on
 * whether each judge's pass/fail agrees with the human's. A positive difference is a row where B is closer.
 *
 * @param pairs          rows both runs scored and a human scored, each with a base answer
 * @param meanAbsErrorA  mean |judge A − human| over the pairs; empty without pairs
 * @param meanAbsErrorB  mean |judge B − human| over the pairs; empty without pairs
 * @param wilcoxon       the signed-rank test on the per-row differences of absolute errors (A's minus B's)
 * @param agreementRows  rows where both judges passed or failed the answer and a human did too
 * @param humanAgreement McNemar's test on those rows: b where only A agrees with the human, c where only B does
 */
public record ScoreComparison(
        long pairs,
        OptionalDouble meanAbsErrorA,
        OptionalDouble meanAbsErrorB,
        WilcoxonSignedRank wilcoxon,
        long agreementRows,
        McNemar humanAgreement) {

    /**
     * The comparison of two runs' rows, aligned: {@code a.get(i)} and {@code b.get(i)} are the same dataset row, each
     * rated by its own run (its scheme and its human judgements).
     *
     * @throws IllegalArgumentException when the lists differ in length
     */
    public static ScoreComparison of(List<RatedRow> a, List<RatedRow> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("Aligned rows needed: " + a.size() + " and " + b.size());
        }
        List<Double> differences = new ArrayList<>();
        long errorA = 0;
        long errorB = 0;
        long onlyA = 0;
        long onlyB = 0;
        long agreementRows = 0;
        for (int i = 0; i < a.size(); i++) {
            RatedRow rowA = a.get(i);
            RatedRow rowB = b.get(i);
            Integer distanceA = distance(rowA);
            Integer distanceB = distance(rowB);
            if (distanceA != null && distanceB != null) {
                errorA += distanceA;
                errorB += distanceB;
                differences.add((double) (distanceA - distanceB));
            }
            Optional<AgreementCell> cellA = AgreementCell.of(rowA);
            Optional<AgreementCell> cellB = AgreementCell.of(rowB);
            if (cellA.isPresent() && cellB.isPresent()) {
                agreementRows++;
                boolean agreesA = cellA.get().agrees();
                boolean agreesB = cellB.get().agrees();
                if (agreesA && !agreesB) {
                    onlyA++;
                } else if (agreesB && !agreesA) {
                    onlyB++;
                }
            }
        }
        int pairs = differences.size();
        return new ScoreComparison(
                pairs,
                pairs == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) errorA / pairs),
                pairs == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) errorB / pairs),
                WilcoxonSignedRank.of(
                        differences.stream().mapToDouble(Double::doubleValue).toArray()),
                agreementRows,
                McNemar.of(onlyA, onlyB));
    }

    /** Mean absolute error of A minus that of B: positive when B's judge sits closer to people. */
    public OptionalDouble meanDifference() {
        return meanAbsErrorA.isPresent() && meanAbsErrorB.isPresent()
                ? OptionalDouble.of(meanAbsErrorA.getAsDouble() - meanAbsErrorB.getAsDouble())
                : OptionalDouble.empty();
    }

    /** |judge − human| for a row with a base answer, a judge score and a human score; null otherwise. */
    private static Integer distance(RatedRow row) {
        Integer judge = row.scored().score();
        Integer human = row.humanScore();
        return judge == null || human == null || row.scored().base() == null ? null : Math.abs(judge - human);
    }
}
