package io.arbiter.core.export;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a run's results as an Excel workbook (fastexcel's streaming writer): {@link ResultTable}'s columns and cells,
 * exactly the CSV's, each a text cell (so nothing in it is ever run as a formula and no quote is needed), in a sheet
 * "Results" with the header frozen and filtered, and each row filled by how the judge's evaluation came out with the
 * workbench's own soft colours ({@code -arb-pass-soft}, {@code -arb-fail-soft}, {@code -arb-unparsed-soft},
 * {@code -arb-error-soft} in css/arbiter.css).
 */
public final class ResultsXlsxWriter implements ResultsWriter {

    /** Excel's limit on a cell's text; a longer reply is cut here and says so. */
    static final int MAX_CELL = 32_767;

    private static final String CUT = "… [cut: Excel holds 32,767 characters a cell]";

    private final ResultTable table;

    /** @param ratings what people said about each row, for a scoring scheme's human score; null for none */
    public ResultsXlsxWriter(JudgeScheme scheme, RowRatings ratings) {
        this.table = new ResultTable(scheme, ratings);
    }

    @Override
    public void write(
            Path file, Dataset dataset, List<String> datasetColumns, List<RowResult> results, ReviewLog review)
            throws IOException {
        ReplacedFile.write(file, out -> {
            Workbook workbook = new Workbook(out, "Arbiter", null);
            Worksheet sheet = workbook.newWorksheet("Results");
            table.write(dataset, datasetColumns, results, review, new ResultTable.Lines() {
                private int row;
                private int width;

                @Override
                public void header(List<String> cells) throws IOException {
                    width = cells.size();
                    put(sheet, row, cells);
                    sheet.range(0, 0, 0, width - 1).style().bold().set();
                    sheet.freezePane(0, 1);
                    row++;
                }

                @Override
                public void row(RowResult result, List<String> cells) throws IOException {
                    put(sheet, row, cells);
                    String fill = fill(table.outcome(result));
                    if (fill != null) {
                        sheet.range(row, 0, row, width - 1)
                                .style()
                                .fillColor(fill)
                                .set();
                    }
                    if (++row % 1024 == 0) {
                        sheet.flush(); // streams the rows out rather than holding the whole sheet
                    }
                }
            });
            // Over every row, not the header alone: Excel filters only the rows inside the range it is given.
            sheet.setAutoFilter(
                    0,
                    0,
                    Math.max(0, results.size()),
                    table.header(datasetColumns, ResultTable.shape(results)).size() - 1);
            workbook.finish();
        });
    }

    /** The soft colour css/arbiter.css gives a results row with this outcome, as ARGB; null for none. */
    static String fill(ResultTable.Outcome outcome) {
        return switch (outcome) {
            case PASS -> "FFEBFBEE"; // -arb-pass-soft
            case FAIL -> "FFFFF0F0"; // -arb-fail-soft
            case UNPARSED -> "FFFFF4E0"; // -arb-unparsed-soft
            case ERROR -> "FFF3E8FF"; // -arb-error-soft
            case NONE -> null;
        };
    }

    private static void put(Worksheet sheet, int row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (cell != null && !cell.isEmpty()) {
                sheet.value(row, c, cell.length() > MAX_CELL ? cut(cell) : cell);
            }
        }
    }

    private static String cut(String cell) {
        return cell.substring(0, MAX_CELL - CUT.length()) + CUT;
    }
}
