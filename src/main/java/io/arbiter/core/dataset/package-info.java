/**
 * Reading tabular files into a {@link io.arbiter.core.dataset.Dataset}: CSV, TSV and other delimited text and JSON
 * Lines, in the encodings, delimiters and line endings real files come in, each detected and overridable, with
 * problems reported by line; the column mapping, and the label set read from the truth column.
 */
package io.arbiter.core.dataset;
