package io.arbiter.ui.analysis;

import io.arbiter.core.metrics.Estimate;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/** A proportion as a horizontal bar from 0 to 1 with its 95% interval as a whisker; colours come from CSS. */
final class IntervalBar extends HBox {

    private static final double TRACK_HEIGHT = 14;

    IntervalBar(AnalysisFigures.Bar bar, double titleWidth, double trackWidth, Runnable onClick) {
        setId(bar.id());
        getStyleClass().add("interval-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Label title = new Label(bar.title());
        title.getStyleClass().add("bar-title");
        title.setMinWidth(titleWidth);
        title.setPrefWidth(titleWidth);
        Pane track = new Pane();
        track.getStyleClass().add("bar-track");
        track.setMinSize(trackWidth, TRACK_HEIGHT);
        track.setPrefSize(trackWidth, TRACK_HEIGHT);
        track.setMaxSize(trackWidth, TRACK_HEIGHT);
        Estimate estimate = bar.estimate();
        if (estimate.isDefined()) {
            Region fill = region("bar-fill", 0, 0, estimate.value() * trackWidth, TRACK_HEIGHT);
            track.getChildren().add(fill);
            if (estimate.hasInterval()) {
                double low = estimate.ciLow() * trackWidth;
                double high = estimate.ciHigh() * trackWidth;
                track.getChildren()
                        .addAll(
                                region("bar-interval", low, TRACK_HEIGHT / 2 - 1, Math.max(1, high - low), 2),
                                region("bar-interval", low - 1, 2, 2, TRACK_HEIGHT - 4),
                                region("bar-interval", high - 1, 2, 2, TRACK_HEIGHT - 4));
            }
        }
        Label value = new Label(bar.text());
        value.setId(bar.id() + "Value");
        value.getStyleClass().add("bar-value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        Label counts = new Label(bar.counts());
        counts.getStyleClass().add("bar-counts");
        counts.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(title, track, value, counts);
        setCursor(Cursor.HAND);
        Tooltip.install(
                this, new Tooltip("Click to see these rows: " + bar.rows().description()));
        setOnMouseClicked(e -> onClick.run());
    }

    private static Region region(String styleClass, double x, double y, double width, double height) {
        Region region = new Region();
        region.getStyleClass().add(styleClass);
        region.resizeRelocate(x, y, width, height);
        region.setManaged(false);
        return region;
    }
}
