package io.arbiter.core.metrics;

/**
 * One juror against the reference (the truth, else a person's verdict) on the rows it read that have one.
 *
 * @param name      the juror's name (its model), as in the jury's {@link Ratings}
 * @param agreement share of those rows where its category is the reference's, with a 95% Wilson interval
 * @param kappa     Cohen's kappa against the reference, with a 95% bootstrap interval
 * @param n         rows with both a reading of this juror and a reference
 * @param cost      what this juror's readings cost, or null when unknown
 */
public record JurorFigures(String name, Estimate agreement, Estimate kappa, long n, Double cost) {}
