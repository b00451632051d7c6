package io.arbiter.ui.results;

import java.util.List;

/**
 * The user's choice of results columns: the titles of the hidden ones, and whether long cells wrap.
 *
 * @param hidden titles of the columns not shown, whichever grading scheme they belong to
 * @param wrap   true when long text wraps onto more lines instead of being cut at the column's edge
 */
public record ColumnLayout(List<String> hidden, boolean wrap) {

    /** Every column shown, one line a cell. */
    public static final ColumnLayout DEFAULT = new ColumnLayout(List.of(), false);

    public ColumnLayout {
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
    }
}
