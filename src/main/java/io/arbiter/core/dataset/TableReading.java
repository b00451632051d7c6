package io.arbiter.core.dataset;

import java.io.Reader;
import java.util.function.LongSupplier;

/** A read under way as a {@link TableFormat} sees it: the text to read, where rows go, and where to report. */
interface TableReading {

    /** How messages name the file. */
    String name();

    /** The start of the file, as detection saw it. */
    FileStart start();

    /** The file's text from its first character (past any byte order mark). */
    Reader text();

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
}
