package io.arbiter.ui.workbench;

import io.arbiter.core.llm.ProviderSettingsStore;
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
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;

/**
 * The main window: the setup bars ({@link SetupBarsView}) on top, prompts above, run progress and results below; the
 * project items of the File menu are wired by {@link ProjectMenu}; the View menu, the fold switches and the tabs by
 * {@link WorkbenchSections}. Over 300 lines because the FXML injects its 33 controls here, three lines each; the code
 * that binds them is short.
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
    private ToggleButton setupToggle;

    @FXML
    private ToggleButton promptsToggle;

    @FXML
    private MenuItem providersItem;

    @FXML
    private MenuItem aboutItem;

    @FXML
    private StackPane setupSlot;

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
        SetupBarsView setup = new SetupBarsView(
                model.datasetSetup(),
                model.providerChoice(),
                model.run().runningProperty(),
                this::openProviderSettings);
        setupSlot.getChildren().add(setup.root());
        WorkbenchMenus.install(
                menuBar,
                root,
                resultsSlot.lookup("#filterField"),
                model::heldOutShare,
                model::useHeldOutShare,
                model.theme());
        dividers = new WorkbenchDividers(
                mainSplit,
                Map.of(
                        "prompts", (SplitPane) promptsSlot.lookup("#promptsSplit"),
                        "results", (SplitPane) resultsSlot.lookup("#resultsSplit")),
                setupSlot);
        WorkbenchSections.install(
                menuBar,
                dividers,
                List.of(setupToggle, promptsToggle),
                new WorkbenchSections.Places(
                        setup::firstField,
                        () -> firstOf(promptsSlot, ".prompt-editor"),
                        () -> runButton(runSlot),
                        () -> firstOf(resultsSlot, "#resultsTable")),
                lowerTabs,
                Map.of(
                        WorkbenchViewModel.LowerPane.RESULTS, resultsTab,
                        WorkbenchViewModel.LowerPane.ANALYSIS, analysisTab,
                        WorkbenchViewModel.LowerPane.RUNS, runsTab,
                        WorkbenchViewModel.LowerPane.COMPARE, compareTab),
                model.lowerPaneProperty());

        results.selectedItemProperty().addListener((obs, old, row) -> model.selectRow(row));
        statusLabel.textProperty().bind(model.statusProperty());
        var running = model.run().runningProperty();
        providersItem.setOnAction(e -> openProviderSettings());
        aboutItem.setOnAction(e -> new AboutView(new AboutViewModel(), owner.window(), owner.stylesheet()).show());

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

    /** The first node {@code selector} finds in {@code slot}, else the slot itself. */
    private static Node firstOf(StackPane slot, String selector) {
        Node found = slot.lookup(selector);
        return found != null ? found : slot;
    }

    /** Run, or Cancel while a run goes (Run is disabled then and cannot take the focus). */
    private static Node runButton(StackPane slot) {
        Node run = firstOf(slot, "#runButton");
        return run.isDisabled() ? firstOf(slot, "#cancelButton") : run;
    }

    private void chooseExportFile() {
        exports.choose(
                        owner.window(),
                        ExportNames.results(
                                model.projects().projectFile(),
                                model.datasetProperty().get()))
                .ifPresent(target -> model.exportResults(target.file(), target.bom()));
    }
}
