/**
 * Grading schemes: how a judge grades and everything that follows from it (what the judge prompt is given, how its
 * output is read, the agreement rule, worked examples, figures, export columns, review marks), behind
 * {@link io.arbiter.core.scheme.JudgeScheme}; and the row scope, the one rule for which rows a figure counts.
 */
package io.arbiter.core.scheme;
