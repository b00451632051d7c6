package io.arbiter.core.metrics;

import java.util.List;

/**
 * A jury's (or a subset of jurors') majority against the reference, on the labelled rows at least one juror read.
 * A row with no majority counts as not agreeing and is also counted apart.
 *
 * @param jurors     the jurors whose majority this is, in the jury's order
 * @param agreement  share of the rows whose majority is the reference, with a 95% Wilson interval
 * @param kappa      Cohen's kappa of the majority against the reference (no majority: a column of its own)
 * @param n          the rows
 * @param noMajority rows among them with no majority
 * @param cost       the jurors' summed cost, or null when a juror's cost is unknown
 */
public record JuryMajority(
        List<String> jurors, Estimate agreement, Estimate kappa, long n, long noMajority, Double cost) {

    public JuryMajority {
        jurors = List.copyOf(jurors);
    }
}
