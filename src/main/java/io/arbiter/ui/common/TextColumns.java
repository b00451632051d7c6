package io.arbiter.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Read-only text columns over a table of ready-to-show records, the way the list screens build theirs. */
public final class TextColumns {

    private TextColumns() {}

    /** Adds a column titled {@code title} showing {@code value} of each item, and returns it for styling. */
    public static <T> TableColumn<T, String> add(
            TableView<T> table, String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        table.getColumns().add(column);
        return column;
    }
}
