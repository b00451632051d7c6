package io.arbiter.ui.results;

import io.arbiter.ui.common.ViewLoader;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The headline figures above a table with one line per dataset row, styled by outcome, with the run it shows named
 * above it. Over 300 lines because the side pane (row detail, labels), the presets, the legend and the choice of
 * columns for the grading scheme are wired here beside the table they act on; the columns are built by
 * {@link ResultColumns}, kept in place by {@link FrozenColumns} and chosen in {@link ColumnChooser}, a row's styling
 * by {@link OutcomeRow} and the review keys by {@link ReviewKeys}.
 */
public final class ResultsView {

    @FXML
    private Parent root;

    @FXML
    private Label baseVsJudgeValue;

    @FXML
    private Label baseVsTruthValue;

    @FXML
    private Label judgeVsTruthValue;

    @FXML
    private Label baseVsJudgeCounts;

    @FXML
    private Label baseVsTruthCounts;

    @FXML
    private Label judgeVsTruthCounts;

    @FXML
    private Label unparsedLabel;

    @FXML
    private Label draftLabel;

    @FXML
    private Label legendLabel;

    @FXML
    private Label scoreLabel;

    @FXML
    private Label baseVsJudgeTitle;

    @FXML
    private Label baseVsTruthTitle;

    @FXML
    private Label judgeVsTruthTitle;

    @FXML
    private Button exportButton;

    @FXML
    private TableView<ResultsTableRow> resultsTable;

    @FXML
    private TextField filterField;

    @FXML
    private Label shownLabel;

    @FXML
    private HBox presetBar;

    @FXML
    private HBox rowFilterChip;

    @FXML
    private Label rowFilterLabel;

    @FXML
    private Label labelNextLine;

    @FXML
    private Button clearRowFilterButton;

    @FXML
    private StackPane labelsSlot;

    @FXML
    private StackPane detailSlot;

    @FXML
    private Label reviewHelp;

    @FXML
    private javafx.scene.control.SplitPane resultsSplit;

    @FXML
    private Label runCaption;

    @FXML
    private Label reviewProgress;

    @FXML
    private MenuButton columnsButton;

    @FXML
    private ToggleButton wrapToggle;

    @FXML
    private Node legendPass;

    @FXML
    private Node legendFail;

    @FXML
    private Node legendExample;

    private final ResultsViewModel model;
    /** What the columns were last built for: key columns, scheme, reference column, whether there is truth. */
    private List<Object> builtLayout;

