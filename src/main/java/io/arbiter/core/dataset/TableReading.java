package io.arbiter.core.dataset;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A read under way as a {@link TableFormat} sees it: the text (or, for a binary format, the bytes) to read, where rows
 * go, and where to report.
 */
interface TableReading {

    /** How messages name the file. */
    String name();

    /** The start of the file, as detection saw it. */
    FileStart start();

    /** The file's text from its first character (past any byte order mark); only for a format that reads text. */
    Reader text();

    /** The file's bytes from its first; only for a format that does not read text. */
    InputStream bytes();

    /** The file, which a format may open itself (a zip is read by seeking); null when the source is a stream. */
    Path file();

    /** Where the columns and rows go. */
    ColumnStore store();

    /** Rows to read at the most (a preview reads a few). */
    int maxRows();

    /** Where the format's reader has got to: the line a failure to read or decode is reported at. */
    void followLines(LongSupplier line);

    /** Something worked around while every row was kept, such as a renamed header. */
    void problem(ImportProblem problem);

    /** A row left out of the dataset (ragged, or not an object); counted, and listed up to a limit. */
    void leftOut(long line, ImportProblem.Kind kind, String message);

    /** {@code rows} read so far: reports progress, and ends the read with a CancellationException on a Cancel. */
    void rowsRead(long rows);

    /** The file's first line was Excel's "sep=X" and was skipped; X is the delimiter. */
    void skippedSepLine(char delimiter);

    /**
     * The workbook's sheet {@code read} is being read; {@code all} are the sheets to choose from, in order: the ones
     * Excel shows as tabs, and {@code read} if it is hidden.
     */
    void readingSheet(String read, List<String> all);
}
