package io.arbiter.ui.importer;

import io.arbiter.core.dataset.FileFormat;
import io.arbiter.core.dataset.LineEnding;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.ui.common.ViewLoader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;

/**
 * The import dialog: settings across the top, the preview on the left, the column mapping and the grading on the
 * right. Over 300 lines only because each of its twenty-odd controls is a field bound here to its property.
 */
public final class ImportView {

    @FXML
    private Parent root;

    @FXML
    private TextField fileField;

    @FXML
    private Button chooseButton;

    @FXML
    private ComboBox<FileFormat> formatBox;

    @FXML
    private ComboBox<String> encodingBox;

    @FXML
    private ComboBox<Delimiter> delimiterBox;

    @FXML
    private ComboBox<Character> quoteBox;

    @FXML
    private ComboBox<LineEnding> lineEndingBox;

    @FXML
    private CheckBox headerCheck;

    @FXML
    private Label detectedLabel;

    @FXML
    private TableView<List<String>> previewTable;

    @FXML
    private TextArea problemsArea;

    @FXML
    private CheckListView<String> inputList;

    @FXML
    private ComboBox<String> truthBox;

    @FXML
    private TextField separatorField;

    @FXML
    private ComboBox<String> answerBox;

    @FXML
    private ComboBox<TaskKind> taskBox;

    @FXML
    private ComboBox<String> referenceBox;

    @FXML
    private ComboBox<String> humanScoreBox;

    @FXML
    private ComboBox<String> humanVerdictBox;

    @FXML
    private ComboBox<GradingChoice.Kind> gradingBox;

    @FXML
    private HBox scaleRow;

    @FXML
    private TextField scaleField;

    @FXML
    private Spinner<Integer> passAtSpinner;

    @FXML
    private javafx.scene.layout.VBox pairSlot;

    @FXML
    private Label gradingProblem;

    @FXML
    private Label errorLabel;

    @FXML
    private ProgressBar progressBar;

    @FXML
    private Label progressLabel;

    @FXML
    private HBox sheetGroup;

    @FXML
    private ComboBox<String> sheetBox;

    @FXML
    private HBox textGroup;

    @FXML
    private Button importButton;

    @FXML
    private Button stopButton;

    @FXML
    private Button closeButton;

    private final ImportViewModel model;
    private final Stage stage = new Stage();
    private boolean syncingChecks;

