package io.arbiter.ui.results;

import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.PairFigures;
import java.util.Locale;

/**
 * A pairwise run's headline tiles and line, in words: the win rate of A, the position consistency and the
 * first-position rate, each with its interval, and the outcome counts, saying that inconsistent rows count as ties.
 *
 * @param winRate      the win rate of A, "0.62"
 * @param winRateDetail its interval and its rows
 * @param consistency  the position consistency
 * @param consistencyDetail how many rows agree in both orders, or that one order was asked
 * @param firstPosition the first-position rate
 * @param firstPositionDetail what an unbiased judge would show, and the interval
 * @param line         the outcome counts and the agreement with people, for the line beside the tiles
 */
record PairHeadline(
        String winRate,
        String winRateDetail,
        String consistency,
        String consistencyDetail,
        String firstPosition,
        String firstPositionDetail,
        String line) {

    static final String WIN_RATE_TITLE = "Win rate of A";
    static final String CONSISTENCY_TITLE = "Position consistency";
    static final String FIRST_POSITION_TITLE = "First-position rate";

    /** The tiles before a pairwise run has figures. */
    static final PairHeadline NONE =
            new PairHeadline("n/a", "no rows yet", "n/a", "no rows yet", "n/a", "no rows yet", "");

    static PairHeadline of(PairFigures p) {
        if (p == null || p.rows() == 0) {
            return NONE;
        }
        Estimate consistency = p.positionConsistency();
        String line = String.format(
                        Locale.ROOT,
                        "A %,d · B %,d · tie %,d · inconsistent %,d · unparsed %,d — inconsistent rows (the two orders "
                                + "disagree) count as ties in the win rate",
                        p.aWins(),
                        p.bWins(),
                        p.ties(),
                        p.inconsistent(),
                        p.unparsed())
                + (p.humanN() == 0
                        ? " · no human preferences yet (review with A / B / T)"
                        : String.format(
                                Locale.ROOT,
                                " · vs human: agreement %s · κ %s · n = %,d",
                                p.humanAgreement().format(),
                                p.humanKappa().format(),
                                p.humanN()));
        return new PairHeadline(
                point(p.winRateA()),
                interval(p.winRateA()) + " · " + p.decided() + " rows",
                point(consistency),
                consistency.n() == 0
                        ? "asked in one order only"
                        : String.format(
                                Locale.ROOT,
                                "%,d of %,d agree in both orders",
                                Math.round(consistency.value() * consistency.n()),
                                consistency.n()),
                point(p.firstPositionRate()),
                "0.5 unbiased · " + interval(p.firstPositionRate()),
                line);
    }

    private static String point(Estimate estimate) {
        return estimate.isDefined() ? String.format(Locale.ROOT, "%.2f", estimate.value()) : "n/a";
    }

    private static String interval(Estimate estimate) {
        return estimate.hasInterval()
                ? String.format(Locale.ROOT, "CI [%.2f, %.2f]", estimate.ciLow(), estimate.ciHigh())
                : "no interval";
    }
}
