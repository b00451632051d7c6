package io.arbiter.ui.results;

import io.arbiter.core.verdict.PairOutcome;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;

/**
 * A results table row that sets the outcome pseudo-classes as its result changes, for the stylesheet to colour, and
 * keeps its frozen cells in place as it is laid out.
 */
final class OutcomeRow extends TableRow<ResultsTableRow> {

    private static final PseudoClass PASS = PseudoClass.getPseudoClass("pass");
    private static final PseudoClass FAIL = PseudoClass.getPseudoClass("fail");
    private static final PseudoClass UNPARSED = PseudoClass.getPseudoClass("unparsed");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass DISAGREE = PseudoClass.getPseudoClass("disagree");
    private static final PseudoClass PROMOTED = PseudoClass.getPseudoClass("promoted");
    /** A pair whose two orders disagree: marked apart, as the win rate counts it apart (as a tie). */
    private static final PseudoClass INCONSISTENT = PseudoClass.getPseudoClass("inconsistent");

    private final ChangeListener<Object> restyle = (obs, old, now) -> restyle();
    private final FrozenColumns frozen;

    OutcomeRow(FrozenColumns frozen) {
        this.frozen = frozen;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        frozen.place(this);
    }

    @Override
    protected void updateItem(ResultsTableRow item, boolean empty) {
        ResultsTableRow previous = getItem();
        if (previous != null) {
            previous.resultProperty().removeListener(restyle);
            previous.promotedProperty().removeListener(restyle);
        }
        super.updateItem(item, empty);
        if (item != null && !empty) {
            item.resultProperty().addListener(restyle);
            item.promotedProperty().addListener(restyle);
        }
        restyle();
    }

    private void restyle() {
        ResultsTableRow row = isEmpty() ? null : getItem();
        ResultsTableRow.Outcome outcome = row == null ? ResultsTableRow.Outcome.PENDING : row.outcome();
        pseudoClassStateChanged(PASS, outcome == ResultsTableRow.Outcome.PASS);
        pseudoClassStateChanged(FAIL, outcome == ResultsTableRow.Outcome.FAIL);
        pseudoClassStateChanged(UNPARSED, outcome == ResultsTableRow.Outcome.UNPARSED);
        pseudoClassStateChanged(ERROR, outcome == ResultsTableRow.Outcome.ERROR);
        pseudoClassStateChanged(DISAGREE, row != null && row.judgeDisagreesWithTruth());
        pseudoClassStateChanged(PROMOTED, row != null && row.promoted());
        pseudoClassStateChanged(INCONSISTENT, row != null && row.pairOutcome() == PairOutcome.INCONSISTENT);
    }
}
