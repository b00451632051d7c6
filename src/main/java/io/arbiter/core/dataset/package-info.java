/**
 * Reading tabular files into a {@link io.arbiter.core.dataset.Dataset}: CSV, TSV and other delimited text, JSON
 * Lines and JSON arrays, in the encodings, delimiters and line endings real files come in, each detected and
 * overridable, with problems reported by line; the column mapping, and the label set read from the truth column.
 * Each file format is one {@code TableFormat}, registered in {@code TableFormats}; {@code DatasetImporter} coordinates.
 */
package io.arbiter.core.dataset;
