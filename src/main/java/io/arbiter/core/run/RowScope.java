package io.arbiter.core.run;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which of a run's rows its figures count: the rows it covers (a draft's selection, else every row) less its worked
 * examples, whose answers the judge was shown and would flatter it. Rows that failed or are still pending stay in:
 * the figures count them apart (errors, unparsed, no answer yet), never as right or wrong. The one rule behind the
 * engine's outcome, the stored run's summary, the results table, the analysis and a comparison of two runs.
 *
 * @param covered  the dataset rows the run covers; empty for every row
 * @param examples the rows promoted into its judge prompt
 */
public record RowScope(Set<Integer> covered, Set<Integer> examples) {

    /** Every row counts: no selection, no examples. */
    public static final RowScope EVERY_ROW = new RowScope(Set.of(), Set.of());

    public RowScope {
        covered = Set.copyOf(covered);
        examples = Set.copyOf(examples);
    }

    /** A scope from a run's selection (empty for every row) and its examples' rows. */
    public static RowScope of(Collection<Integer> selection, Collection<Integer> examples) {
        return new RowScope(Set.copyOf(selection), Set.copyOf(examples));
    }

    /** True when the run covers a selection only (a draft). */
    public boolean draft() {
        return !covered.isEmpty();
    }

    /** True when the run sent the row: every row, or one of a draft's. */
    public boolean covers(int row) {
        return covered.isEmpty() || covered.contains(row);
    }

    /** True when the row's outcome belongs in the figures. */
    public boolean counts(int row) {
        return covers(row) && !examples.contains(row);
    }

    /** The rows among {@code rows} that count, in their order. */
    public List<RowResult> measured(List<RowResult> rows) {
        return rows.stream().filter(r -> counts(r.row())).toList();
    }

    /** The same covered rows with these examples instead (promotions change between runs). */
    public RowScope withExamples(Collection<Integer> rows) {
        return new RowScope(covered, Set.copyOf(rows));
    }
}