    public ImportView(ImportViewModel model, Window owner, String stylesheet) {
        this.model = model;
        ViewLoader.load("/fxml/importer/ImportView.fxml", this);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Import dataset");
        Scene scene = new Scene(root);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        stage.setScene(scene);

        formatBox.getItems().setAll(FileFormat.values());
        formatBox.setConverter(converter(f -> f == FileFormat.DELIMITED ? "CSV / TSV" : f.describe()));
        formatBox.valueProperty().bindBidirectional(model.formatProperty());
        encodingBox
                .getItems()
                .setAll(
                        StandardCharsets.UTF_8.name(),
                        StandardCharsets.UTF_16.name(),
                        "windows-1252",
                        StandardCharsets.ISO_8859_1.name());
        encodingBox.valueProperty().bindBidirectional(model.encodingProperty());
        delimiterBox.getItems().setAll(Delimiter.values());
        delimiterBox.valueProperty().bindBidirectional(model.delimiterProperty());
        quoteBox.getItems().setAll('"', '\'');
        quoteBox.setConverter(converter(q -> q == '"' ? "double quote \"" : "single quote '"));
        quoteBox.valueProperty().bindBidirectional(model.quoteProperty());
        lineEndingBox.getItems().setAll(LineEnding.values());
        lineEndingBox.valueProperty().bindBidirectional(model.lineEndingProperty());
        headerCheck.selectedProperty().bindBidirectional(model.headerProperty());
        // A workbook has sheets, not an encoding or delimiter: the chooser shows when there is a choice to make.
        sheetBox.setItems(model.sheets());
        sheetBox.valueProperty().bindBidirectional(model.sheetProperty());
        sheetGroup.visibleProperty().bind(Bindings.size(model.sheets()).greaterThan(1));
        sheetGroup.managedProperty().bind(sheetGroup.visibleProperty());
        textGroup.visibleProperty().bind(model.formatProperty().isNotEqualTo(FileFormat.XLSX));
        textGroup.managedProperty().bind(textGroup.visibleProperty());
        for (var control : List.of(
                formatBox,
                sheetBox,
                encodingBox,
                delimiterBox,
                quoteBox,
                lineEndingBox,
                headerCheck,
                chooseButton,
                inputList,
                truthBox,
                separatorField,
                answerBox,
                taskBox,
                referenceBox,
                humanScoreBox,
                humanVerdictBox,
                gradingBox,
                scaleRow)) {
            control.disableProperty().bind(model.readingProperty());
        }

        fileField
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> model.fileProperty().get() == null
                                ? ""
                                : model.fileProperty().get().toString(),
                        model.fileProperty()));
        fileField.setPromptText("Choose a file, or drop one on the main window");
        detectedLabel.textProperty().bind(model.detectedProperty());
        problemsArea.textProperty().bind(model.problemsProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        model.previewColumns().addListener((ListChangeListener<String>) c -> buildPreviewColumns());
        previewTable.setItems(model.previewRows());
        previewTable.setPlaceholder(new Label("Nothing to preview."));

        inputList.setItems(model.columns());
        model.columns().addListener((ListChangeListener<String>) c -> syncChecksFromModel());
        model.inputColumns().addListener((ListChangeListener<String>) c -> syncChecksFromModel());
        inputList.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncingChecks) {
                model.inputColumns().setAll(inputList.getCheckModel().getCheckedItems());
            }
        });
        truthBox.setItems(model.optionalColumns());
        truthBox.valueProperty().bindBidirectional(model.truthColumnProperty());
        separatorField.textProperty().bindBidirectional(model.truthSeparatorProperty());
        answerBox.setItems(model.optionalColumns());
        answerBox.valueProperty().bindBidirectional(model.answerColumnProperty());
        bindJudging();

        progressBar.progressProperty().bind(model.progressProperty());
        progressBar.visibleProperty().bind(model.readingProperty());
        progressLabel.textProperty().bind(model.progressTextProperty());
        importButton.disableProperty().bind(model.canImportProperty().not().or(model.readingProperty()));
        stopButton.disableProperty().bind(model.readingProperty().not());
        importButton.setOnAction(e -> model.importFile());
        stopButton.setOnAction(e -> model.cancelImport());
        closeButton.setOnAction(e -> close());
        chooseButton.setOnAction(e -> choose());
        stage.setOnCloseRequest(e -> model.cancelImport());
        model.raggedQuestionProperty().addListener((obs, old, question) -> {
            if (question != null) {
                askAboutRaggedRows(question);
            }
        });
        model.doneProperty().addListener((obs, old, done) -> {
            if (done) {
                stage.close();
            }
        });
    }

    /** The task kind, the reference and human columns, and how the judge grades. */
    private void bindJudging() {
        taskBox.getItems().setAll(TaskKind.values());
        taskBox.setConverter(converter(kind -> switch (kind) {
            case CLASSIFY -> "Classify: the answer names a label";
            case GENERATE -> "Generate: free text, graded whole";
        }));
        taskBox.valueProperty().bindBidirectional(model.taskProperty());
        for (var box : List.of(referenceBox, humanScoreBox, humanVerdictBox)) {
            box.setItems(model.optionalColumns());
        }
        referenceBox.valueProperty().bindBidirectional(model.referenceColumnProperty());
        humanScoreBox.valueProperty().bindBidirectional(model.humanScoreColumnProperty());
        humanVerdictBox.valueProperty().bindBidirectional(model.humanVerdictColumnProperty());
        GradingChoice grading = model.grading();
        gradingBox.getItems().setAll(GradingChoice.Kind.values());
        gradingBox.setConverter(converter(GradingChoice.Kind::title));
        gradingBox.valueProperty().bindBidirectional(grading.kindProperty());
        scaleRow.visibleProperty().bind(grading.kindProperty().isEqualTo(GradingChoice.Kind.SCORE));
        scaleRow.managedProperty().bind(scaleRow.visibleProperty());
        scaleField.textProperty().bindBidirectional(grading.scaleProperty());
        // 0-10 covers every scale ScoreScale accepts; an off-scale pass mark is reported, not clamped away.
        var passAt = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                0, 10, grading.passAtProperty().get());
        passAtSpinner.setValueFactory(passAt);
        passAt.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                grading.passAtProperty().set(now);
            }
        });
        grading.passAtProperty().addListener((obs, old, now) -> passAt.setValue(now.intValue()));
        gradingProblem.textProperty().bind(grading.problemProperty());
        pairSlot.getChildren().setAll(new PairChoiceView(model, model.readingProperty()).root());
    }

    /** Shows the dialog; with a file, starts on it (dropped files), otherwise asks for one. */
    public void show(Path file) {
        stage.show();
        if (file != null) {
            model.open(file);
        } else {
            choose();
        }
    }

    private void close() {
        model.cancelImport();
        stage.close();
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import dataset");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Datasets (*.csv, *.tsv, *.txt, *.jsonl, *.json, *.xlsx)",
                                "*.csv",
                                "*.tsv",
                                "*.txt",
                                "*.jsonl",
                                "*.ndjson",
                                "*.json",
                                "*.xlsx",
                                "*.xlsm"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            model.open(chosen.toPath());
        }
    }

    private void askAboutRaggedRows(String question) {
        ButtonType skip = new ButtonType("Skip them", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel import", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, skip, cancel);
        alert.initOwner(stage);
        alert.setTitle("Rows with the wrong number of cells");
        alert.setHeaderText("Some rows do not fit the header");
        alert.getDialogPane().setId("raggedRowsDialog");
        if (alert.showAndWait().orElse(cancel) == skip) {
            model.skipRaggedRows();
        } else {
            model.refuseRaggedRows();
        }
    }

    private void syncChecksFromModel() {
        syncingChecks = true;
        try {
            inputList.getCheckModel().clearChecks();
            for (String column : model.inputColumns()) {
                inputList.getCheckModel().check(column);
            }
        } finally {
            syncingChecks = false;
        }
    }

    private void buildPreviewColumns() {
        previewTable.getColumns().clear();
        List<String> names = List.copyOf(model.previewColumns());
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(names.get(i));
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                    index < c.getValue().size() ? c.getValue().get(index) : ""));
            column.setPrefWidth(Math.max(90, Math.min(320, 12 * names.get(i).length() + 40)));
            column.setSortable(false);
            previewTable.getColumns().add(column);
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
