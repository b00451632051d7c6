package io.arbiter.ui.results;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A text cell that, while the table's "Wrap" is on, shows its whole text on as many lines as its column's width needs;
 * off, one line cut at the edge. A wrapped label would not do: the row asks its cells' height without a width.
 */
final class WrappingCell extends TableCell<ResultsTableRow, String> {

    private final Text wrapped = new Text();
    /** Follows the table's choice through a binding, which holds the cell weakly: rebuilt columns' cells can go. */
    private final BooleanProperty wrap = new SimpleBooleanProperty();

    WrappingCell(ObservableBooleanValue wrap) {
        this.wrap.bind(wrap);
        wrapped.getStyleClass().add("wrapped-text");
        // The cell's padding on both sides, so the text never runs under the next column.
        wrapped.wrappingWidthProperty().bind(widthProperty().subtract(10));
        this.wrap.addListener((obs, old, now) -> show(getItem(), isEmpty()));
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        show(item, empty);
    }

    private void show(String item, boolean empty) {
        boolean wraps = wrap.get() && !empty && item != null;
        setText(empty || wraps ? null : item);
        wrapped.setText(wraps ? item : "");
        setGraphic(wraps ? wrapped : null);
        setContentDisplay(wraps ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.TEXT_ONLY);
    }
}
