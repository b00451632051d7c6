package io.arbiter.core.metrics;

/**
 * How far the judge's scores sit from the human's on the rows the human gave one level.
 *
 * @param humanLevel     the human score the rows share
 * @param meanDifference mean judge − human over those rows with its t interval; its n is the rows
 */
public record LevelBias(int humanLevel, Estimate meanDifference) {}
