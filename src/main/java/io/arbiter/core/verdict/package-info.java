/**
 * Reading what the models said: base answers matched leniently against the label set, and the judge's output parsed
 * into a verdict, UNPARSED when it is not in the expected form (never guessed).
 */
package io.arbiter.core.verdict;
