package io.arbiter.core.dataset;

import java.util.List;

/**
 * What a read produced: the dataset, the settings actually used, and what was worked around.
 *
 * @param resolved        the settings used, with no nulls
 * @param problems        non-fatal problems in file order, at most {@link DatasetImporter#MAX_PROBLEMS} ragged rows among them
 * @param skippedRows     rows left out of the dataset (ragged rows and JSON lines that are not objects)
 * @param totalRaggedRows every ragged row, including those beyond the listed ones
 * @param sepLine         the delimiter named by Excel's "sep=X" first line, which was skipped; null when there was none
 * @param sheets          the sheets of an Excel workbook Excel shows, in its order, and the one read (which is
 *                        {@code resolved.sheet()}) if it is hidden; empty for a text file
 */
public record ImportResult(
        Dataset dataset,
        ImportSettings resolved,
        List<ImportProblem> problems,
        int skippedRows,
        long totalRaggedRows,
        Character sepLine,
        List<String> sheets) {

    public ImportResult {
        problems = List.copyOf(problems);
        sheets = List.copyOf(sheets);
    }

    public boolean hasRaggedRows() {
        return totalRaggedRows > 0;
    }
}
