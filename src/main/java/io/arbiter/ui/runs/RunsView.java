package io.arbiter.ui.runs;

import io.arbiter.ui.common.ViewLoader;
import io.arbiter.ui.runs.RunsViewModel.RunLine;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;

/** The project's runs as a table; rename, note and delete the selected one, or show its rows in the results. */
public final class RunsView {

    @FXML private Parent root;
    @FXML private TableView<RunLine> runsTable;
    @FXML private Button showRunButton;
    @FXML private Button renameRunButton;
    @FXML private Button annotateRunButton;
    @FXML private Button deleteRunButton;
    @FXML private Label runsMessageLabel;

    private final RunsViewModel model;

    public RunsView(RunsViewModel model) {
        this.model = model;
        ViewLoader.load("/fxml/runs/RunsView.fxml", this);
        runsTable.setItems(model.runs());
        runsTable.setPlaceholder(new Label("No runs to show."));
        column("Time", RunLine::time, 140);
        column("Name", RunLine::name, 110);
        column("Models", RunLine::models, 180);
        column("Prompts", RunLine::prompts, 260).setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                RunLine line = empty ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(line == null ? null : new Tooltip(line.promptsDetail()));
            }
        });
        column("Rows", RunLine::rows, 60);
        column("Base vs truth", RunLine::baseVsTruth, 90);
        column("Judge vs truth", RunLine::judgeVsTruth, 90);
        column("Base vs judge", RunLine::baseVsJudge, 90);
        column("Kappa", RunLine::kappa, 60);
        column("Tokens", RunLine::tokens, 80);
        column("Cost", RunLine::cost, 70);
        column("Status", RunLine::status, 90);
        column("Note", RunLine::note, 200);
        runsMessageLabel.textProperty().bind(model.messageProperty());
        var none = runsTable.getSelectionModel().selectedItemProperty().isNull();
        for (Button button : new Button[] {showRunButton, renameRunButton, annotateRunButton, deleteRunButton}) {
            button.disableProperty().bind(none);
        }
        showRunButton.setOnAction(e -> withSelected(line -> model.show(line.id())));
        runsTable.setRowFactory(table -> {
            var row = new javafx.scene.control.TableRow<RunLine>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.show(row.getItem().id());
                }
            });
            return row;
        });
        renameRunButton.setOnAction(e -> withSelected(line ->
                ask("Rename run", "Name for " + line.name() + ":", line.name())
                        .ifPresent(name -> model.rename(line.id(), name))));
        annotateRunButton.setOnAction(e -> withSelected(line ->
                ask("Note on run", "Note for " + line.name() + ":", line.note())
                        .ifPresent(note -> model.annotate(line.id(), note))));
        deleteRunButton.setOnAction(e -> withSelected(line -> {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                    "Delete " + line.name() + " and its responses from the project? This cannot be undone.",
                    ButtonType.OK, ButtonType.CANCEL);
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

    private TableColumn<RunLine, String> column(String title, Function<RunLine, String> value, double width) {
        TableColumn<RunLine, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        runsTable.getColumns().add(column);
        return column;
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
