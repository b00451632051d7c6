package io.arbiter.ui.results;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The "Columns" menu above the results table: a check item per column to show or hide it. The
 * choice lives in {@link ShownColumns}, by column title, so it holds across runs, schemes and launches.
 */
final class ColumnChooser {

    private ColumnChooser() {}

    /** Shows each of the table's columns as built now as the choice says, and lists them in {@code menu}. */
    static void follow(MenuButton menu, TableView<ResultsTableRow> table, ShownColumns choice) {
        for (TableColumn<ResultsTableRow, ?> column : table.getColumns()) {
            String title = column.getText();
            column.visibleProperty()
                    .bind(Bindings.createBooleanBinding(() -> !choice.hidden().contains(title), choice.hidden()));
        }
        // Listed as the menu opens, so the ticks say what is hidden now.
        menu.setOnShowing(e -> menu.getItems().setAll(items(table, choice)));
        menu.getItems().setAll(items(table, choice));
    }

    private static List<MenuItem> items(TableView<ResultsTableRow> table, ShownColumns choice) {
        List<MenuItem> items = new ArrayList<>();
        for (TableColumn<ResultsTableRow, ?> column : table.getColumns()) {
            String title = column.getText();
            if ("#".equals(title)) {
                continue; // the row number is how a row is named: always shown
            }
            CheckMenuItem item = new CheckMenuItem(title);
            item.setId("show-" + (column.getId() == null ? title : column.getId()));
            item.setSelected(!choice.hidden().contains(title));
            item.selectedProperty().addListener((obs, old, shown) -> choice.show(title, shown));
            items.add(item);
        }
        return items;
    }
}
