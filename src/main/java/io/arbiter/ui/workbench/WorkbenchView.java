package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.ui.analysis.AnalysisView;
import io.arbiter.ui.common.ViewLoader;
import io.arbiter.ui.compare.CompareView;
import io.arbiter.ui.detail.DetailView;
import io.arbiter.ui.importer.ImportView;
import io.arbiter.ui.labels.LabelsView;
import io.arbiter.ui.prompts.PromptsView;
import io.arbiter.ui.results.ResultsView;
import io.arbiter.ui.run.RunView;
import io.arbiter.ui.runs.RunsView;
import io.arbiter.ui.settings.SettingsView;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The main window: dataset and provider bar on top, prompts above, run progress and results below. */
public final class WorkbenchView {

    @FXML
    private Parent root;

    @FXML
    private MenuItem newProjectItem;

    @FXML
    private MenuItem openProjectItem;

    @FXML
    private javafx.scene.control.Menu recentProjectsMenu;

    @FXML
    private MenuItem saveProjectItem;

    @FXML
    private MenuItem saveProjectAsItem;

    @FXML
    private MenuItem openDatasetItem;

    @FXML
    private MenuItem openSampleItem;

    @FXML
    private MenuItem exportItem;

    @FXML
    private MenuItem quitItem;

    @FXML
    private MenuItem runItem;

    @FXML
    private MenuItem tryItem;

    @FXML
    private MenuItem cancelItem;

    @FXML
    private Label datasetLabel;

    @FXML
    private ComboBox<String> inputColumnBox;

    @FXML
    private ComboBox<String> truthColumnBox;

    @FXML
    private TextField separatorField;

    @FXML
    private ComboBox<ProviderSettings> providerBox;

    @FXML
    private Button providersButton;

    @FXML
    private MenuItem providersItem;

    @FXML
    private TextField baseModelField;

    @FXML
    private TextField judgeModelField;

    @FXML
    private Spinner<Integer> concurrencySpinner;

    @FXML
    private ComboBox<RunMode> modeBox;

    @FXML
    private Label keyHintLabel;

    @FXML
    private StackPane promptsSlot;

    @FXML
    private StackPane runSlot;

    @FXML
    private StackPane resultsSlot;

    @FXML
    private StackPane analysisSlot;

    @FXML
    private TabPane lowerTabs;

    @FXML
    private SplitPane mainSplit;

    @FXML
    private Tab resultsTab;

    @FXML
    private Tab analysisTab;

    @FXML
    private Tab runsTab;

    @FXML
    private StackPane runsSlot;

    @FXML
    private Tab compareTab;

    @FXML
    private StackPane compareSlot;

    @FXML
    private Label statusLabel;

    /** How much of the height the prompts keep while the analysis or compare tab is open. */
    private static final double FOLDED_PROMPTS_SHARE = 0.06;

    private final WorkbenchViewModel model;

