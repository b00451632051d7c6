package io.arbiter.ui.analysis;

import io.arbiter.ui.common.PrimaryClick;
import io.arbiter.ui.results.RowFilter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The cards of a pairwise judge on the Judge analysis screen: which answer wins (the win rate of A and the outcome
 * counts), the judge's position bias, and its agreement with people's preferences with the judge × human heat map.
 * Each figure shows its interval and n, gives its definition as a tooltip and opens its rows on a click.
 */
final class PairCards {

    private static final double TITLE_WIDTH = 150;
    private static final double TRACK_WIDTH = 140;
    private static final double CAPTION_WIDTH = 420;
    /** Figures where 0.5 favours neither answer nor place: their bars carry a tick there. */
    private static final Set<String> EVEN_AT_HALF = Set.of("winRateA", "firstPositionRate");

    private PairCards() {}

    /**
     * Fills {@code section} with the cards of {@code pairs}; {@code showRows} opens the rows behind a figure and
     * {@code offerPng} offers a card's PNG export under a name.
     */
    static void fill(
            VBox section, PairSection pairs, Consumer<RowFilter> showRows, BiConsumer<Region, String> offerPng) {
        Label title = new Label(pairs.title());
        title.getStyleClass().add("section-title");
        VBox wins = CardLabels.card(
                "pairWinCard",
                "Which answer wins, 95% interval",
                figures(List.of(pairs.winRate()), showRows),
                outcomes(pairs.outcomes(), showRows),
                wrapped("Win rate of A = (A wins + ½ · (ties + inconsistent)) / rows with every order parsed. "
                        + "Inconsistent rows, whose two orders disagree, count as ties (MT-Bench's convention); "
                        + "unparsed rows are left out. Percentile bootstrap interval (2,000 seeded resamples)."));
        VBox position = CardLabels.card(
                "pairPositionCard",
                "The judge's position bias",
                pairs.swapped()
                        ? figures(pairs.position(), showRows)
                        : wrapped("Asked with A shown first only: ask in both orders to see whether the judge "
                                + "follows the place rather than the answer."),
                wrapped("Position consistency: the share of rows whose two orders agree once mapped back to A and B. "
                        + "First-position rate: the share of order-level verdicts, ties left out, that pick the "
                        + "answer shown first; 0.5 is unbiased. Wilson intervals."));
        VBox human = CardLabels.card(
                "pairHumanCard",
                "Against people's preferences",
                pairs.humanN() == 0
                        ? wrapped("No row has a human preference yet: map a preference column when importing, or "
                                + "review rows with A / B / T in the results.")
                        : figures(pairs.human(), showRows),
                heatMap(pairs, showRows),
                wrapped("Rows: the judge's outcome (an inconsistent row as a tie); columns: people's preference. The "
                        + "diagonal (green) is agreement. Shade: share of the judge's row. Click a cell to see its "
                        + "rows."));
        offerPng.accept(wins, "pair-win-rate");
        offerPng.accept(position, "pair-position-bias");
        offerPng.accept(human, "pair-human-agreement");
        FlowPane cards = new FlowPane(12, 12, wins, position, human);
        section.getChildren().setAll(title, cards);
    }

    /** One line per figure: its bar with the interval, value and n; under it what it means. */
    private static VBox figures(List<ScoreSection.Figure> figures, Consumer<RowFilter> showRows) {
        VBox lines = new VBox(4);
        for (ScoreSection.Figure figure : figures) {
            IntervalBar bar = new IntervalBar(
                    figure.bar(),
                    figure.from(),
                    figure.to(),
                    EVEN_AT_HALF.contains(figure.bar().id()) ? 0.5 : Double.NaN,
                    TITLE_WIDTH,
                    TRACK_WIDTH,
                    () -> showRows.accept(figure.bar().rows()));
            Tooltip.install(
                    bar,
                    new Tooltip(figure.detail() + "\nClick to see the rows: "
                            + figure.bar().rows().description() + "."));
            Label meaning = caption(figure.meaning());
            meaning.setPadding(new javafx.geometry.Insets(0, 0, 0, TITLE_WIDTH + 8));
            lines.getChildren().addAll(bar, meaning);
        }
        return lines;
    }

    /** "A 18 · B 12 · tie 4 · inconsistent 6 · unparsed 0", each count opening its rows. */
    private static HBox outcomes(List<PairSection.Count> counts, Consumer<RowFilter> showRows) {
        HBox line = new HBox(6);
        line.setAlignment(Pos.CENTER_LEFT);
        for (PairSection.Count count : counts) {
            Label label = new Label(String.format(Locale.ROOT, "%s %,d", count.name(), count.count()));
            label.setId(count.id() + "Count");
            label.getStyleClass().addAll("pair-count", "pair-" + count.name());
            label.setCursor(Cursor.HAND);
            Tooltip.install(
                    label, new Tooltip("Click to see the rows: " + count.rows().description() + "."));
            label.setOnMouseClicked(PrimaryClick.of(() -> showRows.accept(count.rows())));
            line.getChildren().add(label);
        }
        return line;
    }

    private static VBox heatMap(PairSection pairs, Consumer<RowFilter> showRows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("heat-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        Label corner = new Label("judge ↓ · people →");
        corner.getStyleClass().add("heat-corner");
        corner.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(corner, 0, 0);
        List<String> classes = PairSection.CLASSES;
        for (int c = 0; c < classes.size(); c++) {
            Label column = header(classes.get(c));
            GridPane.setHalignment(column, HPos.CENTER);
            grid.add(column, c + 1, 0);
        }
        for (int r = 0; r < classes.size(); r++) {
            Label row = header(classes.get(r));
            GridPane.setHalignment(row, HPos.RIGHT);
            grid.add(row, 0, r + 1);
            for (AnalysisFigures.HeatCell cell : pairs.confusion().get(r)) {
                StackPane pane = new StackPane();
                pane.getStyleClass().add("score-cell");
                HeatCellView.fill(
                        pane,
                        cell,
                        false,
                        String.format(
                                Locale.ROOT,
                                "Judge %s, people %s: %,d rows (%s of the judge's %s, %s of people's %s). "
                                        + "Click to see them.",
                                classes.get(r),
                                classes.get(cell.column()),
                                cell.count(),
                                cell.rowPercent(),
                                classes.get(r),
                                cell.columnPercent(),
                                classes.get(cell.column())),
                        () -> showRows.accept(cell.rows()));
                grid.add(pane, cell.column() + 1, r + 1);
            }
        }
        return new VBox(6, grid);
    }

    private static Label header(String name) {
        return CardLabels.header(name);
    }

    private static Label caption(String text) {
        return CardLabels.caption(text);
    }

    private static Label wrapped(String text) {
        return CardLabels.wrapped(text, CAPTION_WIDTH);
    }
}
