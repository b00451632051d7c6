package io.arbiter.ui.runs;

import io.arbiter.ui.analysis.ChartExport;
import io.arbiter.ui.common.PrimaryClick;
import io.arbiter.ui.common.TextColumns;
import io.arbiter.ui.common.ViewLoader;
import io.arbiter.ui.runs.RunsViewModel.RunLine;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.geometry.Side;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * The project's runs as a table; rename, note and delete the selected one, or show its rows in the results. (Past
 * 300 lines: the table's columns and the trend chart with its intervals and menu are built here side by side.)
 */
public final class RunsView {

    @FXML
    private CheckBox trendDraftsBox;

    @FXML
    private Parent root;

    @FXML
    private TableView<RunLine> runsTable;

    @FXML
    private Button showRunButton;

    @FXML
    private Button compareRunsButton;

    @FXML
    private Button renameRunButton;

    @FXML
    private Button annotateRunButton;

    @FXML
    private Button deleteRunButton;

    @FXML
    private Label runsMessageLabel;

    @FXML
    private ToggleButton runsTrendToggle;

    @FXML
    private SplitPane runsSplit;

    @FXML
    private StackPane runsTrendPane;

    @FXML
    private Label runsTrendHint;

    /** Runs by their place in time (1, 2, …), labelled with their names: a category axis loses its labels on refresh. */
    private final NumberAxis trendRuns = new NumberAxis(0.5, 1.5, 1);

    private final NumberAxis trendValues = new NumberAxis(0, 1, 0.2);
    private final LineChart<Number, Number> trendChart = new IntervalLineChart(trendRuns, trendValues);
    private List<String> trendNames = List.of();

    private final RunsViewModel model;

