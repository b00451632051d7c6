package io.arbiter.ui;

import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.common.TaskExecutor;
import io.arbiter.ui.workbench.WorkbenchView;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.nio.file.Path;
import java.util.List;
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

    public static void main(String[] args) {
        launch(ArbiterApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        model = new WorkbenchViewModel(executor);
        stage.setScene(createScene(model));
        stage.titleProperty().bind(model.projects().titleProperty());
        stage.setWidth(1500);
        stage.setHeight(940);
        stage.show();
        List<String> arguments = getParameters().getRaw();
        if (arguments.isEmpty()) {
            model.datasetSetup().openSample();
        }
        model.providerChoice().loadSaved(ProviderSettingsStore.forUser());
        model.projects().useRecentProjects(io.arbiter.ui.workbench.RecentProjects.forUser());
        if (!arguments.isEmpty()) {
            model.projects().openProject(Path.of(arguments.get(0)).toAbsolutePath());
        }
    }

    /** Builds the workbench scene with its stylesheet; also used by UI tests. Call on the FX thread. */
    public static Scene createScene(WorkbenchViewModel model) {
        Scene scene = new Scene(new WorkbenchView(model).root());
        scene.getStylesheets()
                .add(ArbiterApp.class.getResource("/css/arbiter.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
        if (executor != null) {
            executor.shutdown();
        }
    }
}
