package io.arbiter.core.dataset;

/**
 * How a file's rows are written: delimited text (CSV, TSV, ...), one JSON object per line, one JSON array of objects,
 * or a sheet of an Excel workbook.
 * The name settings, the CLI and the import dialog use; the {@link TableFormat} registered for it in
 * {@link TableFormats} recognises and reads it.
 */
public enum FileFormat {
    DELIMITED("delimited text"),
    JSON_LINES("JSON Lines"),
    JSON_ARRAY("JSON array"),
    XLSX("Excel workbook");

    private final String description;

    FileFormat(String description) {
        this.description = description;
    }

    /** The format as people name it: "delimited text", "JSON Lines", "JSON array", "Excel workbook". */
    public String describe() {
        return description;
    }
}
