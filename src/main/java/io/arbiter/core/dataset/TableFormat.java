package io.arbiter.core.dataset;

import java.io.IOException;

/**
 * One way a file can hold a table (delimited text, JSON Lines, a JSON array): how to recognise it from the start of a
 * file, which settings it needs, and how to read its rows. {@link DatasetImporter} coordinates; a new format is one
 * implementation, a {@link FileFormat} constant, and a place in {@link TableFormats}.
 */
interface TableFormat {

    /** The format as settings, the CLI and the import dialog name it. */
    FileFormat id();

    /**
     * Whether a file that starts like {@code start} is in this format. Formats are asked in {@link TableFormats}'s
     * order and the first that says yes wins, so a format may say yes to anything its predecessors turned down.
     */
    boolean recognises(FileStart start) throws FileStart.NotText;

    /**
     * {@code given} with every null resolved for a file that starts like {@code start}, the format set to this one
     * and the encoding to the start's. Settings this format ignores get their defaults (comma, double quote, header).
     */
    default ImportSettings settle(FileStart start, ImportSettings given) throws FileStart.NotText {
        char quote = given.quote() != null ? given.quote() : '"';
        return given.orElse(new ImportSettings(id(), start.encoding(), ',', quote, start.lineEnding(quote), true));
    }

    /**
     * Reads the rows from {@code reading}'s text into its store, up to its row limit, reporting rows it leaves out and
     * checking for a Cancel every thousand rows or so. Rows are counted and checked once more after it returns.
     */
    void read(TableReading reading, ImportSettings settings) throws IOException, DatasetException;

    /** Whether the format reads {@link TableReading#text()}; a binary one reads {@link TableReading#bytes()}. */
    default boolean readsText() {
        return true;
    }

    /** What a read that must give rows says when there are none: "the file is empty". */
    String noRows(ImportSettings settings);
}
