package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.core.run.RunMode;
import io.arbiter.ui.about.AboutView;
import io.arbiter.ui.about.AboutViewModel;
import io.arbiter.ui.analysis.AnalysisView;
import io.arbiter.ui.common.ViewLoader;
import io.arbiter.ui.compare.CompareView;
import io.arbiter.ui.detail.DetailView;
import io.arbiter.ui.importer.ImportView;
import io.arbiter.ui.labels.LabelsView;
import io.arbiter.ui.progress.ProgressView;
import io.arbiter.ui.prompts.PromptsView;
import io.arbiter.ui.results.ResultsView;
import io.arbiter.ui.runs.RunsView;
import io.arbiter.ui.settings.SettingsView;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;

/**
 * The main window: dataset and provider bar on top, prompts above, run progress and results below; the project items
 * of the File menu are wired by {@link ProjectMenu}. Over 300 lines because the FXML injects its 31 controls here,
 * three lines each; the code that binds them is short.
 */
public final class WorkbenchView {

    @FXML
    private Parent root;

    @FXML
    private MenuBar menuBar;

    @FXML
    private MenuItem newProjectItem;

    @FXML
    private MenuItem openProjectItem;

    @FXML
    private Menu recentProjectsMenu;

    @FXML
    private MenuItem saveProjectItem;

    @FXML
    private MenuItem saveProjectAsItem;

    @FXML
    private MenuItem openDatasetItem;

    @FXML
    private MenuItem openSampleItem;

    @FXML
    private MenuItem openSupportSampleItem;

    @FXML
    private MenuItem openPairwiseSampleItem;

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
    private MenuItem aboutItem;

    @FXML
    private TextField baseModelField;

    @FXML
    private TextField judgeModelField;

    @FXML
    private TextField alsoJudgedByField;

    @FXML
    private Spinner<Integer> repeatsSpinner;

    @FXML
    private CheckBox shuffleLabelsCheck;

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

    private final WorkbenchViewModel model;
    private final DialogOwner owner;
    private final WorkbenchDividers dividers;
    private final ResultsExportChooser exports = new ResultsExportChooser();

    public WorkbenchView(WorkbenchViewModel model) {
        this.model = model;
        ViewLoader.load("/fxml/workbench/WorkbenchView.fxml", this);
        this.owner = new DialogOwner(root);
        RunCommands runs = model.runCommands();
        PromptsView prompts = new PromptsView(model.prompts());
        ProgressView run = new ProgressView(
                model.run(),
                runs::startRun,
                runs::retryRun,
                runs::tryOnSelection,
                model.results().selectedCountProperty());
        ResultsView results = new ResultsView(model.results(), this::chooseExportFile, runs::tryOnSelection);
        promptsSlot.getChildren().add(prompts.root());
        runSlot.getChildren().add(run.root());
        resultsSlot.getChildren().add(results.root());
        results.showBeside(new DetailView(model.detail()).root(), new LabelsView(model.labels()).root());
        analysisSlot.getChildren().add(new AnalysisView(model.analysis()).root());
        runsSlot.getChildren().add(new RunsView(model.runs()).root());
        compareSlot.getChildren().add(new CompareView(model.compare()).root());
        followLowerPane();
        WorkbenchMenus.install(menuBar, root, resultsSlot.lookup("#filterField"), model.theme());
        // The analysis and the comparison need the height: the prompts fold up while either is open.
        dividers = new WorkbenchDividers(
                mainSplit,
                Map.of(
                        "prompts", (SplitPane) promptsSlot.lookup("#promptsSplit"),
                        "results", (SplitPane) resultsSlot.lookup("#resultsSplit")),
                lowerTabs,
                tab -> tab == analysisTab || tab == compareTab);

        results.selectedItemProperty().addListener((obs, old, row) -> model.selectRow(row));
        statusLabel.textProperty().bind(model.statusProperty());
        var running = model.run().runningProperty();
        bindDatasetBar(model.datasetSetup(), running);
        bindProviderBar(model.providerChoice(), running);

        ProjectMenu projects = new ProjectMenu(
                model,
                owner,
                running,
                newProjectItem,
                openProjectItem,
                recentProjectsMenu,
                saveProjectItem,
                saveProjectAsItem);
        openDatasetItem.setOnAction(e -> showImport(null));
        acceptDroppedFiles();
        openSampleItem.setOnAction(e -> model.datasetSetup().openSample());
        openSupportSampleItem.setOnAction(e -> model.datasetSetup().openSupportSample());
        openPairwiseSampleItem.setOnAction(e -> model.datasetSetup().openPairwiseSample());
        exportItem.setOnAction(e -> chooseExportFile());
        quitItem.setOnAction(e -> projects.settleUnsaved(Platform::exit));
        runItem.setOnAction(e -> runs.startRun());
        runItem.disableProperty().bind(running);
        tryItem.setOnAction(e -> runs.tryOnSelection());
        tryItem.disableProperty()
                .bind(running.or(model.results().selectedCountProperty().isEqualTo(0)));
        cancelItem.setOnAction(e -> runs.cancel());
        cancelItem.disableProperty().bind(running.not());
    }

