package io.arbiter.ui.results;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.export.ResultsWriter;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The shown rows written to a file in the background, rated as the table rates them. */
final class ResultsExport {

    private ResultsExport() {}

    /**
     * Writes {@code rows} (a snapshot) with {@code reviewed} (a copy) to {@code file}, a CSV file (with UTF-8's byte
     * order mark if {@code bom}) or a workbook if named .xlsx; completes on the UI thread.
     */
    static CompletableFuture<Path> write(
            TaskExecutor executor,
            Path file,
            Dataset source,
            ColumnMapping mapping,
            JudgeScheme graded,
            List<RowResult> rows,
            ReviewLog reviewed,
            boolean bom) {
        RowRatings ratings = new RowRatings(graded, source, mapping);
        return executor.submit(() -> {
            ResultsWriter.forFile(file, graded, ratings, bom).write(file, source, source.columns(), rows, reviewed);
            return file;
        });
    }
}
