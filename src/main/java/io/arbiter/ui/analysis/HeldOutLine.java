package io.arbiter.ui.analysis;

import io.arbiter.core.metrics.Bootstrap;
import io.arbiter.core.metrics.HeldOutAgreement;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The judge against people on the rows held out from worked examples, apart from the rows examples come from: the
 * line under "Judge vs human" (docs/STATISTICS.md, "Held-out rows"). Off the FX thread.
 */
final class HeldOutLine {

    private HeldOutLine() {}

    /**
     * Over every row, worked examples included; empty when the review holds no rows out or no person judged a row.
     *
     * @param review the review as the table holds it, with its split
     */
    static String of(List<RowResult> rows, ReviewLog review, RowRatings people) {
        HeldOutSplit split = review.split();
        if (!split.holdsOut()) {
            return "";
        }
        List<RatedRow> heldOut = new ArrayList<>();
        List<RatedRow> examples = new ArrayList<>();
        for (RowResult row : rows) {
            HumanVerdict human =
                    review.verdictOn(row.row(), RowRatings.judgedAnswer(row)).orElse(null);
            (split.heldOut(row.row()) ? heldOut : examples).add(people.rate(row, human));
        }
        HeldOutAgreement figures = HeldOutAgreement.of(split.share(), heldOut, examples, Bootstrap.standard());
        long held = figures.heldOut().table().n();
        long example = figures.examples().table().n();
        if (held + example == 0) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "Held out (%s of rows, never examples): agreement %s · kappa %s · n = %,d · example rows: agreement %s"
                        + " · n = %,d",
                split.percent(),
                figures.heldOut().agreement().format(),
                figures.heldOut().kappa().format(),
                held,
                figures.examples().agreement().format(),
                example);
    }
}
