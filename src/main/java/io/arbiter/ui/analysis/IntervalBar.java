package io.arbiter.ui.analysis;

import io.arbiter.core.metrics.Estimate;
import io.arbiter.ui.common.PrimaryClick;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A figure as a horizontal bar with its 95% interval as a whisker: a proportion on 0 to 1, or any figure on its own
 * range (a mean score on the scale, a kappa on −1 to 1), filled from 0 when the range holds it, with a tick at 0
 * inside the track. Colours come from CSS.
 */
final class IntervalBar extends HBox {

    private static final double TRACK_HEIGHT = 14;

    IntervalBar(AnalysisFigures.Bar bar, double titleWidth, double trackWidth, Runnable onClick) {
        this(bar, 0, 1, titleWidth, trackWidth, onClick);
    }

    /** A bar drawn on {@code from} to {@code to}; values outside are drawn at the ends. */
    IntervalBar(
            AnalysisFigures.Bar bar, double from, double to, double titleWidth, double trackWidth, Runnable onClick) {
        this(bar, from, to, Double.NaN, titleWidth, trackWidth, onClick);
    }

    /** As above, with a tick at {@code mark} (NaN: none), such as 0.5 where neither answer of a pair is favoured. */
    IntervalBar(
            AnalysisFigures.Bar bar,
            double from,
            double to,
            double mark,
            double titleWidth,
            double trackWidth,
            Runnable onClick) {
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
        DoubleUnaryOperator x = v -> Math.max(0, Math.min(1, (v - from) / (to - from))) * trackWidth;
        double zero = from < 0 && to > 0 ? x.applyAsDouble(0) : 0;
        Estimate estimate = bar.estimate();
        if (estimate.isDefined()) {
            double end = x.applyAsDouble(estimate.value());
            track.getChildren().add(region("bar-fill", Math.min(zero, end), 0, Math.abs(end - zero), TRACK_HEIGHT));
            if (estimate.hasInterval()) {
                double low = x.applyAsDouble(estimate.ciLow());
                double high = x.applyAsDouble(estimate.ciHigh());
                track.getChildren()
                        .addAll(
                                region("bar-interval", low, TRACK_HEIGHT / 2 - 1, Math.max(1, high - low), 2),
                                region("bar-interval", low - 1, 2, 2, TRACK_HEIGHT - 4),
                                region("bar-interval", high - 1, 2, 2, TRACK_HEIGHT - 4));
            }
        }
        if (zero > 0) {
            track.getChildren().add(region("bar-zero", zero - 0.5, 0, 1, TRACK_HEIGHT));
        }
        if (!Double.isNaN(mark)) {
            track.getChildren().add(region("bar-zero", x.applyAsDouble(mark) - 0.5, 0, 1, TRACK_HEIGHT));
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
        setOnMouseClicked(PrimaryClick.of(onClick));
    }

    private static Region region(String styleClass, double x, double y, double width, double height) {
        Region region = new Region();
        region.getStyleClass().add(styleClass);
        region.resizeRelocate(x, y, width, height);
        region.setManaged(false);
        return region;
    }
}
