package io.arbiter.ui.results;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps the leading columns marked {@link #MARK} (the row number and the dataset's key columns) in place while the
 * table scrolls sideways: their cells and headers are moved back by the scroll and drawn above the rest.
 *
 * <p>One table rather than a second one beside it: selection, focus, the review keys, sorting and row heights (cells
 * wrap) stay those of one control, and the 50,000-row flow is laid out once. ControlsFX's SpreadsheetView has fixed
 * columns too, but reads a grid model of its own instead of the rows the table shares with its view model.
 */
final class FrozenColumns {

    /** The style class that marks a column to keep in place; the stylesheet gives its cells the row's background. */
    static final String MARK = "frozen";

    private final TableView<ResultsTableRow> table;
    private ScrollBar sideways;

    FrozenColumns(TableView<ResultsTableRow> table) {
        this.table = table;
        table.getVisibleLeafColumns()
                .addListener((ListChangeListener<TableColumn<ResultsTableRow, ?>>) change -> later());
        table.skinProperty().addListener((obs, old, skin) -> later());
    }

    /** Marks {@code column} to stay in place; it cannot be dragged among the others. */
    static void mark(TableColumn<ResultsTableRow, ?> column) {
        column.getStyleClass().add(MARK);
        column.setReorderable(false);
    }

    /** Places the kept cells of {@code row}; its own layout calls this, as the flow lays rows out anew. */
    void place(TableRow<ResultsTableRow> row) {
        double offset = offset();
        Set<TableColumn<ResultsTableRow, ?>> kept = kept();
        for (Node child : row.getChildrenUnmodifiable()) {
            if (child instanceof TableCell<?, ?> cell) {
                pin(child, kept.contains(cell.getTableColumn()), offset);
            }
        }
    }

    /** The sideways scroll in pixels; 0 before the table has a skin. */
    double offset() {
        ScrollBar bar = sideways();
        return bar == null ? 0 : bar.getValue();
    }

    private void later() {
        Platform.runLater(this::placeAll);
    }

    private void placeAll() {
        double offset = offset();
        Set<TableColumn<ResultsTableRow, ?>> kept = kept();
        for (Node header : table.lookupAll(".column-header")) {
            if (header instanceof TableColumnHeader columnHeader) {
                pin(header, kept.contains(columnHeader.getTableColumn()), offset);
            }
        }
        for (Node row : table.lookupAll(".table-row-cell")) {
            for (Node cell : ((TableRow<?>) row).getChildrenUnmodifiable()) {
                if (cell instanceof TableCell<?, ?> tableCell) {
                    pin(cell, kept.contains(tableCell.getTableColumn()), offset);
                }
            }
        }
    }

    private static void pin(Node node, boolean kept, double offset) {
        node.setTranslateX(kept ? offset : 0);
        // Drawn above the scrolled cells they now cover.
        node.setViewOrder(kept ? -1 : 0);
    }

    /** The leading visible columns that are marked; a marked column moved behind others scrolls with them. */
    private Set<TableColumn<ResultsTableRow, ?>> kept() {
        List<TableColumn<ResultsTableRow, ?>> visible = table.getVisibleLeafColumns();
        int leading = 0;
        while (leading < visible.size() && visible.get(leading).getStyleClass().contains(MARK)) {
            leading++;
        }
        return visible.subList(0, leading).stream().collect(Collectors.toSet());
    }

    private ScrollBar sideways() {
        if (sideways == null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            for (Node child : flow.getChildrenUnmodifiable()) {
                if (child instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                    sideways = bar;
                    bar.valueProperty().addListener((obs, old, now) -> placeAll());
                }
            }
        }
        return sideways;
    }
}