    public RunsView(RunsViewModel model) {
        this.model = model;
        ViewLoader.load("/fxml/runs/RunsView.fxml", this);
        runsTable.setItems(model.runs());
        runsTable.setPlaceholder(new Label("No runs to show."));
        // Minimum widths keep the figures and the time readable when the trend chart takes its quarter of the width;
        // the
        // wordy columns (models, prompts, note) give way first and show the rest in tooltips or on widening.
        column("Time", RunLine::time, 150).setMinWidth(145);
        column("Name", RunLine::name, 110).setMinWidth(60);
        withTooltip(column("Models", RunLine::models, 150), RunLine::models);
        withTooltip(column("Prompts", RunLine::prompts, 300), RunLine::promptsDetail);
        column("Rows", RunLine::rows, 60).setMinWidth(45);
        column("Base vs\ntruth", RunLine::baseVsTruth, 70).setMinWidth(66);
        column("Judge vs\ntruth", RunLine::judgeVsTruth, 74).setMinWidth(74);
        column("Base vs\njudge", RunLine::baseVsJudge, 70).setMinWidth(66);
        column("Kappa", RunLine::kappa, 60).setMinWidth(56);
        column("Tokens", RunLine::tokens, 185).setMinWidth(180);
        column("Cost", RunLine::cost, 70).setMinWidth(62);
        column("Status", RunLine::status, 90).setMinWidth(95);
        column("Note", RunLine::note, 100);
        runsMessageLabel.textProperty().bind(model.messageProperty());
        buildTrend();
        // These act on one run: with two chosen for Compare they wait.
        var none = javafx.beans.binding.Bindings.size(
                        runsTable.getSelectionModel().getSelectedItems())
                .isNotEqualTo(1);
        for (Button button : new Button[] {showRunButton, renameRunButton, annotateRunButton, deleteRunButton}) {
            button.disableProperty().bind(none);
        }
        showRunButton.setOnAction(e -> withSelected(line -> model.show(line.id())));
        // One run: compared with the one before it; two (Ctrl-click): with each other.
        runsTable.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        compareRunsButton
                .disableProperty()
                .bind(javafx.beans.binding.Bindings.size(
                                runsTable.getSelectionModel().getSelectedItems())
                        .isNotEqualTo(1)
                        .and(javafx.beans.binding.Bindings.size(
                                        runsTable.getSelectionModel().getSelectedItems())
                                .isNotEqualTo(2)));
        compareRunsButton.setOnAction(e -> model.compare(runsTable.getSelectionModel().getSelectedItems().stream()
                .map(RunLine::id)
                .toList()));
        runsTable.setRowFactory(table -> {
            var row = new javafx.scene.control.TableRow<RunLine>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.show(row.getItem().id());
                }
            });
            return row;
        });
        renameRunButton.setOnAction(
                e -> withSelected(line -> ask("Rename run", "Name for " + line.name() + ":", line.name())
                        .ifPresent(name -> model.rename(line.id(), name))));
        annotateRunButton.setOnAction(
                e -> withSelected(line -> ask("Note on run", "Note for " + line.name() + ":", line.note())
                        .ifPresent(note -> model.annotate(line.id(), note))));
        deleteRunButton.setOnAction(e -> withSelected(line -> {
            Alert confirm = new Alert(
                    Alert.AlertType.CONFIRMATION,
                    "Delete " + line.name() + " and its responses from the project? This cannot be undone.",
                    ButtonType.OK,
                    ButtonType.CANCEL);
            confirm.setHeaderText("Delete run");
            confirm.initOwner(window());
            if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
                model.delete(line.id());
            }
        }));
    }

    public Parent root() {
        return root;
    }

    // The trend chart: judge-vs-truth accuracy and kappa per completed run; a point's tooltip names the run and
    // clicking it selects that run in the table.

    private void buildTrend() {
        trendChart.setId("runsTrendChart");
        trendChart.setAnimated(false);
        trendChart.setLegendSide(Side.BOTTOM);
        trendChart.setMinWidth(0);
        trendRuns.setAutoRanging(false);
        trendRuns.setMinorTickVisible(false);
        trendRuns.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double place = value.doubleValue();
                int index = (int) Math.round(place) - 1;
                return Math.abs(place - Math.rint(place)) < 1e-9 && index >= 0 && index < trendNames.size()
                        ? trendNames.get(index)
                        : "";
            }

            @Override
            public Number fromString(String text) {
                return trendNames.indexOf(text) + 1;
            }
        });
        trendValues.setAutoRanging(false);
        trendValues.setMinorTickVisible(false);
        trendValues.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return String.format(Locale.ROOT, "%.1f", value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        runsTrendPane.getChildren().add(0, trendChart);
        ChartExport.offer(trendChart, "runs-trend", model::savePng);
        model.trendProperty().addListener((obs, old, now) -> showTrend(now));
        trendDraftsBox.selectedProperty().bindBidirectional(model.showDraftsProperty());
        showTrend(model.trendProperty().get());
        runsTrendToggle.selectedProperty().addListener((obs, was, shown) -> {
            if (shown && !runsSplit.getItems().contains(runsTrendPane)) {
                runsSplit.getItems().add(runsTrendPane);
                runsSplit.setDividerPositions(0.74);
            } else if (!shown) {
                runsSplit.getItems().remove(runsTrendPane);
            }
        });
    }

    private void showTrend(RunsViewModel.Trend trend) {
        trendChart.getData().clear();
        trendNames = trend.runs();
        trendRuns.setUpperBound(Math.max(1, trendNames.size()) + 0.5);
        // y runs 0..1 for accuracy; kappa below 0 (worse than chance) widens it downwards in steps of 0.2.
        double lowest = trend.kappa().stream()
                .mapToDouble(p -> p.hasInterval() ? Math.min(p.low(), p.value()) : p.value())
                .min()
                .orElse(0);
        trendValues.setLowerBound(Math.min(0, Math.floor(lowest * 5) / 5));
        trendValues.setUpperBound(1);
        trendChart.getData().add(series("Judge vs truth", trend.accuracy(), "%.1f%%", 100));
        trendChart.getData().add(series("Kappa", trend.kappa(), "%.2f", 1));
        boolean empty = trend.runs().isEmpty();
        trendChart.setVisible(!empty);
        runsTrendHint.setVisible(empty);
    }

    private XYChart.Series<Number, Number> series(
            String name, List<RunsViewModel.TrendPoint> points, String format, double scale) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (RunsViewModel.TrendPoint point : points) {
            XYChart.Data<Number, Number> data = new XYChart.Data<>(trendNames.indexOf(point.run()) + 1, point.value());
            if (point.hasInterval()) {
                IntervalLineChart.interval(data, point.low(), point.high());
            }
            // The symbol node exists only once the chart draws the point, so decorate it when it appears.
            data.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    Tooltip.install(
                            node,
                            new Tooltip(point.run() + "\n" + name + ": "
                                    + String.format(Locale.ROOT, format, point.value() * scale)
                                    + (point.hasInterval()
                                            ? " [" + String.format(Locale.ROOT, format, point.low() * scale) + ", "
                                                    + String.format(Locale.ROOT, format, point.high() * scale) + "]"
                                            : "")));
                    node.setCursor(Cursor.HAND);
                    node.setOnMouseClicked(PrimaryClick.of(() -> select(point.runId())));
                }
            });
            series.getData().add(data);
        }
        return series;
    }

    private void select(long runId) {
        for (RunLine line : runsTable.getItems()) {
            if (line.id() == runId) {
                runsTable.getSelectionModel().select(line);
                runsTable.scrollTo(line);
                runsTable.requestFocus();
                return;
            }
        }
    }

    private TableColumn<RunLine, String> column(String title, Function<RunLine, String> value, double width) {
        return TextColumns.add(runsTable, title, value, width);
    }

    /** For the columns that give way first: the whole text on hover. */
    private static void withTooltip(TableColumn<RunLine, String> column, Function<RunLine, String> text) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                RunLine line = empty ? null : getTableRow().getItem();
                setText(empty ? null : value);
                setTooltip(line == null || text.apply(line).isEmpty() ? null : new Tooltip(text.apply(line)));
            }
        });
    }

    private void withSelected(java.util.function.Consumer<RunLine> action) {
        RunLine selected = runsTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            action.accept(selected);
        }
    }

    private java.util.Optional<String> ask(String title, String prompt, String current) {
        TextInputDialog dialog = new TextInputDialog(current);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(prompt);
        dialog.initOwner(window());
        return dialog.showAndWait();
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