    public WorkbenchView(WorkbenchViewModel model) {
        this.model = model;
        ViewLoader.load("/fxml/workbench/WorkbenchView.fxml", this);
        PromptsView prompts = new PromptsView(model.prompts());
        RunView run = new RunView(
                model.run(),
                model::startRun,
                model::retryRun,
                model::tryOnSelection,
                model.results().selectedCountProperty());
        ResultsView results = new ResultsView(model.results(), this::chooseExportFile, model::tryOnSelection);
        promptsSlot.getChildren().add(prompts.root());
        runSlot.getChildren().add(run.root());
        resultsSlot.getChildren().add(results.root());
        results.showBeside(new DetailView(model.detail()).root(), new LabelsView(model.labels()).root());
        analysisSlot.getChildren().add(new AnalysisView(model.analysis()).root());
        runsSlot.getChildren().add(new RunsView(model.runs()).root());
        compareSlot.getChildren().add(new CompareView(model.compare()).root());
        followLowerPane();

        results.selectedItemProperty().addListener((obs, old, row) -> model.selectRow(row));

        datasetLabel.textProperty().bind(model.datasetSummaryProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        keyHintLabel.textProperty().bind(model.keyHintProperty());
        inputColumnBox.setItems(model.columns());
        inputColumnBox.valueProperty().bindBidirectional(model.inputColumnProperty());
        truthColumnBox.setItems(model.truthChoices());
        truthColumnBox.valueProperty().bindBidirectional(model.truthColumnProperty());
        separatorField.textProperty().bindBidirectional(model.truthSeparatorProperty());
        providerBox.setItems(model.providers());
        providerBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ProviderSettings settings) {
                return settings == null ? "" : settings.name();
            }

            @Override
            public ProviderSettings fromString(String name) {
                return model.providers().stream()
                        .filter(p -> p.name().equals(name))
                        .findFirst()
                        .orElse(null);
            }
        });
        providersButton.setOnAction(e -> openProviderSettings());
        providersItem.setOnAction(e -> openProviderSettings());
        providerBox.valueProperty().bindBidirectional(model.providerProperty());
        baseModelField.textProperty().bindBidirectional(model.baseModelProperty());
        judgeModelField.textProperty().bindBidirectional(model.judgeModelProperty());
        concurrencySpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                1, ProviderProfile.MAX_CONCURRENCY, model.concurrencyProperty().get()));
        concurrencySpinner.getValueFactory().valueProperty().bindBidirectional(model.concurrencyProperty());
        var running = model.run().runningProperty();
        modeBox.getItems().setAll(RunMode.values());
        modeBox.valueProperty().bindBidirectional(model.modeProperty());
        modeBox.disableProperty().bind(running.or(model.batchAvailableProperty().not()));
        modeBox.setTooltip(new javafx.scene.control.Tooltip(
                "Batch API: half the price, answers within 24 h; only for providers that offer it (see Providers…)"));
        for (Node control : new Node[] {
            inputColumnBox,
            truthColumnBox,
            separatorField,
            providerBox,
            baseModelField,
            judgeModelField,
            concurrencySpinner
        }) {
            control.disableProperty().bind(running);
        }

        newProjectItem.setOnAction(
                e -> settleUnsaved(() -> chooseProjectFile("New project", true).ifPresent(model::newProject)));
        openProjectItem.setOnAction(e ->
                settleUnsaved(() -> chooseProjectFile("Open project", false).ifPresent(model::openProject)));
        saveProjectItem.setOnAction(e -> saveProject());
        saveProjectAsItem.setOnAction(
                e -> chooseProjectFile("Save project as", true).ifPresent(model::saveProjectAs));
        for (MenuItem item : new MenuItem[] {newProjectItem, openProjectItem, saveProjectItem, saveProjectAsItem}) {
            item.disableProperty().bind(running);
        }
        model.projectRefusalProperty().addListener((obs, old, refusal) -> {
            if (refusal != null) {
                showRefusal(refusal);
            }
        });
        recentProjectsMenu
                .disableProperty()
                .bind(running.or(javafx.beans.binding.Bindings.isEmpty(model.recentProjects())));
        model.recentProjects().addListener((javafx.collections.ListChangeListener<Path>) change -> fillRecentMenu());
        fillRecentMenu();
        openDatasetItem.setOnAction(e -> showImport(null));
        acceptDroppedFiles();
        openSampleItem.setOnAction(e -> model.openSample());
        exportItem.setOnAction(e -> chooseExportFile());
        quitItem.setOnAction(e -> settleUnsaved(Platform::exit));
        askBeforeTheWindowCloses();
        runItem.setOnAction(e -> model.startRun());
        runItem.disableProperty().bind(running);
        tryItem.setOnAction(e -> model.tryOnSelection());
        tryItem.disableProperty()
                .bind(running.or(model.results().selectedCountProperty().isEqualTo(0)));
        cancelItem.setOnAction(e -> model.cancelRun());
        cancelItem.disableProperty().bind(running.not());
    }

    public Parent root() {
        return root;
    }

    private void fillRecentMenu() {
        recentProjectsMenu
                .getItems()
                .setAll(model.recentProjects().stream()
                        .map(path -> {
                            MenuItem item = new MenuItem(path.getFileName() + "  —  "
                                    + path.toAbsolutePath().getParent());
                            item.setMnemonicParsing(false);
                            item.setOnAction(e -> settleUnsaved(() -> model.openProject(path)));
                            return item;
                        })
                        .toList());
    }

    /**
     * Says why a project did not open: another process holds it (who, where, since when), or it is damaged; then,
     * when it has a backup, offers to put the backup in its place and open that.
     */
    private void showRefusal(ProjectSession.Refusal refusal) {
        ButtonType restore = new ButtonType(
                "Restore " + (refusal.backup() == null ? "" : refusal.backup().getFileName()),
                ButtonBar.ButtonData.YES);
        Alert alert = refusal.backup() == null
                ? new Alert(Alert.AlertType.WARNING, refusal.message(), ButtonType.OK)
                : new Alert(Alert.AlertType.CONFIRMATION, refusal.message(), restore, ButtonType.CANCEL);
        alert.setTitle("Project not opened");
        alert.setHeaderText(refusal.file().getFileName() + " was not opened");
        alert.initOwner(window());
        alert.getDialogPane().setId("projectRefusedDialog");
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (stylesheet() != null) {
            alert.getDialogPane().getStylesheets().add(stylesheet());
        }
        alert.setOnHidden(e -> {
            if (alert.getResult() == restore) {
                model.restoreBackup(refusal);
            }
        });
        alert.show();
    }

    /** File ▸ Save: into the open project, or to a new file when there is none. */
    private void saveProject() {
        if (model.projectFile() == null) {
            chooseProjectFile("Save project as", true).ifPresent(model::saveProjectAs);
        } else {
            model.saveProject();
        }
    }

    /**
     * Runs {@code then} once the open project holds what the workbench shows: at once when nothing is unsaved, else
     * after asking "Save changes to X.arbiter?" (Save, then {@code then} once saved; Don't save; Cancel: neither).
     */
    private void settleUnsaved(Runnable then) {
        List<String> changes = model.unsavedChanges();
        if (changes.isEmpty()) {
            then.run();
            return;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Changed since the project was saved: " + String.join(", ", changes)
                        + ".\nRuns and reviews are already kept in it.",
                save,
                discard,
                cancel);
        ask.setTitle("Unsaved changes");
        ask.setHeaderText("Save changes to " + model.projectFile().getFileName() + "?");
        ask.initOwner(window());
        ask.getDialogPane().setId("unsavedChangesDialog");
        if (stylesheet() != null) {
            ask.getDialogPane().getStylesheets().add(stylesheet());
        }
        // Not showAndWait: a close request or menu action returns at once, and the answer acts when it comes.
        ask.setOnHidden(e -> {
            ButtonType answer = ask.getResult();
            if (answer == save) {
                model.saveProject().thenAccept(savedIt -> {
                    if (savedIt) {
                        then.run();
                    }
                });
            } else if (answer == discard) {
                then.run();
            }
        });
        ask.show();
    }

    /** Closing the window asks about unsaved changes like Quit does; Cancel keeps it open. */
    private void askBeforeTheWindowCloses() {
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, was, window) -> {
                    if (window != null) {
                        window.setOnCloseRequest(event -> {
                            if (!model.unsavedChanges().isEmpty()) {
                                event.consume();
                                settleUnsaved(Platform::exit);
                            }
                        });
                    }
                });
            }
        });
    }

    private java.util.Optional<Path> chooseProjectFile(String title, boolean save) {
        if (model.busy("changing the project")) {
            return java.util.Optional.empty();
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Arbiter projects", "*.arbiter"));
        File file;
        if (save) {
            chooser.setInitialFileName("project.arbiter");
            file = chooser.showSaveDialog(window());
        } else {
            file = chooser.showOpenDialog(window());
        }
        if (file == null) {
            return java.util.Optional.empty();
        }
        Path path = file.toPath();
        if (save && !path.getFileName().toString().contains(".")) {
            path = path.resolveSibling(path.getFileName() + ".arbiter");
        }
        return java.util.Optional.of(path);
    }

    /** Keeps the selected tab and the model's lower pane in step, both ways. */
    private void followLowerPane() {
        var pane = model.lowerPaneProperty();
        Runnable select = () -> lowerTabs
                .getSelectionModel()
                .select(
                        switch (pane.get()) {
                            case ANALYSIS -> analysisTab;
                            case RUNS -> runsTab;
                            case COMPARE -> compareTab;
                            case RESULTS -> resultsTab;
                        });
        pane.addListener((obs, old, now) -> select.run());
        lowerTabs
                .getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, tab) -> pane.set(
                        tab == analysisTab
                                ? WorkbenchViewModel.LowerPane.ANALYSIS
                                : tab == runsTab
                                        ? WorkbenchViewModel.LowerPane.RUNS
                                        : tab == compareTab
                                                ? WorkbenchViewModel.LowerPane.COMPARE
                                                : WorkbenchViewModel.LowerPane.RESULTS));
        // The analysis and the comparison need the height: the prompts fold up while either is open.
        double[] promptsShare = {mainSplit.getDividerPositions()[0]};
        lowerTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            boolean tall = tab == analysisTab || tab == compareTab;
            boolean wasTall = old == analysisTab || old == compareTab;
            if (tall && !wasTall) {
                promptsShare[0] = mainSplit.getDividerPositions()[0];
                mainSplit.setDividerPositions(FOLDED_PROMPTS_SHARE);
            } else if (wasTall && !tall) {
                mainSplit.setDividerPositions(promptsShare[0]);
            }
        });
        select.run();
    }

    /** The provider profiles dialog; "Use for runs" there selects the profile here. */
    private void openProviderSettings() {
        if (model.busy("changing the provider")) {
            return;
        }
        SettingsView.open(
                window(),
                stylesheet(),
                model.executor(),
                model::useProviderSettings,
                ProviderSettingsStore.forUser(),
                model::offlineUrl);
    }

    private String stylesheet() {
        return root.getScene() == null || root.getScene().getStylesheets().isEmpty()
                ? null
                : root.getScene().getStylesheets().get(0);
    }

    /** Opens the import dialog, on {@code file} when one was dropped, otherwise with a file chooser. */
    private void showImport(Path file) {
        if (model.busy("importing")) {
            return;
        }
        new ImportView(model.newImport(), window(), stylesheet()).show(file);
    }

    private void acceptDroppedFiles() {
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            List<File> files =
                    event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
            event.setDropCompleted(!files.isEmpty());
            event.consume();
            if (!files.isEmpty()) {
                // After the drop has finished, so the dialog does not open inside the drag gesture.
                Platform.runLater(() -> showImport(files.get(0).toPath()));
            }
        });
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export results as CSV");
        chooser.setInitialFileName("arbiter-results.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.exportResults(file.toPath());
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
