package io.arbiter.ui.analysis;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The small labels the analysis cards share: a heat map's row and column headers, captions, wrapped notes. */
final class CardLabels {

    private CardLabels() {}

    /** An analysis card: its title, then the content, as wide as the content needs. */
    static VBox card(String id, String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        VBox card = new VBox(6, heading);
        card.getChildren().addAll(content);
        card.setId(id);
        card.getStyleClass().add("analysis-card");
        card.setMinWidth(Region.USE_PREF_SIZE);
        return card;
    }

    /** A heat map's row or column header. */
    static Label header(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("heat-header");
        return label;
    }

    static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("card-caption");
        return label;
    }

    /** A caption wrapped at {@code width}, never cut: it takes the height its lines need. */
    static Label wrapped(String text, double width) {
        Label label = caption(text);
        label.setWrapText(true);
        label.setMaxWidth(width);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
