package io.arbiter.ui.analysis;

import io.arbiter.ui.common.PrimaryClick;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Fills a heat-map cell: a shaded background by the cell's share of its row, the count and its percentages. */
final class HeatCellView {

    private static final PseudoClass STRONG = PseudoClass.getPseudoClass("strong");
    private static final PseudoClass DIAGONAL = PseudoClass.getPseudoClass("diagonal");
    private static final String TOOLTIP = "arbiter.heat-cell.tooltip";
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    private HeatCellView() {}

    /** Fills {@code cell}; {@code detailed} adds the row and column percentages under the count. */
    static void fill(
            StackPane cell, AnalysisFigures.HeatCell figure, boolean detailed, String tooltip, Runnable onClick) {
        fill(cell, figure, String.format(java.util.Locale.ROOT, "%,d", figure.count()), detailed, tooltip, onClick);
    }

    /** As above, showing {@code shown} (a share, say) in place of the count. */
    static void fill(
            StackPane cell,
            AnalysisFigures.HeatCell figure,
            String shown,
            boolean detailed,
            String tooltip,
            Runnable onClick) {
        if (cell.getId() == null) {
            cell.setId(figure.id());
        }
        if (!cell.getStyleClass().contains("heat-cell")) {
            cell.getStyleClass().add("heat-cell");
        }
        cell.getStyleClass().removeAll("detailed");
        if (detailed) {
            cell.getStyleClass().add("detailed");
        }
        Region shade = new Region();
        shade.getStyleClass().add("heat-shade");
        // Even a small share stays visible; an empty cell stays blank.
        double intensity = figure.count() == 0 ? 0 : 0.12 + 0.88 * figure.rowShare();
        shade.setOpacity(intensity);
        Label count = new Label(shown);
        count.getStyleClass().add("heat-count");
        VBox text = new VBox(count);
        text.setAlignment(Pos.CENTER);
        if (detailed) {
            Label percents = new Label("row " + figure.rowPercent() + "\ncol " + figure.columnPercent());
            percents.getStyleClass().add("heat-percent");
            text.getChildren().add(percents);
        }
        cell.getChildren().setAll(shade, text);
        cell.pseudoClassStateChanged(STRONG, intensity > 0.55);
        cell.pseudoClassStateChanged(DIAGONAL, figure.diagonal());
        cell.pseudoClassStateChanged(EMPTY, figure.count() == 0);
        cell.setCursor(Cursor.HAND);
        if (cell.getProperties().get(TOOLTIP) instanceof Tooltip old) {
            Tooltip.uninstall(cell, old); // cells in the FXML are refilled by every new report
        }
        Tooltip tip = new Tooltip(tooltip);
        cell.getProperties().put(TOOLTIP, tip);
        Tooltip.install(cell, tip);
        cell.setOnMouseClicked(PrimaryClick.of(onClick));
    }
}