    public Parent root() {
        return root;
    }

    /** Each split pane's divider positions by name, for the window to remember. */
    public Map<String, List<Double>> dividers() {
        return dividers.positions();
    }

    /** Puts the split panes' dividers where a remembered window had them. */
    public void useDividers(Map<String, List<Double>> positions) {
        dividers.use(positions);
    }

    /** The dataset's name and the columns it is read with; they stay while a run goes. */
    private void bindDatasetBar(DatasetSetup data, ObservableBooleanValue running) {
        datasetLabel.textProperty().bind(data.summaryProperty());
        inputColumnBox.setItems(data.columns());
        inputColumnBox.valueProperty().bindBidirectional(data.inputColumnProperty());
        truthColumnBox.setItems(data.truthChoices());
        truthColumnBox.valueProperty().bindBidirectional(data.truthColumnProperty());
        separatorField.textProperty().bindBidirectional(data.truthSeparatorProperty());
        for (Node control : new Node[] {inputColumnBox, truthColumnBox, separatorField}) {
            control.disableProperty().bind(running);
        }
    }

    /** The provider, its models, concurrency and mode; they stay while a run goes. */
    private void bindProviderBar(ProviderChoice choice, ObservableBooleanValue running) {
        keyHintLabel.textProperty().bind(choice.keyHintProperty());
        providerBox.setItems(choice.providers());
        providerBox.setConverter(new ProviderNames(choice.providers()));
        providersButton.setOnAction(e -> openProviderSettings());
        providersItem.setOnAction(e -> openProviderSettings());
        aboutItem.setOnAction(e -> new AboutView(new AboutViewModel(), owner.window(), owner.stylesheet()).show());
        providerBox.valueProperty().bindBidirectional(choice.providerProperty());
        baseModelField.textProperty().bindBidirectional(choice.baseModelProperty());
        judgeModelField.textProperty().bindBidirectional(choice.judgeModelProperty());
        concurrencySpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                1, ProviderProfile.MAX_CONCURRENCY, choice.concurrencyProperty().get()));
        concurrencySpinner.getValueFactory().valueProperty().bindBidirectional(choice.concurrencyProperty());
        modeBox.getItems().setAll(RunMode.values());
        modeBox.valueProperty().bindBidirectional(choice.modeProperty());
        modeBox.disableProperty()
                .bind(Bindings.or(running, choice.batchAvailableProperty().not()));
        modeBox.setTooltip(new Tooltip(
                "Batch API: half the price, answers within 24 h; only for providers that offer it (see Providers…)"));
        alsoJudgedByField.textProperty().bindBidirectional(choice.alsoJudgedByProperty());
        repeatsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 9, 1));
        repeatsSpinner.getValueFactory().valueProperty().bindBidirectional(choice.repeatsProperty());
        shuffleLabelsCheck.selectedProperty().bindBidirectional(choice.shuffleLabelsProperty());
        shuffleLabelsCheck
                .disableProperty()
                .bind(Bindings.or(running, choice.repeatsProperty().isEqualTo(1)));
        for (Node control : new Node[] {
            providerBox, baseModelField, judgeModelField, alsoJudgedByField, repeatsSpinner, concurrencySpinner
        }) {
            control.disableProperty().bind(running);
        }
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
        select.run();
    }

    /** The provider profiles dialog; "Use for runs" there selects the profile here. */
    private void openProviderSettings() {
        if (model.busy("changing the provider")) {
            return;
        }
        SettingsView.open(
                owner.window(),
                owner.stylesheet(),
                model.executor(),
                model.providerChoice()::useSettings,
                ProviderSettingsStore.forUser(),
                model.runCommands()::offlineUrl);
    }

    /** Opens the import dialog, on {@code file} when one was dropped, otherwise with a file chooser. */
    private void showImport(Path file) {
        if (model.busy("importing")) {
            return;
        }
        new ImportView(model.datasetSetup().newImport(), owner.window(), owner.stylesheet()).show(file);
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
        exports.choose(
                        owner.window(),
                        ExportNames.results(
                                model.projects().projectFile(),
                                model.datasetProperty().get()))
                .ifPresent(model::exportResults);
    }
}
