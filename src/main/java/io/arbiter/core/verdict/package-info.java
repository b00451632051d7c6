/**
 * Reading what the models said: base answers matched leniently against the label set, the judge's output parsed into
 * a verdict or, for a rubric judge, a score on its scale with the reasoning kept apart; UNPARSED when it is not in the
 * expected form (never guessed).
 */
package io.arbiter.core.verdict;