    /**
     * {@code onExport} asks the user for a file and exports to it; {@code onTry} runs the selected rows as a draft.
     */
    public ResultsView(ResultsViewModel model, Runnable onExport, Runnable onTry) {
        this.model = model;
        ViewLoader.load("/fxml/results/ResultsView.fxml", this);
        baseVsJudgeValue.textProperty().bind(model.figures().baseVsJudgeProperty());
        baseVsTruthValue.textProperty().bind(model.figures().baseVsTruthProperty());
        judgeVsTruthValue.textProperty().bind(model.figures().judgeVsTruthProperty());
        baseVsJudgeCounts.textProperty().bind(model.figures().baseVsJudgeCountsProperty());
        baseVsTruthCounts.textProperty().bind(model.figures().baseVsTruthCountsProperty());
        judgeVsTruthCounts.textProperty().bind(model.figures().judgeVsTruthCountsProperty());
        unparsedLabel.textProperty().bind(model.figures().unparsedSummaryProperty());
        scoreLabel.textProperty().bind(model.figures().scoreSummaryProperty());
        draftLabel.textProperty().bind(model.figures().draftLineProperty());
        draftLabel.visibleProperty().bind(draftLabel.textProperty().isNotEmpty());
        draftLabel.managedProperty().bind(draftLabel.visibleProperty());
        baseVsJudgeTitle.textProperty().bind(model.figures().agreementTileTitleProperty());
        baseVsTruthTitle.textProperty().bind(model.figures().truthTileTitleProperty());
        judgeVsTruthTitle.textProperty().bind(model.figures().judgeTileTitleProperty());
        scoreLabel.visibleProperty().bind(scoreLabel.textProperty().isNotEmpty());
        scoreLabel.managedProperty().bind(scoreLabel.visibleProperty());
        legendLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.scheme().pairs()
                                ? "Unparsed verdicts and failed requests are counted apart. A bar at the left of a row: "
                                        + "the two orders disagree (inconsistent), counted as a tie in the win rate."
                                : "Unparsed answers and failed requests are counted apart, never as right or wrong. "
                                        + "A bar at the left of a row: the judge's verdict contradicts the ground truth.",
                        model.schemeProperty()));
        exportButton.disableProperty().bind(Bindings.not(model.hasResultsProperty()));
        exportButton.setOnAction(e -> onExport.run());
        resultsTable.setItems(model.rows());
        // Sorting a large table on the FX thread freezes the window: the model sorts in the background instead.
        resultsTable.setSortPolicy(table -> {
            model.sort(ResultColumns.comparatorFor(table.getSortOrder()));
            return true;
        });
        filterField.textProperty().addListener((obs, old, text) -> model.filter(text));
        shownLabel.textProperty().bind(model.shownSummaryProperty());
        buildPresets();
        rowFilterLabel.textProperty().bind(model.rowFilterSummaryProperty());
        rowFilterChip.visibleProperty().bind(model.rowFilterSummaryProperty().isNotEmpty());
        rowFilterChip.managedProperty().bind(rowFilterChip.visibleProperty());
        clearRowFilterButton.setOnAction(e -> model.clearRowFilter());
        labelNextLine.textProperty().bind(model.labelNext().summaryProperty());
        labelNextLine.visibleProperty().bind(labelNextLine.textProperty().isNotEmpty());
        labelNextLine.managedProperty().bind(labelNextLine.visibleProperty());
        FrozenColumns frozen = new FrozenColumns(resultsTable);
        resultsTable.setRowFactory(table -> new OutcomeRow(frozen));
        // Several rows can be tried at once ("Try on selection"); the detail follows the last one clicked.
        resultsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        resultsTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ResultsTableRow>)
                change -> model.select(resultsTable.getSelectionModel().getSelectedItems()));
        MenuItem tryRows = new MenuItem("Try on selected rows (draft run)");
        tryRows.setId("tryRowsItem");
        tryRows.disableProperty().bind(model.selectedCountProperty().isEqualTo(0));
        tryRows.setOnAction(e -> onTry.run());
        resultsTable.setContextMenu(new ContextMenu(tryRows));
        ReviewKeys.install(resultsTable, model, filterField);
        reviewHelp
                .textProperty()
                .bind(Bindings.createStringBinding(() -> ReviewKeys.helpText(model), model.schemeProperty()));
        runCaption.textProperty().bind(model.heading().runProperty());
        reviewProgress.textProperty().bind(model.heading().progressProperty());
        wrapToggle
                .selectedProperty()
                .bindBidirectional(model.heading().columns().wrapProperty());
        // A pair's rows are not right or wrong: its legend keeps the colours that mean something for it.
        for (Node key : List.of(legendPass, legendFail, legendExample)) {
            key.visibleProperty()
                    .bind(Bindings.createBooleanBinding(() -> !model.scheme().pairs(), model.schemeProperty()));
            key.managedProperty().bind(key.visibleProperty());
        }
        resultsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        resultsTable.setPlaceholder(new Label("Open a dataset to see its rows here."));
        // A scoring run shows other columns than a verdict run; both follow the dataset's key columns, and a
        // scoring run its reference column. Rebuilt only when one of those changed, so widths and sorting stay.
        model.keyColumnsProperty().addListener((obs, old, keys) -> buildColumns());
        model.schemeProperty().addListener((obs, old, now) -> buildColumns());
        model.resultsVersionProperty().addListener((obs, old, now) -> buildColumns());
        buildColumns();
    }

    private void buildColumns() {
        // A verdict run's columns depend on the key columns alone, as they always have.
        var mapping = model.scheme().scores() ? model.mapping() : null;
        List<Object> layout = java.util.Arrays.asList(
                model.keyColumnsProperty().get(),
                model.scheme(),
                mapping == null ? null : mapping.judgeColumns().reference(),
                mapping != null && mapping.hasTruth());
        if (layout.equals(builtLayout)) {
            return;
        }
        builtLayout = layout;
        ShownColumns columns = model.heading().columns();
        ResultColumns.build(
                resultsTable,
                model.keyColumnsProperty().get(),
                model::dataset,
                model.scheme(),
                model.mapping(),
                columns.wrapProperty());
        ColumnChooser.follow(columnsButton, resultsTable, columns);
    }

    public Parent root() {
        return root;
    }

    /** Puts the row detail and the label pane to the right of the table, one tab each. */
    public void showBeside(Parent detail, Parent labels) {
        detailSlot.getChildren().setAll(detail);
        labelsSlot.getChildren().setAll(labels);
        // Widening the window widens the table; the side pane keeps its width.
        javafx.scene.control.SplitPane.setResizableWithParent(
                resultsSplit.getItems().get(1), false);
    }

    /** One toggle per preset; the model's preset decides which is on (none when rows came from a chart). */
    private void buildPresets() {
        ToggleGroup group = new ToggleGroup();
        for (RowFilter.Preset preset : RowFilter.Preset.values()) {
            ToggleButton button = new ToggleButton(preset.title());
            button.setId("preset" + toCamel(preset.name()));
            button.setMinWidth(Region.USE_PREF_SIZE); // a narrow window wraps the bar, never shortens a title
            button.setToggleGroup(group);
            button.setUserData(preset);
            button.setOnAction(e -> model.showPreset(preset));
            // A preset keeps its title; the filter field and the chip give way when the bar is full.
            button.setMinWidth(Region.USE_PREF_SIZE);
            // A pair has no false accepts and a single answer no inconsistent orders: each sees its own presets.
            button.visibleProperty()
                    .bind(Bindings.createBooleanBinding(
                            () -> preset.appliesTo(model.scheme()), model.schemeProperty()));
            button.managedProperty().bind(button.visibleProperty());
            presetBar.getChildren().add(button);
        }
        Runnable follow = () -> group.getToggles()
                .forEach(t ->
                        t.setSelected(t.getUserData() == model.presetProperty().get()));
        model.presetProperty().addListener((obs, old, now) -> follow.run());
        // A click on the selected toggle would unselect it; the model's state wins.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && model.presetProperty().get() != null) {
                follow.run();
            }
        });
        follow.run();
    }

    private static String toCamel(String constant) {
        StringBuilder camel = new StringBuilder();
        for (String part : constant.split("_")) {
            camel.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return camel.toString();
    }

    /** The row the user has selected, or null. */
    public ObservableValue<ResultsTableRow> selectedItemProperty() {
        return resultsTable.getSelectionModel().selectedItemProperty();
    }

    /** The row the user has selected, or -1. */
    public ObservableValue<Number> selectedRowProperty() {
        return resultsTable.getSelectionModel().selectedIndexProperty();
    }
}
