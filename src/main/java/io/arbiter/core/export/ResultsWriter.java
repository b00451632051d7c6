package io.arbiter.core.export;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A run's results written to a file, as CSV or as an Excel workbook: the same columns and cells either way. */
public interface ResultsWriter {

    /**
     * Writes the header and one line per result to {@code file}, replacing it only once complete.
     *
     * @param datasetColumns dataset columns to repeat on each line (inputs, titles...); each must exist
     * @param review         each row's human review
     */
    void write(Path file, Dataset dataset, List<String> datasetColumns, List<RowResult> results, ReviewLog review)
            throws IOException;

    /**
     * The writer a file's name asks for: an Excel workbook for ".xlsx", else CSV.
     *
     * @param ratings what people said about each row, for a scoring scheme's human score; null for none
     */
    static ResultsWriter forFile(Path file, JudgeScheme scheme, RowRatings ratings) {
        return isWorkbook(file) ? new ResultsXlsxWriter(scheme, ratings) : new ResultsCsvWriter(scheme, ratings);
    }

    /**
     * As {@link #forFile(Path, JudgeScheme, RowRatings)}, a CSV file starting with UTF-8's byte order mark when
     * {@code bom}, so Excel reads its accents; a workbook has no need of one.
     */
    static ResultsWriter forFile(Path file, JudgeScheme scheme, RowRatings ratings, boolean bom) {
        return isWorkbook(file)
                ? new ResultsXlsxWriter(scheme, ratings)
                : new ResultsCsvWriter(scheme, ratings).withBom(bom);
    }

    /** Whether {@code file} is named as an Excel workbook (.xlsx, any case). */
    static boolean isWorkbook(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
}
