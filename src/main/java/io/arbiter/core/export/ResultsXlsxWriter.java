package io.arbiter.core.export;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a run's results as an Excel workbook (fastexcel's streaming writer): {@link ResultTable}'s columns and cells,
 * exactly the CSV's, in a sheet "Results" with the header frozen and filtered, and each row filled by how the judge's
 * evaluation came out with the workbench's own soft colours ({@code -arb-pass-soft}, {@code -arb-fail-soft},
 * {@code -arb-unparsed-soft}, {@code -arb-error-soft} in css/arbiter.css). A cell is text, so nothing in it is ever run
 * as a formula and no quote is needed, unless it is a number Excel shows as the same characters ({@link #number}): row
 * numbers, token counts and scores then sort and add up as numbers under the filter.
 */
public final class ResultsXlsxWriter implements ResultsWriter {

    /** Excel's limit on a cell's text; a longer reply is cut here and says so. */
    static final int MAX_CELL = 32_767;

    private static final String CUT = "… [cut: Excel holds 32,767 characters a cell]";

    /**
     * Widest a column opens, in characters. fastexcel sizes a column to its longest cell, which laid a movie's
     * overview or a model's reply across several screens; the whole cell is a click away in the formula bar.
     */
    static final int WIDEST = 60;

    /** The rows written before the first flush: fastexcel sizes the columns by these. */
    private static final int ROWS_HELD = 1024;

    /**
     * A decimal Excel keeps character for character: no leading zero (an id like 007), no trailing zero after the
     * point (1.50), no exponent, no plus sign.
     */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");

    /** An underscore Excel would read as the start of an escaped character (_x000D_ is a carriage return). */
    private static final Pattern ESCAPE_START = Pattern.compile("_(?=x[0-9A-Fa-f]{4}_)");

    /** The most characters of a number Excel's General format shows before it turns to 1.23457E+11 and the like. */
    private static final int GENERAL_LENGTH = 11;

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
            SheetLines lines = new SheetLines(sheet);
            table.write(dataset, datasetColumns, results, review, lines);
            lines.narrowIfNotYet();
            // Over every row, not the header alone: Excel filters only the rows inside the range it is given.
            sheet.setAutoFilter(
                    0,
                    0,
                    Math.max(0, results.size()),
                    table.header(datasetColumns, ResultTable.shape(results)).size() - 1);
            workbook.finish();
        });
    }

    /**
     * The number a cell holds, when Excel shows that number as the cell's own characters in its General format;
     * null to keep the cell as text (a word, an id with a leading zero, 1.50, a long digit string Excel would round
     * or show as 1.2E+11, a fraction so small that General may show it as 1E-07).
     */
    static BigDecimal number(String cell) {
        if (cell.length() > GENERAL_LENGTH
                || cell.equals("-0")
                || cell.startsWith("0.0000")
                || cell.startsWith("-0.0000")
                || !PLAIN_NUMBER.matcher(cell).matches()) {
            return null;
        }
        return new BigDecimal(cell);
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

    /** The header and rows into the sheet, streamed out every {@link #ROWS_HELD} rows. */
    private final class SheetLines implements ResultTable.Lines {
        private final Worksheet sheet;
        private int row;
        private int width;
        /** Each column's longest cell among the rows the columns are sized by. */
        private int[] longest = new int[0];

        private boolean narrowed;

        SheetLines(Worksheet sheet) {
            this.sheet = sheet;
        }

        @Override
        public void header(List<String> cells) {
            width = cells.size();
            longest = new int[width];
            put(cells);
            sheet.range(0, 0, 0, width - 1).style().bold().set();
            sheet.freezePane(0, 1);
            row++;
        }

        @Override
        public void row(RowResult result, List<String> cells) throws IOException {
            put(cells);
            String fill = fill(table.outcome(result));
            if (fill != null) {
                sheet.range(row, 0, row, width - 1).style().fillColor(fill).set();
            }
            if (++row % ROWS_HELD == 0) {
                narrowIfNotYet(); // the columns go out with the first rows
                sheet.flush(); // streams the rows out rather than holding the whole sheet
            }
        }

        /** Caps the columns fastexcel would size wider than {@link #WIDEST}; only the first call counts. */
        void narrowIfNotYet() {
            if (narrowed) {
                return;
            }
            narrowed = true;
            for (int c = 0; c < longest.length; c++) {
                if (longest[c] > WIDEST) {
                    sheet.width(c, WIDEST);
                }
            }
        }

        private void put(List<String> cells) {
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                BigDecimal number = number(cell);
                if (number != null) {
                    sheet.value(row, c, number);
                } else {
                    String text = excelText(cell);
                    sheet.value(row, c, text.length() > MAX_CELL ? cut(text) : text);
                }
                if (!narrowed && c < longest.length) {
                    longest[c] = Math.max(longest[c], cell.length());
                }
            }
        }
    }

    /**
     * Text as Excel stores it: an underscore that starts what looks like an escaped character is itself escaped
     * ({@code _x005F_}), so a reply holding {@code id_x0041_b} shows as that, not as {@code idAb}. fastexcel's
     * writer leaves this to its caller.
     */
    static String excelText(String text) {
        return text.indexOf("_x") < 0 ? text : ESCAPE_START.matcher(text).replaceAll("_x005F_");
    }

    private static String cut(String cell) {
        return cell.substring(0, MAX_CELL - CUT.length()) + CUT;
    }
}
