package io.arbiter.ui.importer;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.FileFormat;
import io.arbiter.core.dataset.ImportProblem;
import io.arbiter.core.dataset.ImportResult;
import io.arbiter.core.dataset.ImportSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the import dialog shows of a file's first rows, laid out off the FX thread.
 *
 * @param detected one line on how the file is read and how many rows are shown
 * @param problems what the preview worked around (ragged rows, renamed headers…), one per line
 */
record Preview(List<String> columns, List<List<String>> rows, String detected, String problems) {

    static Preview of(ImportResult result) {
        Dataset dataset = result.dataset();
        List<List<String>> rows = new ArrayList<>(dataset.size());
        for (int row = 0; row < dataset.size(); row++) {
            List<String> cells = new ArrayList<>(dataset.columns().size());
            for (int c = 0; c < dataset.columns().size(); c++) {
                cells.add(dataset.value(row, c));
            }
            rows.add(cells);
        }
        ImportSettings used = result.resolved();
        String detected = used.format() == FileFormat.XLSX
                ? String.format(
                        Locale.ROOT,
                        "%s · sheet '%s' of %d · %s · first %d rows shown",
                        used.format().describe(),
                        used.sheet(),
                        result.sheets().size(),
                        used.header() ? "header row" : "no header row",
                        dataset.size())
                : String.format(
                        Locale.ROOT,
                        "%s · %s · %s · %s · line ending %s · first %d rows shown",
                        used.format().describe(),
                        used.encoding().name(),
                        ImportSettings.describe(used.delimiter()) + "-separated"
                                + (result.sepLine() != null ? " (Excel's sep= line)" : ""),
                        used.header() ? "header row" : "no header row",
                        used.lineEnding(),
                        dataset.size());
        List<String> lines = new ArrayList<>();
        for (ImportProblem problem : result.problems()) {
            lines.add(problem.toString());
        }
        return new Preview(dataset.columns(), rows, detected, String.join("\n", lines));
    }
}
