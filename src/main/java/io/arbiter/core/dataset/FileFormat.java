package io.arbiter.core.dataset;

/** How a file's rows are written: delimited text (CSV, TSV, ...) or one JSON object per line. */
public enum FileFormat {
    DELIMITED,
    JSON_LINES
}
