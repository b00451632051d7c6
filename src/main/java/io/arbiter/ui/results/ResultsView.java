package io.arbiter.ui.results;

import io.arbiter.core.scheme.ReviewMark;
import io.arbiter.ui.common.ViewLoader;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The headline figures above a table with one line per dataset row, styled by outcome. Over 300 lines because the
 * review keys, the side pane (row detail, labels) and the choice of columns for the grading scheme are wired here
 * beside the table they act on; the columns are built by {@link ResultColumns} and a row's styling by
 * {@link OutcomeRow}.
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
        resultsTable.setRowFactory(table -> new OutcomeRow());
        // Several rows can be tried at once ("Try on selection"); the detail follows the last one clicked.
        resultsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        resultsTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ResultsTableRow>)
                change -> model.select(resultsTable.getSelectionModel().getSelectedItems()));
        MenuItem tryRows = new MenuItem("Try on selected rows (draft run)");
        tryRows.setId("tryRowsItem");
        tryRows.disableProperty().bind(model.selectedCountProperty().isEqualTo(0));
        tryRows.setOnAction(e -> onTry.run());
        resultsTable.setContextMenu(new ContextMenu(tryRows));
        resultsTable.addEventFilter(KeyEvent.KEY_PRESSED, this::handleReviewKeys);
        reviewHelp.textProperty().bind(Bindings.createStringBinding(this::reviewHelpText, model.schemeProperty()));
        resultsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        resultsTable.setPlaceholder(new Label("Open a dataset to see its rows here."));
        // A scoring run shows other columns than a verdict run; both follow the dataset's key columns, and a
        // scoring run its reference column. Rebuilt only when one of those changed, so widths and sorting stay.
        model.keyColumnsProperty().addListener((obs, old, keys) -> buildColumns());
        model.schemeProperty().addListener((obs, old, now) -> buildColumns());
        model.resultsVersionProperty().addListener((obs, old, now) -> buildColumns());
        buildColumns();
        model.rowToSelectProperty().addListener((obs, old, row) -> selectDatasetRow(row.intValue()));
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
        ResultColumns.build(
                resultsTable, model.keyColumnsProperty().get(), model::dataset, model.scheme(), model.mapping());
    }

    /** The review keys of the scheme the rows are graded by: 1 right, 2 wrong, or a digit per score. */
    private String reviewHelpText() {
        return "Review with the table focused:  J / K next / previous ·  "
                + model.scheme().reviewMarks().stream()
                        .map(mark -> mark.key() + " " + mark.label())
                        .collect(java.util.stream.Collectors.joining(" ·  "))
                + " ·  N note ·  U undo"
                + (model.scheme().takesExamples()
                        ? " ·  P promote a reviewed row as a worked example ({{examples}})"
                        : "");
    }

    /** Selects and scrolls to the shown row with this dataset index, focusing the table for review keys. */
    private void selectDatasetRow(int datasetRow) {
        int shownAt = datasetRow < 0 ? -1 : indexOfRow(datasetRow);
        if (shownAt >= 0) {
            select(shownAt);
            resultsTable.requestFocus();
        }
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

    /**
     * The review keys, while the table has the focus: J/K next/previous, the scheme's marks (1 right, 2 wrong for
     * verdicts; each then moves on), N note, U undo.
     */
    private void handleReviewKeys(KeyEvent event) {
        if (event.isShortcutDown() || event.isAltDown() || event.isControlDown() || event.isMetaDown()) {
            return;
        }
        ResultsTableRow selected = resultsTable.getSelectionModel().getSelectedItem();
        java.util.Optional<ReviewMark> mark = markOf(event);
        if (mark.isPresent()) {
            model.label(selected, mark.get());
            move(1);
            event.consume();
            return;
        }
        switch (event.getCode()) {
            case J -> move(1);
            case K -> move(-1);
            case N -> askForNote(selected);
            case P -> model.togglePromoted(selected);
            case U -> {
                int undone = model.undoReview();
                int shownAt = undone < 0 ? -1 : indexOfRow(undone);
                if (shownAt >= 0) {
                    select(shownAt);
                }
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    /**
     * The scheme's mark on the pressed key: a digit (the number row and the keypad give the same one), or a pairwise
     * run's letter A, B or T.
     */
    private java.util.Optional<ReviewMark> markOf(KeyEvent event) {
        if (!event.getCode().isDigitKey() && !event.getCode().isLetterKey()) {
            return java.util.Optional.empty();
        }
        String digit = event.getCode().getName().replace("Numpad ", "");
        return model.scheme().reviewMarks().stream()
                .filter(mark -> mark.key().equals(digit))
                .findFirst();
    }

    private void move(int step) {
        int size = resultsTable.getItems().size();
        if (size == 0) {
            return;
        }
        int current = resultsTable.getSelectionModel().getSelectedIndex();
        select(current < 0 ? 0 : Math.max(0, Math.min(size - 1, current + step)));
    }

    private void select(int index) {
        resultsTable.getSelectionModel().clearAndSelect(index);
        resultsTable.getFocusModel().focus(index);
        // The flow scrolls only as far as needed; TableView.scrollTo would put the row at the top every time.
        if (resultsTable.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            resultsTable.scrollTo(index);
        }
    }

    private int indexOfRow(int datasetRow) {
        List<ResultsTableRow> shown = resultsTable.getItems();
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).index() == datasetRow) {
                return i;
            }
        }
        return -1;
    }

    private void askForNote(ResultsTableRow row) {
        if (row == null || row.human() == null) {
            model.note(row, ""); // says what to do first
            return;
        }
        TextInputDialog dialog = new TextInputDialog(row.humanNote());
        dialog.setTitle("Note on row " + (row.index() + 1));
        dialog.setHeaderText("A note on the base answer of row " + (row.index() + 1) + " (empty: no note)");
        dialog.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        dialog.showAndWait().ifPresent(text -> model.note(row, text));
        resultsTable.requestFocus();
    }
}
