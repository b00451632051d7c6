package io.arbiter.ui.analysis;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Judge analysis's first row: the accuracies, the judge's 2×2 and the classifier table side by side when the row is
 * wide enough for each card whole, else the table under the 2×2 (a 1366-pixel window), so no figure, interval or n is
 * cut short. The choice is made again as the row's width or a card's content changes. FX thread.
 */
final class CardRow {

    private final HBox row;
    private final Region first;
    private final Region judge;
    private final Region table;
    private final VBox stacked = new VBox();
    /** True while a rearrangement waits for the layout pass to end. */
    private boolean pending;

    private CardRow(HBox row, Region first, Region judge, Region table) {
        this.row = row;
        this.first = first;
        this.judge = judge;
        this.table = table;
        stacked.spacingProperty().bind(row.spacingProperty());
        stacked.setMinWidth(Region.USE_PREF_SIZE);
    }

    /** Arranges {@code row}, which holds {@code first} (it takes the width left), {@code judge} and {@code table}. */
    static void arrange(HBox row, Region first, Region judge, Region table) {
        CardRow cards = new CardRow(row, first, judge, table);
        HBox.setHgrow(first, Priority.ALWAYS);
        // The row takes the width the tab gives it rather than widening the scroll to its cards: that width decides.
        row.setMinWidth(0);
        table.setMinWidth(Region.USE_PREF_SIZE);
        judge.setMinWidth(Region.USE_PREF_SIZE);
        for (Region watched : List.of(row, judge, table)) {
            watched.widthProperty().addListener((obs, old, now) -> cards.place());
        }
        cards.rearrange(cards.stacks());
    }

    /** Decides, and rearranges after the layout pass under way: the row cannot change its children while laid out. */
    private void place() {
        if (stacks() != (table.getParent() == stacked) && !pending) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                rearrange(stacks());
            });
        }
    }

    private boolean stacks() {
        double spacing = row.getSpacing();
        double sideBySide = row.snappedLeftInset()
                + first.prefWidth(-1)
                + spacing
                + judge.prefWidth(-1)
                + spacing
                + table.prefWidth(-1)
                + row.snappedRightInset();
        return row.getWidth() > 0 && row.getWidth() < sideBySide;
    }

    private void rearrange(boolean stack) {
        if (stack && table.getParent() != stacked) {
            stacked.getChildren().setAll(judge, table);
            row.getChildren().setAll(first, stacked);
        } else if (!stack && table.getParent() != row) {
            stacked.getChildren().clear();
            row.getChildren().setAll(first, judge, table);
        }
    }
}
