package io.arbiter.ui.analysis;

import io.arbiter.ui.common.ViewLoader;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Judge analysis tab: accuracies, the judge's 2×2, agreement statistics, label confusion, corrected accuracy.
 * Over 300 lines because it lays out each of those panels with its chart, its PNG export and its click through to
 * the rows behind a figure; every number it shows comes computed from {@link AnalysisViewModel}.
 */
public final class AnalysisView {

    /** Explains how multi-label truth is counted in the label confusion. */
    public static final String MULTI_LABEL_NOTE = "For multi-label truth, a correct answer counts on its own label "
            + "and a wrong one against the row's first truth label";

    @FXML
    private Parent root;

    @FXML
    private Label analysisStatus;

    @FXML
    private ChoiceBox<AnalysisViewModel.Against> againstBox;

    @FXML
    private Label judgeCardTitle;

    @FXML
    private Label referenceRightHeader;

    @FXML
    private Label referenceWrongHeader;

    @FXML
    private Label judgeVsHumanLabel;

    @FXML
    private Label analysisMessage;

    @FXML
    private Button exportJsonButton;

    @FXML
    private Label placeholderLabel;

    @FXML
    private VBox scoreSection;

    @FXML
    private Label passFailTitle;

    @FXML
    private VBox pairSection;

    @FXML
    private VBox reliabilitySection;

    @FXML
    private HBox firstRow;

    @FXML
    private VBox secondRow;

    @FXML
    private VBox accuracyCard;

    @FXML
    private VBox accuracyBars;

    @FXML
    private Label readingLabel;

    @FXML
    private VBox judgeCard;

    @FXML
    private StackPane trueAcceptCell;

    @FXML
    private StackPane falseRejectCell;

    @FXML
    private StackPane falseAcceptCell;

    @FXML
    private StackPane trueRejectCell;

    @FXML
    private Label judgeCaption;

    @FXML
    private VBox statisticsCard;

    @FXML
    private GridPane statisticsGrid;

    @FXML
    private VBox baseLabelsCard;

    @FXML
    private Label baseLabelsTitle;

    @FXML
    private GridPane baseLabelGrid;

    @FXML
    private VBox baseLabelBars;

    @FXML
    private Label baseMacroLabel;

    @FXML
    private VBox judgeLabelsCard;

    @FXML
    private Label judgeLabelsTitle;

    @FXML
    private GridPane judgeLabelGrid;

    @FXML
    private VBox judgeLabelBars;

    @FXML
    private Label judgeMacroLabel;

    @FXML
    private VBox correctedCard;

    @FXML
    private Label correctedValue;

    @FXML
    private Label correctedDetail;

    @FXML
    private Label correctedAssumption;

    private final AnalysisViewModel model;

