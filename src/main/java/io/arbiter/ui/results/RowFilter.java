package io.arbiter.ui.results;

import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.LabelConfusion;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.PairOutcome;
import io.arbiter.core.verdict.Preference;
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
        INCONSISTENT("Inconsistent"),
        UNPARSED("Unparsed"),
        ERRORS("Errors"),
        HUMAN_REVIEWED("Human-reviewed"),
        LABEL_NEXT("Label next");

        private final String title;

        Preset(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** Whether the preset means anything for rows graded by {@code scheme}: a pair has no false accepts. */
        public boolean appliesTo(JudgeScheme scheme) {
            return switch (this) {
                case FALSE_ACCEPTS, FALSE_REJECTS, LABEL_NEXT -> !scheme.pairs();
                case INCONSISTENT -> scheme.pairs();
                default -> true;
            };
        }

        /** The preset's filter; null for ALL. */
        public RowFilter filter() {
            return switch (this) {
                case ALL -> null;
                case FALSE_ACCEPTS -> agreementCell(AgreementCell.FALSE_ACCEPT);
                case FALSE_REJECTS -> agreementCell(AgreementCell.FALSE_REJECT);
                case INCONSISTENT -> pairOutcome(PairOutcome.INCONSISTENT);
                case UNPARSED -> new RowFilter("unparsed answers", RowFilter::unparsed);
                case ERRORS -> new RowFilter(
                        "rows with errors", row -> row.result().anyFailed());
                case HUMAN_REVIEWED -> new RowFilter("human-reviewed rows", row -> row.human() != null);
                    // Its rows come from a plan made in the background (LabelNext), none until it arrives.
                case LABEL_NEXT -> new RowFilter("rows to label next (planning…)", row -> false);
            };
        }
    }

    /**
     * The pairs whose outcome is {@code outcome}, as the pairwise figures count them (no failed request):
     * "inconsistent pairs (the two orders disagree)".
     */
    public static RowFilter pairOutcome(PairOutcome outcome) {
        String description =
                switch (outcome) {
                    case A -> "pairs the judge gave to A";
                    case B -> "pairs the judge gave to B";
                    case TIE -> "pairs the judge called a tie";
                    case INCONSISTENT -> "inconsistent pairs (the two orders disagree)";
                    case UNPARSED -> "pairs without a verdict in every order";
                };
        return new RowFilter(description, counted(row -> !row.result().failed() && row.pairOutcome() == outcome));
    }

    /**
     * The pairs the judge × human table counts in a cell: the judge's class (an inconsistent pair counts as a tie)
     * and the human preference, each row rated by {@code rated}.
     */
    public static RowFilter preferenceCell(
            Preference judge, Preference human, Function<ResultsTableRow, RatedRow> rated) {
        return new RowFilter(
                "pairs the judge called " + PairwiseScheme.spell(judge) + " and people " + PairwiseScheme.spell(human),
                counted(row -> {
                    PairOutcome outcome = row.pairOutcome();
                    if (row.result().failed() || outcome == null || outcome == PairOutcome.UNPARSED) {
                        return false;
                    }
                    Preference judged =
                            switch (outcome) {
                                case A -> Preference.A;
                                case B -> Preference.B;
                                default -> Preference.TIE;
                            };
                    return judged == judge && rated.apply(row).humanPreference() == human;
                }));
    }

    /** The pairs the human preference figures count: decided, with a human preference. */
    public static RowFilter preferred(Function<ResultsTableRow, RatedRow> rated) {
        return new RowFilter(
                "pairs with a verdict and a human preference",
                counted(row -> !row.result().failed()
                        && row.pairOutcome() != null
                        && row.pairOutcome() != PairOutcome.UNPARSED
                        && rated.apply(row).humanPreference() != null));
    }

    /** The pairs the win rate counts: decided in every order asked. */
    public static RowFilter decidedPairs() {
        return new RowFilter(
                "pairs with a verdict in every order",
                counted(row -> !row.result().failed()
                        && row.pairOutcome() != null
                        && row.pairOutcome() != PairOutcome.UNPARSED));
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
