package io.arbiter.ui;

import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.common.TaskExecutor;
import io.arbiter.ui.theme.OsColorScheme;
import io.arbiter.ui.theme.ThemeChoice;
import io.arbiter.ui.theme.ThemeStore;
import io.arbiter.ui.window.WindowKeeper;
import io.arbiter.ui.window.WindowState;
import io.arbiter.ui.window.WindowStateStore;
import io.arbiter.ui.workbench.WorkbenchView;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The workbench application: opens on the bundled movie sample with the offline demo model selected, or on the
 * project file given as its one argument.
 */
public final class ArbiterApp extends Application {

    private TaskExecutor executor;
    private WorkbenchViewModel model;
    private WindowStateStore windowStore;
    /** Read before the window opens, off the FX thread. */
    private Optional<WindowState> savedWindow = Optional.empty();

    private WindowKeeper window;
    private ThemeStore themeStore;
    /** The theme chosen last time, and whether the OS prefers dark, read before the window opens. */
    private ThemeChoice savedTheme = ThemeChoice.SYSTEM;

    private boolean osDark;

    public static void main(String[] args) {
        launch(ArbiterApp.class, args);
    }

    @Override
    public void init() {
        windowStore = WindowStateStore.forUser();
        savedWindow = windowStore.load();
        themeStore = ThemeStore.forUser();
        savedTheme = themeStore.load();
        osDark = savedTheme == ThemeChoice.SYSTEM && OsColorScheme.prefersDark();
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        model = new WorkbenchViewModel(executor);
        model.theme().restore(themeStore, savedTheme, osDark);
        WorkbenchView view = new WorkbenchView(model);
        stage.setScene(createScene(view));
        stage.titleProperty().bind(model.projects().titleProperty());
        window = WindowKeeper.keep(stage, windowStore, savedWindow, view::dividers, view::useDividers);
        stage.show();
        List<String> arguments = getParameters().getRaw();
        model.providerChoice().loadSaved(ProviderSettingsStore.forUser());
        model.results().heading().columns().useStore(io.arbiter.ui.results.ColumnLayoutStore.forUser());
        if (!arguments.isEmpty()) { // a project file opened from the desktop or the command line
            model.projects().useRecentProjects(io.arbiter.ui.workbench.RecentProjects.forUser());
            model.projects().openProject(Path.of(arguments.get(0)).toAbsolutePath());
        } else {
            // The last project comes back; without one (or when it is gone) the workbench opens on the sample.
            model.projects()
                    .useRecentProjects(io.arbiter.ui.workbench.RecentProjects.forUser(), true)
                    .thenAccept(reopened -> {
                        if (!reopened) {
                            model.datasetSetup().openSample();
                        }
                    });
        }
    }

    /** Builds the workbench scene with its stylesheet; also used by UI tests. Call on the FX thread. */
    public static Scene createScene(WorkbenchViewModel model) {
        return createScene(new WorkbenchView(model));
    }

    private static Scene createScene(WorkbenchView view) {
        Scene scene = new Scene(view.root());
        scene.getStylesheets()
                .add(ArbiterApp.class.getResource("/css/arbiter.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (window != null) {
            try {
                window.save();
            } catch (IOException e) {
                // The window's place is a convenience: the next launch opens at the default place.
            }
        }
        if (model != null) {
            model.shutdown();
        }
        if (executor != null) {
            executor.shutdown();
        }
    }
}
