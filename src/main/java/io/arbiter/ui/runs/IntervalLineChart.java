package io.arbiter.ui.runs;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;

/**
 * A line chart whose points may carry a 95% interval (a {@code double[]{low, high}} as the data's extra value), drawn
 * as a vertical whisker with caps in the series' colour: a run's figure on the trend is read with its uncertainty, so
 * a step between two runs inside each other's intervals does not look like progress.
 */
final class IntervalLineChart extends LineChart<Number, Number> {

    private static final double CAP = 4;

    private final List<Line> whiskers = new ArrayList<>();

    IntervalLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
    }

    /** The interval a point is drawn with; a point without one is drawn alone. */
    static void interval(XYChart.Data<Number, Number> data, double low, double high) {
        data.setExtraValue(new double[] {low, high});
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        getPlotChildren().removeAll(whiskers);
        whiskers.clear();
        for (int s = 0; s < getData().size(); s++) {
            for (XYChart.Data<Number, Number> data : getData().get(s).getData()) {
                if (data.getExtraValue() instanceof double[] ends) {
                    double x = getXAxis().getDisplayPosition(data.getXValue());
                    double low = getYAxis().getDisplayPosition(ends[0]);
                    double high = getYAxis().getDisplayPosition(ends[1]);
                    String colour = "default-color" + s % 8;
                    whiskers.add(whisker(x, low, x, high, colour));
                    whiskers.add(whisker(x - CAP, low, x + CAP, low, colour));
                    whiskers.add(whisker(x - CAP, high, x + CAP, high, colour));
                }
            }
        }
        getPlotChildren().addAll(whiskers);
        // Drawn under the points, so a point's tooltip and click still reach its symbol.
        whiskers.forEach(Line::toBack);
    }

    private static Line whisker(double x1, double y1, double x2, double y2, String colour) {
        Line line = new Line(x1, y1, x2, y2);
        line.getStyleClass().addAll("trend-interval", colour);
        line.setMouseTransparent(true);
        return line;
    }
}