    public AnalysisView(AnalysisViewModel model) {
        this.model = model;
        ViewLoader.load("/fxml/analysis/AnalysisView.fxml", this);
        analysisStatus.textProperty().bind(model.statusProperty());
        againstBox.getItems().setAll(AnalysisViewModel.Against.values());
        againstBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(AnalysisViewModel.Against against) {
                return against == null ? "" : against.title();
            }

            @Override
            public AnalysisViewModel.Against fromString(String text) {
                return null;
            }
        });
        againstBox.valueProperty().bindBidirectional(model.againstProperty());
        // The table's rows say whose word decides "right": the truth, a human, or the truth where it has one.
        Runnable nameReferee = () -> {
            AnalysisViewModel.Against against = model.againstProperty().get();
            referenceRightHeader.setText(against.referee() + ": base right");
            referenceWrongHeader.setText(against.referee() + ": base wrong");
            judgeCardTitle.setText("The judge's verdicts against " + against.title());
        };
        model.againstProperty().addListener((obs, old, now) -> nameReferee.run());
        nameReferee.run();
        judgeVsHumanLabel.textProperty().bind(model.judgeVsHumanProperty());
        judgeVsHumanLabel.visibleProperty().bind(model.judgeVsHumanProperty().isNotEmpty());
        judgeVsHumanLabel.managedProperty().bind(judgeVsHumanLabel.visibleProperty());
        analysisMessage.textProperty().bind(model.messageProperty());
        placeholderLabel.textProperty().bind(model.statusProperty());
        exportJsonButton.disableProperty().bind(model.figuresProperty().isNull());
        exportJsonButton.setOnAction(e -> chooseJsonFile());
        // A pair has no right or wrong answer: its own cards replace the pass/fail ones.
        var passFail = Bindings.createBooleanBinding(
                () -> model.figuresProperty().get() != null
                        && model.figuresProperty().get().pairs() == null,
                model.figuresProperty());
        for (Node shown : new Node[] {firstRow, secondRow}) {
            shown.visibleProperty().bind(passFail);
            shown.managedProperty().bind(shown.visibleProperty());
        }
        againstBox
                .disableProperty()
                .bind(passFail.not().and(model.figuresProperty().isNotNull()));
        placeholderLabel.visibleProperty().bind(model.figuresProperty().isNull());
        placeholderLabel.managedProperty().bind(placeholderLabel.visibleProperty());
        Tooltip.install(baseLabelsTitle, new Tooltip(MULTI_LABEL_NOTE));
        Tooltip.install(judgeLabelsTitle, new Tooltip(MULTI_LABEL_NOTE));
        Map.of(
                        accuracyCard,
                        "accuracies",
                        judgeCard,
                        "judge-confusion",
                        statisticsCard,
                        "agreement",
                        baseLabelsCard,
                        "base-label-confusion",
                        judgeLabelsCard,
                        "judge-label-confusion",
                        correctedCard,
                        "corrected-accuracy")
                .forEach((card, name) -> ChartExport.offer(card, name, model));
        CardRow.arrange(firstRow, (Region) firstRow.getChildren().get(0), judgeCard, statisticsCard);
        model.figuresProperty().addListener((obs, old, figures) -> show(figures));
        model.reliabilityProperty().addListener((obs, old, card) -> showReliability(card));
        showReliability(model.reliabilityProperty().get());
        show(model.figuresProperty().get());
    }

    public Parent root() {
        return root;
    }

    private void show(AnalysisFigures figures) {
        if (figures == null) {
            return;
        }
        PairSection pairs = figures.pairs();
        pairSection.setVisible(pairs != null);
        pairSection.setManaged(pairs != null);
        if (pairs != null) {
            PairCards.fill(pairSection, pairs, model::showRows, (card, name) -> ChartExport.offer(card, name, model));
        } else {
            pairSection.getChildren().clear();
        }
        ScoreSection scores = figures.scores();
        for (Node scoreOnly : new Node[] {scoreSection, passFailTitle}) {
            scoreOnly.setVisible(scores != null);
            scoreOnly.setManaged(scores != null);
        }
        if (scores != null) {
            ScoreCards.fill(scoreSection, scores, model::showRows);
            boolean noTruth = figures.judgeN() == 0 && model.againstProperty().get() == AnalysisViewModel.Against.TRUTH;
            passFailTitle.setText("Pass at " + figures.report().passAt() + ": the figures below count a score of "
                    + figures.report().passAt() + " or more as a pass"
                    + (noTruth
                            ? " · no row has ground truth: choose human labels above to check them against "
                                    + "people's scores"
                            : ""));
        } else {
            scoreSection.getChildren().clear();
        }
        accuracyBars
                .getChildren()
                .setAll(figures.accuracies().stream()
                        .map(bar -> (Node) new IntervalBar(bar, 100, 200, () -> model.showRows(bar.rows())))
                        .toList());
        readingLabel.setText(figures.reading());

        List<StackPane> cells = List.of(trueAcceptCell, falseRejectCell, falseAcceptCell, trueRejectCell);
        List<String> meanings = List.of(
                "the judge accepts a right answer",
                "the judge rejects a right answer",
                "the judge accepts a wrong answer",
                "the judge rejects a wrong answer");
        for (int i = 0; i < cells.size(); i++) {
            AnalysisFigures.HeatCell cell = figures.judgeCells().get(i);
            HeatCellView.fill(
                    cells.get(i),
                    cell,
                    true,
                    String.format(Locale.ROOT, "%,d rows where %s. Click to see them.", cell.count(), meanings.get(i)),
                    () -> model.showRows(cell.rows()));
        }
        judgeCaption.setText(String.format(
                Locale.ROOT,
                "%,d rows with a parsed base answer, a parsed verdict and "
                        + "ground truth. Shade: share of the row. Click a cell to see its rows.",
                figures.judgeN()));

        statisticsGrid.getChildren().clear();
        statisticsGrid.addRow(0, header("Statistic"), header("Value [95% interval]"), header("n"));
        int line = 1;
        for (AnalysisFigures.Statistic statistic : figures.statistics()) {
            Label name = new Label(statistic.name());
            Tooltip.install(name, new Tooltip(statistic.meaning()));
            Label value = new Label(statistic.value());
            value.setId(statistic.id() + "Value");
            value.getStyleClass().add("statistic-value");
            Label n = new Label(statistic.n());
            n.getStyleClass().add("metric-counts");
            statisticsGrid.addRow(line++, name, value, n);
        }

        showLabels(figures.baseLabels(), baseLabelGrid, baseLabelBars, baseMacroLabel);
        showLabels(figures.judgeLabels(), judgeLabelGrid, judgeLabelBars, judgeMacroLabel);

        correctedValue.setText(figures.corrected());
        correctedDetail.setText(figures.correctedDetail());
        correctedAssumption.setText(figures.assumption());
        for (Label label : new Label[] {correctedDetail, correctedAssumption}) {
            label.setManaged(!label.getText().isEmpty());
        }
    }

    private void showReliability(ReliabilitySection card) {
        reliabilitySection.getChildren().clear();
        if (card != null) {
            ReliabilityCards.fill(reliabilitySection, card, model::showRows, (c, n) -> ChartExport.offer(c, n, model));
        }
    }

    private void showLabels(AnalysisFigures.LabelMatrix matrix, GridPane grid, VBox bars, Label macro) {
        grid.getChildren().clear();
        bars.getChildren().clear();
        if (matrix.isEmpty()) {
            macro.setText("No rows with ground truth and an answer yet.");
            return;
        }
        Label corner = new Label("truth ↓ · answer →");
        corner.getStyleClass().add("heat-corner");
        corner.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(corner, 0, 0);
        for (int c = 0; c < matrix.columns().size(); c++) {
            Label column = new Label(matrix.columns().get(c));
            column.getStyleClass().add("heat-header");
            column.setRotate(-90);
            StackPane holder = new StackPane(new Group(column));
            holder.setAlignment(Pos.BOTTOM_CENTER);
            grid.add(holder, c + 1, 0);
        }
        for (int r = 0; r < matrix.rows().size(); r++) {
            Label row = new Label(matrix.rows().get(r));
            row.getStyleClass().add("heat-header");
            grid.add(row, 0, r + 1);
            for (AnalysisFigures.HeatCell cell : matrix.cells().get(r)) {
                StackPane pane = new StackPane();
                pane.getStyleClass().add("label-cell");
                HeatCellView.fill(
                        pane,
                        cell,
                        false,
                        String.format(
                                Locale.ROOT,
                                "Truth %s, %s %s: %,d rows (row %s, column %s). Click to see them.",
                                matrix.rows().get(r),
                                matrix.who().toLowerCase(Locale.ROOT),
                                matrix.columns().get(cell.column()),
                                cell.count(),
                                cell.rowPercent(),
                                cell.columnPercent()),
                        () -> model.showRows(cell.rows()));
                grid.add(pane, cell.column() + 1, r + 1);
            }
        }
        Label title = new Label("Accuracy per truth label (recall), 95% Wilson intervals");
        title.getStyleClass().add("card-caption");
        bars.getChildren().add(title);
        for (AnalysisFigures.Bar bar : matrix.perLabel()) {
            bars.getChildren().add(new IntervalBar(bar, 100, 160, () -> model.showRows(bar.rows())));
        }
        macro.setText(matrix.macro() + (matrix.unparsed().isEmpty() ? "" : "\n" + matrix.unparsed()));
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("statistics-header");
        return label;
    }

    private void chooseJsonFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export metrics JSON");
        chooser.setInitialFileName("arbiter-metrics.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON files", "*.json"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.exportJson(file.toPath());
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
