/**
 * The figures: the three accuracies, the judge against the truth as a 2x2 with kappa, AC1, MCC and the rest, label
 * confusion, Wilson and bootstrap intervals, corrected accuracy and McNemar's test; for a scoring judge against human
 * scores, {@link io.arbiter.core.metrics.ScoreFigures} (defined in docs/SCORES.md) and Wilcoxon's signed-rank test;
 * for repeats and juries, Fleiss' kappa, Krippendorff's alpha, majorities and the bias probes (docs/STATISTICS.md).
 * Pure functions of the rows they are given; each is checked in tests against values worked out by hand.
 */
package io.arbiter.core.metrics;
