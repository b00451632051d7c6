package io.arbiter.ui.compare;

import io.arbiter.core.project.PairComparison;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.PairOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two pairwise runs' comparison in words, in the place McNemar's test has for verdicts: how many rows changed
 * outcome and how, and the change in the win rate of answer A with its paired interval (core
 * {@link PairComparison}, the numbers {@code arbiter compare} prints).
 */
final class PairChangeText {

    /** A pairwise run beside a run of one answer per row. */
    static final String GRADED_APART = "One run compares two answers per row and the other grades one: they grade"
            + " differently, so only their rows and errors are compared. Each run's own figures are on Judge"
            + " analysis.";

    private PairChangeText() {}

    static String of(PairComparison pairs) {
        List<String> moves = new ArrayList<>();
        for (PairOutcome before : PairOutcome.values()) {
            for (PairOutcome after : PairOutcome.values()) {
                long count = pairs.count(before, after);
                if (before != after && count > 0) {
                    moves.add(count + " " + PairwiseScheme.spell(before) + " → " + PairwiseScheme.spell(after));
                }
            }
        }
        String changed = moves.isEmpty()
                ? String.format(Locale.ROOT, "No row changed outcome among the %,d both runs judged.", pairs.rows())
                : String.format(
                        Locale.ROOT,
                        "%,d of the %,d rows both runs judged changed outcome (%s); show them with the button below.",
                        pairs.changes().size(),
                        pairs.rows(),
                        String.join(", ", moves));
        String winRate = pairs.winRateChange().isDefined()
                ? String.format(
                        Locale.ROOT,
                        " Win rate of A, B minus A, over the %,d rows both decided: %s (paired bootstrap).",
                        pairs.bothDecided(),
                        pairs.winRateChange().format())
                : " No row was decided by both runs, so the win rates are not compared.";
        return changed + winRate;
    }
}
