package io.arbiter.ui.analysis;

import io.arbiter.ui.results.RowFilter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The "Judge reliability" cards: repeats (flip rate), the jury (jurors' table, agreement among them, juror-by-juror
 * heat map, cheapest jury) and the bias probes (verbosity by length quartile, self-preference, position). A part that
 * does not apply shows one muted line saying how to get it, so the feature is never hidden.
 */
final class ReliabilityCards {

    private static final double TITLE_WIDTH = 150;
    private static final double TRACK_WIDTH = 140;
    private static final double CAPTION_WIDTH = 440;

    private ReliabilityCards() {}

    /** Fills {@code section} with the cards of {@code card}; clicks open rows, each card offers its PNG. */
    static void fill(
            VBox section, ReliabilitySection card, Consumer<RowFilter> showRows, BiConsumer<Region, String> offerPng) {
        Label title = new Label("Judge reliability");
        title.getStyleClass().add("section-title");
        VBox repeats = card(
                "reliabilityRepeatsCard",
                "Repeats: does the judge say the same twice?",
                card.flipRate() == null ? muted(card.repeatLine()) : figures(List.of(card.flipRate()), showRows),
                card.flipRate() == null ? new Region() : CardLabels.wrapped(card.repeatLine(), CAPTION_WIDTH));
        VBox jury = card("reliabilityJuryCard", "The jury: each juror and the majority against the reference");
        if (card.jurors().isEmpty()) {
            jury.getChildren().add(muted(card.juryLine()));
        } else {
            jury.getChildren()
                    .addAll(
                            jurorTable(card.jurors()),
                            CardLabels.wrapped(card.juryLine(), CAPTION_WIDTH),
                            matrix(card, showRows),
                            CardLabels.wrapped(card.cheapest(), CAPTION_WIDTH));
        }
        VBox probes = card("reliabilityProbesCard", "Bias probes");
        if (card.quartiles().isEmpty()) {
            probes.getChildren().add(muted(card.lengthLine()));
        } else {
            Label heading = CardLabels.caption(
                    card.quartileRange() > 1
                            ? "Mean score by base-answer length quartile (Q1 shortest), 95% t intervals"
                            : "Acceptance by base-answer length quartile (Q1 shortest), 95% Wilson intervals");
            VBox bars = new VBox(2, heading);
            for (AnalysisFigures.Bar bar : card.quartiles()) {
                bars.getChildren()
                        .add(new IntervalBar(
                                bar, 0, card.quartileRange(), 90, TRACK_WIDTH, () -> showRows.accept(bar.rows())));
            }
            probes.getChildren().addAll(bars, CardLabels.wrapped(card.lengthLine(), CAPTION_WIDTH));
        }
        probes.getChildren().add(CardLabels.wrapped(card.selfLine(), CAPTION_WIDTH));
        probes.getChildren()
                .add(
                        card.position() == null
                                ? muted(card.positionLine())
                                : figures(List.of(card.position()), showRows));
        offerPng.accept(repeats, "reliability-repeats");
        offerPng.accept(jury, "reliability-jury");
        offerPng.accept(probes, "reliability-probes");
        FlowPane cards = new FlowPane(12, 12, repeats, jury, probes);
        cards.setRowValignment(VPos.TOP); // a one-line card sits at the top of its row, not in its middle
        section.getChildren().setAll(title, cards);
    }

    /** An analysis card that stays as short as its content beside a taller one. */
    private static VBox card(String id, String title, Node... content) {
        VBox card = CardLabels.card(id, title, content);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return card;
    }

    private static Label muted(String text) {
        Label label = CardLabels.wrapped(text, CAPTION_WIDTH);
        label.getStyleClass().add("reliability-absent");
        return label;
    }

    private static VBox figures(List<ScoreSection.Figure> figures, Consumer<RowFilter> showRows) {
        VBox lines = new VBox(4);
        for (ScoreSection.Figure figure : figures) {
            IntervalBar bar = new IntervalBar(
                    figure.bar(),
                    figure.from(),
                    figure.to(),
                    figure.bar().id().equals("reliabilityFirstPosition") ? 0.5 : Double.NaN,
                    TITLE_WIDTH,
                    TRACK_WIDTH,
                    () -> showRows.accept(figure.bar().rows()));
            Tooltip.install(bar, new Tooltip(figure.detail()));
            Label meaning = CardLabels.caption(figure.meaning());
            meaning.setPadding(new Insets(0, 0, 0, TITLE_WIDTH + 8));
            lines.getChildren().addAll(bar, meaning);
        }
        return lines;
    }

    private static GridPane jurorTable(List<ReliabilitySection.JurorLine> lines) {
        GridPane grid = new GridPane();
        grid.setId("jurorTable");
        grid.getStyleClass().add("statistics-grid");
        grid.setHgap(14);
        grid.setVgap(3);
        grid.addRow(0, header("Juror"), header("Agreement"), header("Cohen's κ [95%]"), header("Cost"));
        for (int i = 0; i < lines.size(); i++) {
            ReliabilitySection.JurorLine line = lines.get(i);
            Label model = new Label(line.model());
            Label kappa = new Label(line.kappa());
            kappa.setId("jurorKappa-" + i);
            kappa.getStyleClass().add("statistic-value");
            Label cost = new Label(line.cost());
            cost.getStyleClass().add("metric-counts");
            if (i == lines.size() - 1) {
                model.getStyleClass().add("jury-line");
            }
            grid.addRow(i + 1, model, new Label(line.agreement()), kappa, cost);
        }
        return grid;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("statistics-header");
        return label;
    }

    private static VBox matrix(ReliabilitySection card, Consumer<RowFilter> showRows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("heat-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        List<String> names = card.jurors().stream()
                .limit(card.matrix().size())
                .map(ReliabilitySection.JurorLine::model)
                .toList();
        for (int c = 0; c < names.size(); c++) {
            Label column = CardLabels.header("J" + (c + 1));
            Tooltip.install(column, new Tooltip(names.get(c)));
            GridPane.setHalignment(column, HPos.CENTER);
            grid.add(column, c + 1, 0);
        }
        for (int r = 0; r < names.size(); r++) {
            Label row = CardLabels.header("J" + (r + 1) + " " + names.get(r));
            GridPane.setHalignment(row, HPos.RIGHT);
            grid.add(row, 0, r + 1);
            for (AnalysisFigures.HeatCell cell : card.matrix().get(r)) {
                StackPane pane = new StackPane();
                pane.getStyleClass().add("juror-cell");
                HeatCellView.fill(
                        pane,
                        cell,
                        cell.diagonal() ? "—" : cell.rowPercent(),
                        false,
                        String.format(
                                Locale.ROOT,
                                "%s and %s agree on %s rows (%s). Click to see them.",
                                names.get(r),
                                names.get(cell.column()),
                                cell.columnPercent(),
                                cell.rowPercent()),
                        () -> showRows.accept(cell.rows()));
                grid.add(pane, cell.column() + 1, r + 1);
            }
        }
        return new VBox(4, CardLabels.caption("Juror by juror: share of the rows both read on which they agree"), grid);
    }
}
