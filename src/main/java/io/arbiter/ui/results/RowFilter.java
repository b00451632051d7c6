package io.arbiter.ui.results;

import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.LabelConfusion;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.run.RowResult;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named selection of result rows ("judge false accepts"). Each is built on the per-row decision the statistics
 * use, so the rows a filter shows are the rows a figure counts.
 *
 * @param description what the rows are, in words, for the "Showing: …" chip
 * @param rows        which rows to show
 */
public record RowFilter(String description, Predicate<ResultsTableRow> rows) {

    /** The presets above the results table. */
    public enum Preset {
        ALL("All"),
        FALSE_ACCEPTS("Judge false accepts"),
        FALSE_REJECTS("False rejects"),
        UNPARSED("Unparsed"),
        ERRORS("Errors"),
        HUMAN_REVIEWED("Human-reviewed");

        private final String title;

        Preset(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** The preset's filter; null for ALL. */
        public RowFilter filter() {
            return switch (this) {
                case ALL -> null;
                case FALSE_ACCEPTS -> agreementCell(AgreementCell.FALSE_ACCEPT);
                case FALSE_REJECTS -> agreementCell(AgreementCell.FALSE_REJECT);
                case UNPARSED -> new RowFilter("unparsed answers", RowFilter::unparsed);
                case ERRORS -> new RowFilter(
                        "rows with errors", row -> row.result().failed());
                case HUMAN_REVIEWED -> new RowFilter("human-reviewed rows", row -> row.human() != null);
            };
        }
    }

    /** The rows the judge's 2×2 table counts in {@code cell}. */
    public static RowFilter agreementCell(AgreementCell cell) {
        return agreementCell(cell, ResultsTableRow::rated);
    }

    /** The rows the judge's 2×2 table counts in {@code cell} when each row is rated by {@code rated}. */
    public static RowFilter agreementCell(AgreementCell cell, Function<ResultsTableRow, RatedRow> rated) {
        String description =
                switch (cell) {
                    case TRUE_ACCEPT -> "judge true accepts";
                    case FALSE_ACCEPT -> "judge false accepts";
                    case FALSE_REJECT -> "judge false rejects";
                    case TRUE_REJECT -> "judge true rejects";
                };
        return new RowFilter(description, counted(row -> AgreementCell.of(rated.apply(row))
                .filter(c -> c == cell)
                .isPresent()));
    }

    /** The rows {@code confusion} counts in the cell (truth label {@code row}, answered {@code column}). */
    public static RowFilter labelCell(LabelConfusion confusion, int row, int column, String who) {
        LabelConfusion.Cell cell = new LabelConfusion.Cell(row, column);
        return new RowFilter(
                who + " " + confusion.columns().get(column) + " for truth "
                        + confusion.labels().get(row),
                counted(r -> confusion
                        .cellOf(r.result().scored())
                        .filter(cell::equals)
                        .isPresent()));
    }

    /** The rows {@code confusion} counts in a truth label's row: the denominator of that label's accuracy. */
    public static RowFilter truthLabel(LabelConfusion confusion, int row, String who) {
        return new RowFilter(who + " on truth " + confusion.labels().get(row), counted(r -> confusion
                .cellOf(r.result().scored())
                .filter(c -> c.row() == row)
                .isPresent()));
    }

    /** The rows behind base vs truth: a parsed base answer and truth. */
    public static RowFilter baseScored() {
        return new RowFilter("base answers scored against truth", counted(row -> TruthMatch.ofBase(
                        row.result().truth(), row.result().baseAnswer())
                .scored()));
    }

    /** The rows behind judge vs truth: a parsed judge prediction and truth. */
    public static RowFilter judgeScored() {
        return new RowFilter("judge predictions scored against truth", counted(row -> TruthMatch.ofJudge(
                        row.result().truth(), row.result().verdict())
                .scored()));
    }

    /** The rows behind base vs judge: a parsed judge verdict. */
    public static RowFilter judgeParsed() {
        return new RowFilter(
                "parsed judge verdicts",
                counted(row ->
                        row.result().verdict() != null && row.result().verdict().parsed()));
    }

    /** Rows a figure counts: never a promoted row, which is an example in the judge prompt, not a measurement. */
    private static Predicate<ResultsTableRow> counted(Predicate<ResultsTableRow> rows) {
        return row -> !row.promoted() && rows.test(row);
    }

    /** An unparsed base answer or judge output, as the metrics count them apart. */
    private static boolean unparsed(ResultsTableRow row) {
        RowResult r = row.result();
        return (r.baseAnswer() != null && !r.baseAnswer().parsed())
                || (r.verdict() != null && !r.verdict().parsed());
    }
}
