package io.arbiter.bench;

import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * A look at the Runs tab, for screenshots under Xvfb where a native file chooser cannot be driven:
 * {@code java -cp <test classpath> io.arbiter.bench.ShowRunsTab} creates a project in a temporary folder, runs the
 * sample twice and opens the Runs tab.
 */
public final class ShowRunsTab {

    public static void main(String[] args) throws Exception {
        Path project = Files.createTempDirectory("arbiter-runs").resolve("movies.arbiter");
        Platform.startup(() -> {
            WorkbenchViewModel model = new WorkbenchViewModel(new FxTaskExecutor());
            Stage stage = new Stage();
            stage.setScene(ArbiterApp.createScene(model));
            stage.setWidth(1500);
            stage.setHeight(940);
            stage.show();
            model.openSample();
            model.datasetProperty().addListener((obs, old, now) -> model.newProject(project).thenRun(() -> {
                model.run().runningProperty().addListener((o, was, running) -> {
                    if (was && !running && model.runs().runs().size() < 2) {
                        Platform.runLater(model::startRun);
                    } else if (was && !running) {
                        model.lowerPaneProperty().set(WorkbenchViewModel.LowerPane.RUNS);
                    }
                });
                model.startRun();
            }));
        });
    }
}
