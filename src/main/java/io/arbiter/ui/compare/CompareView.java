package io.arbiter.ui.compare;

import io.arbiter.core.prompt.PromptDiff;
import io.arbiter.ui.common.TextColumns;
import io.arbiter.ui.common.ViewLoader;
import io.arbiter.ui.compare.CompareViewModel.RunChoice;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Two runs compared: A's prompt with what B removed struck out, B's with what it added marked, the metric deltas,
 * McNemar's test and the flipped rows; double-click or Enter on a flipped row shows it in the results.
 */
public final class CompareView {

    @FXML
    private Parent root;

    @FXML
    private ComboBox<RunChoice> runABox;

    @FXML
    private CheckBox followNewestBox;

    @FXML
    private ComboBox<RunChoice> runBBox;

    @FXML
    private Button swapRunsButton;

    @FXML
    private Label compareMessageLabel;

    @FXML
    private TextFlow judgeBeforeFlow;

    @FXML
    private TextFlow judgeAfterFlow;

    @FXML
    private TextFlow baseBeforeFlow;

    @FXML
    private TextFlow baseAfterFlow;

    @FXML
    private Label settingsChangesLabel;

    @FXML
    private TableView<DeltaLine> deltaTable;

    @FXML
    private Label mcnemarLabel;

    @FXML
    private Label scoresLabel;

    @FXML
    private Label pairsLabel;

    @FXML
    private Label flipsSummaryLabel;

    @FXML
    private Button showFlipsButton;

    @FXML
    private TableView<FlipLine> flipsTable;

    private static final PseudoClass BETTER = PseudoClass.getPseudoClass("better");
    private static final PseudoClass WORSE = PseudoClass.getPseudoClass("worse");
    private static final PseudoClass NOW_RIGHT = PseudoClass.getPseudoClass("now-right");
    private static final PseudoClass NOW_WRONG = PseudoClass.getPseudoClass("now-wrong");

    private final CompareViewModel model;

