package io.arbiter.bench;

import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * A look at the Compare tab, for screenshots under Xvfb: {@code java -cp <test classpath>
 * io.arbiter.bench.ShowCompareTab} creates a project in a temporary folder, runs the sample, makes the judge prompt
 * strict, runs again and opens Compare on the two runs.
 */
public final class ShowCompareTab {

    public static void main(String[] args) throws Exception {
        Path project = Files.createTempDirectory("arbiter-compare").resolve("movies.arbiter");
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
                        var judge = model.prompts().judgeTextProperty();
                        judge.set(judge.get().replace("Work in this order:", "Be strict. Work in this order:"));
                        Platform.runLater(model::startRun);
                    } else if (was && !running) {
                        model.lowerPaneProperty().set(WorkbenchViewModel.LowerPane.COMPARE);
                    }
                });
                model.startRun();
            }));
        });
    }
}
