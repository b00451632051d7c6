package io.arbiter.core.metrics;

import io.arbiter.core.verdict.PairOutcome;
import io.arbiter.core.verdict.Preference;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything about a pairwise judge: how its rows came out, the win rate of A, its own position bias and its
 * agreement with people's preferences, each with n and a 95% interval; the definitions, in words, are in
 * docs/PAIRWISE.md. The win rate and κ take a percentile bootstrap over their rows (the win rate is a mean of
 * 0, ½ and 1, whose normal interval would leave [0, 1] near the ends); the shares take Wilson intervals. With no
 * row every figure is undefined.
 *
 * @param rows                rows given, whatever their outcome
 * @param aWins               rows whose outcome is A
 * @param bWins               rows whose outcome is B
 * @param ties                rows whose outcome is a tie
 * @param inconsistent        rows whose two orders disagree once mapped back to the answers
 * @param unparsed            rows with an order asked but not parsed or not answered
 * @param winRateA            (aWins + ½·(ties + inconsistent)) / decided rows; bootstrap over the decided rows
 * @param positionConsistency share of decided swapped rows whose two orders agree; Wilson
 * @param firstPositionRate   share of order-level verdicts of swapped rows, ties left out, that pick the answer
 *                            shown first; Wilson
 * @param humanAgreement      share of decided rows with a human preference where the outcome (inconsistent as a
 *                            tie) is the human's; Wilson
 * @param humanKappa          Cohen's κ of outcome and human preference over A, B, tie; bootstrap over those rows
 * @param confusion           those rows by outcome (rows) and human preference (columns)
 */
public record PairFigures(
        long rows,
        long aWins,
        long bWins,
        long ties,
        long inconsistent,
        long unparsed,
        Estimate winRateA,
        Estimate positionConsistency,
        Estimate firstPositionRate,
        Estimate humanAgreement,
        Estimate humanKappa,
        PreferenceConfusion confusion) {

    /** The figures with the standard bootstrap ({@link Bootstrap#standard()}). */
    public static PairFigures of(List<PairRow> rows) {
        return of(rows, Bootstrap.standard());
    }

    /** The figures with the given bootstrap for the win rate and κ. */
    public static PairFigures of(List<PairRow> rows, Bootstrap bootstrap) {
        long[] outcomes = new long[PairOutcome.values().length];
        long swappedDecided = 0;
        long swappedConsistent = 0;
        long firstShown = 0;
        long shownNotTie = 0;
        long[][] confusion = new long[3][3];
        for (PairRow row : rows) {
            PairOutcome outcome = row.outcome();
            outcomes[outcome.ordinal()]++;
            if (row.swapped()) {
                if (outcome != PairOutcome.UNPARSED) {
                    swappedDecided++;
                    swappedConsistent += outcome == PairOutcome.INCONSISTENT ? 0 : 1;
                }
                for (Preference shown : row.shownVerdicts().toList()) {
                    shownNotTie += shown == Preference.TIE ? 0 : 1;
                    firstShown += shown == Preference.A ? 1 : 0;
                }
            }
            if (row.human() != null && outcome != PairOutcome.UNPARSED) {
                confusion[PreferenceConfusion.index(asPreference(outcome))][PreferenceConfusion.index(row.human())]++;
            }
        }
        long aWins = outcomes[PairOutcome.A.ordinal()];
        long bWins = outcomes[PairOutcome.B.ordinal()];
        long ties = outcomes[PairOutcome.TIE.ordinal()];
        long inconsistent = outcomes[PairOutcome.INCONSISTENT.ordinal()];
        PreferenceConfusion human = new PreferenceConfusion(confusion);
        return new PairFigures(
                rows.size(),
                aWins,
                bWins,
                ties,
                inconsistent,
                outcomes[PairOutcome.UNPARSED.ordinal()],
                winRate(aWins, bWins, ties + inconsistent, bootstrap),
                Wilson.interval(swappedConsistent, swappedDecided),
                Wilson.interval(firstShown, shownNotTie),
                Wilson.interval(human.agreed(), human.n()),
                kappa(human, bootstrap),
                human);
    }

    /** Rows with an outcome, the win rate's denominator: aWins + bWins + ties + inconsistent. */
    public long decided() {
        return aWins + bWins + ties + inconsistent;
    }

    /** Rows in the confusion: decided rows with a human preference. */
    public long humanN() {
        return confusion.n();
    }

    /** An outcome as the class it counts as against a person: inconsistent is a tie, as in the win rate. */
    private static Preference asPreference(PairOutcome outcome) {
        return switch (outcome) {
            case A -> Preference.A;
            case B -> Preference.B;
            case TIE, INCONSISTENT -> Preference.TIE;
            case UNPARSED -> throw new IllegalArgumentException("An unparsed row has no class");
        };
    }

    /** (a + ½·halves) / n over the decided rows, with the percentile bootstrap of those rows. */
    private static Estimate winRate(long a, long b, long halves, Bootstrap bootstrap) {
        long n = a + b + halves;
        if (n == 0) {
            return Estimate.undefined(0);
        }
        long[][] resamples = bootstrap.resampleCells(new long[] {a, b, halves});
        double[] replicates = new double[resamples.length];
        for (int r = 0; r < resamples.length; r++) {
            replicates[r] = (resamples[r][0] + 0.5 * resamples[r][2]) / n;
        }
        return Bootstrap.percentile(OptionalDouble.of((a + 0.5 * halves) / n), n, replicates);
    }

    /** κ with the percentile bootstrap of the confusion's rows; undefined without a row. */
    private static Estimate kappa(PreferenceConfusion confusion, Bootstrap bootstrap) {
        long n = confusion.n();
        if (n == 0) {
            return Estimate.undefined(0);
        }
        long[] cells =
                Arrays.stream(confusion.counts()).flatMapToLong(Arrays::stream).toArray();
        long[][] resamples = bootstrap.resampleCells(cells);
        double[] replicates = new double[resamples.length];
        for (int r = 0; r < resamples.length; r++) {
            long[][] table = new long[3][];
            for (int j = 0; j < 3; j++) {
                table[j] = Arrays.copyOfRange(resamples[r], 3 * j, 3 * j + 3);
            }
            replicates[r] = new PreferenceConfusion(table).kappa().orElse(Double.NaN);
        }
        return Bootstrap.percentile(confusion.kappa(), n, replicates);
    }
}
