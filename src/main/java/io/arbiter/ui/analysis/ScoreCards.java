package io.arbiter.ui.analysis;

import io.arbiter.ui.results.RowFilter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The cards of a scoring judge's figures on the Judge analysis screen, above the pass/fail ones: the means and the
 * judge's lean, agreement on scores, the score-by-score heat map and the bias at each human level. Each figure shows
 * its interval and n, says in a line what it means, gives its definition as a tooltip and opens its rows on a click.
 */
final class ScoreCards {

    private static final double TITLE_WIDTH = 152;
    private static final double LEVEL_WIDTH = 64;
    private static final double TRACK_WIDTH = 120;
    /** The heat map's and the bias card's captions wrap at this width, so the two cards stay narrow. */
    private static final double CAPTION_WIDTH = 360;

    private ScoreCards() {}

    /** Fills {@code section} with the cards of {@code scores}; {@code showRows} opens the rows behind a figure. */
    static void fill(VBox section, ScoreSection scores, Consumer<RowFilter> showRows) {
        Label title = new Label(String.format(Locale.ROOT, "%s · n = %,d", scores.title(), scores.n()));
        title.getStyleClass().add("section-title");
        // Two columns that sit side by side from about 1280 pixels wide and stack below that.
        VBox left = new VBox(
                12,
                CardLabels.card(
                        "scoreAgreementCard",
                        "Agreement on scores, 95% intervals",
                        figures(scores.agreement(), showRows, TITLE_WIDTH, true)),
                CardLabels.card(
                        "scoreMeansCard",
                        "Is the judge harsher than people?",
                        figures(scores.means(), showRows, TITLE_WIDTH, true),
                        reading(scores.harshness())));
        VBox right = new VBox(
                12,
                CardLabels.card("scoreConfusionCard", "Score by score", heatMap(scores, showRows)),
                CardLabels.card(
                        "scoreBiasCard",
                        "Judge − human at each human score",
                        scores.bias().isEmpty()
                                ? caption("No row has both scores yet.")
                                : figures(scores.bias(), showRows, LEVEL_WIDTH, false),
                        wrapped("Above 0 the judge is more lenient than people on those rows, below it harsher; "
                                + "t intervals. Drift at both ends pulls scores to the middle.")));
        FlowPane cards = new FlowPane(12, 12, left, right);
        section.getChildren().setAll(title, cards);
    }

    /** One line per figure: its bar with the interval, value and n, then what it means. */
    private static VBox figures(
            List<ScoreSection.Figure> figures, Consumer<RowFilter> showRows, double titleWidth, boolean meanings) {
        VBox lines = new VBox(3);
        for (ScoreSection.Figure figure : figures) {
            IntervalBar bar = new IntervalBar(
                    figure.bar(),
                    figure.from(),
                    figure.to(),
                    titleWidth,
                    TRACK_WIDTH,
                    () -> showRows.accept(figure.bar().rows()));
            Tooltip.install(
                    bar,
                    new Tooltip(figure.detail() + "\nClick to see the rows: "
                            + figure.bar().rows().description() + "."));
            HBox line = new HBox(10, bar);
            line.setAlignment(Pos.CENTER_LEFT);
            if (meanings) {
                Label meaning = caption(figure.meaning());
                meaning.setMinWidth(Region.USE_PREF_SIZE);
                line.getChildren().add(meaning);
            }
            lines.getChildren().add(line);
        }
        return lines;
    }

    /** Rows: the human's score; columns: the judge's. The diagonal is exact agreement. */
    private static VBox heatMap(ScoreSection scores, Consumer<RowFilter> showRows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("heat-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        Label corner = new Label("human ↓ · judge →");
        corner.getStyleClass().add("heat-corner");
        corner.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(corner, 0, 0);
        List<Integer> levels = scores.levels();
        for (int c = 0; c < levels.size(); c++) {
            Label column = header(levels.get(c));
            GridPane.setHalignment(column, javafx.geometry.HPos.CENTER);
            grid.add(column, c + 1, 0);
        }
        for (int r = 0; r < levels.size(); r++) {
            Label row = header(levels.get(r));
            GridPane.setHalignment(row, javafx.geometry.HPos.RIGHT);
            grid.add(row, 0, r + 1);
            for (AnalysisFigures.HeatCell cell : scores.confusion().get(r)) {
                StackPane pane = new StackPane();
                pane.getStyleClass().add("score-cell");
                HeatCellView.fill(
                        pane,
                        cell,
                        false,
                        String.format(
                                Locale.ROOT,
                                "People %d, judge %d: %,d rows (%s of people's %d, %s of the judge's %d). "
                                        + "Click to see them.",
                                levels.get(r),
                                levels.get(cell.column()),
                                cell.count(),
                                cell.rowPercent(),
                                levels.get(r),
                                cell.columnPercent(),
                                levels.get(cell.column())),
                        () -> showRows.accept(cell.rows()));
                grid.add(pane, cell.column() + 1, r + 1);
            }
        }
        return new VBox(
                6,
                grid,
                wrapped("Rows: people's score; columns: the judge's. The diagonal (green) is exact agreement; right "
                        + "of it the judge is more lenient, left of it harsher. Shade: share of the row."));
    }

    private static Label header(int level) {
        return CardLabels.header(Integer.toString(level));
    }

    private static Label caption(String text) {
        return CardLabels.caption(text);
    }

    private static Label wrapped(String text) {
        return CardLabels.wrapped(text, CAPTION_WIDTH);
    }

    private static Label reading(String text) {
        Label label = new Label(text);
        label.setId("scoreHarshness");
        label.getStyleClass().add("reading");
        label.setWrapText(true);
        label.setMaxWidth(560);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