    public CompareView(CompareViewModel model) {
        this.model = model;
        ViewLoader.load("/fxml/compare/CompareView.fxml", this);
        runABox.setItems(model.choices());
        runBBox.setItems(model.choices());
        runABox.valueProperty().bindBidirectional(model.runAProperty());
        runBBox.valueProperty().bindBidirectional(model.runBProperty());
        followNewestBox.selectedProperty().bindBidirectional(model.followNewestProperty());
        followNewestBox.setTooltip(new Tooltip("Off once you choose runs: the pair you chose stays after new runs"));
        swapRunsButton.setOnAction(e -> model.swap());
        swapRunsButton
                .disableProperty()
                .bind(model.runAProperty().isNull().or(model.runBProperty().isNull()));
        compareMessageLabel.textProperty().bind(model.messageProperty());
        settingsChangesLabel.textProperty().bind(model.settingsProperty());
        mcnemarLabel.textProperty().bind(model.mcnemarProperty());
        scoresLabel.textProperty().bind(model.scoresProperty());
        scoresLabel.visibleProperty().bind(model.scoresProperty().isNotEmpty());
        scoresLabel.managedProperty().bind(scoresLabel.visibleProperty());
        pairsLabel.textProperty().bind(model.pairsProperty());
        pairsLabel.visibleProperty().bind(model.pairsProperty().isNotEmpty());
        pairsLabel.managedProperty().bind(pairsLabel.visibleProperty());
        flipsSummaryLabel.textProperty().bind(model.flipsSummaryProperty());
        showFlipsButton.setOnAction(e -> model.showAllFlips());
        showFlipsButton.disableProperty().bind(model.changedRowsProperty().not());

        followDiff(model.judgeDiffProperty(), judgeBeforeFlow, judgeAfterFlow);
        followDiff(model.baseDiffProperty(), baseBeforeFlow, baseAfterFlow);

        deltaTable.setItems(model.deltas());
        deltaTable.setPlaceholder(new Label("Choose two runs."));
        TextColumns.add(deltaTable, "Metric", DeltaLine::metric, 190);
        TextColumns.add(deltaTable, "A", DeltaLine::a, 70);
        TextColumns.add(deltaTable, "B", DeltaLine::b, 70);
        TableColumn<DeltaLine, String> change = TextColumns.add(deltaTable, "Change", DeltaLine::change, 90);
        change.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                DeltaLine line =
                        empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                pseudoClassStateChanged(BETTER, line != null && line.trend() == DeltaLine.Trend.BETTER);
                pseudoClassStateChanged(WORSE, line != null && line.trend() == DeltaLine.Trend.WORSE);
            }
        });

        flipsTable.setItems(model.flips());
        Label noFlips = new Label();
        // Two pairwise runs have no verdicts to flip: the rows whose outcome moved open with the button instead.
        noFlips.textProperty()
                .bind(javafx.beans.binding.Bindings.when(model.changedRowsProperty())
                        .then("Pairs have no verdict to flip: the rows whose outcome changed open in the results with"
                                + " the button above.")
                        .otherwise("No flipped rows."));
        noFlips.setWrapText(true);
        flipsTable.setPlaceholder(noFlips);
        TextColumns.add(flipsTable, "#", FlipLine::number, 40);
        TextColumns.add(flipsTable, "Input", FlipLine::input, 260);
        TextColumns.add(flipsTable, "Truth", FlipLine::truth, 90);
        TextColumns.add(flipsTable, "Base answer B", FlipLine::baseB, 90);
        TextColumns.add(flipsTable, "Judge A", FlipLine::verdictA, 70);
        TextColumns.add(flipsTable, "Judge B", FlipLine::verdictB, 70);
        TextColumns.add(flipsTable, "B vs truth", FlipLine::reading, 110);
        flipsTable.setRowFactory(table -> {
            TableRow<FlipLine> row = new TableRow<>() {
                @Override
                protected void updateItem(FlipLine line, boolean empty) {
                    super.updateItem(line, empty);
                    String reading = empty || line == null ? "" : line.reading();
                    pseudoClassStateChanged(NOW_RIGHT, reading.equals(FlipLine.NOW_RIGHT));
                    pseudoClassStateChanged(NOW_WRONG, reading.equals(FlipLine.NOW_WRONG));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2
                        && e.getButton() == javafx.scene.input.MouseButton.PRIMARY
                        && !row.isEmpty()) {
                    model.showFlip(row.getItem());
                }
            });
            return row;
        });
        flipsTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.showFlip(flipsTable.getSelectionModel().getSelectedItem());
                e.consume(); // or it reaches the default button, Run
            }
        });
        javafx.scene.control.Tooltip.install(
                flipsTable,
                new javafx.scene.control.Tooltip(
                        "Double-click or Enter: show the row in the results, with its detail"));
    }

    public Parent root() {
        return root;
    }

    /** Redraws both sides when the diff changes: A keeps what B removed (struck out), B shows what it added. */
    private static void followDiff(ObservableValue<PromptDiff> diff, TextFlow before, TextFlow after) {
        diff.addListener((obs, old, now) -> {
            before.getChildren().clear();
            after.getChildren().clear();
            if (now == null) {
                return; // nothing compared, or a run saved without its prompts (the settings line says which)
            }
            ComparisonText.before(now).forEach(segment -> before.getChildren().add(text(segment)));
            ComparisonText.after(now).forEach(segment -> after.getChildren().add(text(segment)));
        });
    }

    private static Text text(PromptDiff.Segment segment) {
        String style =
                switch (segment.kind()) {
                    case SAME -> "diff-same";
                    case REMOVED -> "diff-removed";
                    case ADDED -> "diff-added";
                };
        Text text = new Text(segment.text());
        text.getStyleClass().addAll("diff-segment", style);
        return text;
    }
}
