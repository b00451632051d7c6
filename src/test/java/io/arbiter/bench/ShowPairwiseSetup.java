package io.arbiter.bench;

import io.arbiter.core.dataset.Samples;
import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.importer.GradingChoice;
import io.arbiter.ui.importer.ImportView;
import io.arbiter.ui.importer.ImportViewModel;
import io.arbiter.ui.importer.PairSource;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * A look at the pairwise setup and run on the offline demo, for screenshots under Xvfb:
 * {@code java -cp <test classpath> io.arbiter.bench.ShowPairwiseSetup [import|generated] [run] [analysis] [WIDTH
 * HEIGHT]}. Without {@code import} or {@code generated} it opens the pairwise sample (two answer columns); with
 * {@code import} the import dialog stays open on the sample's file with pairwise grading chosen; with
 * {@code generated} that import is accepted as a generated pair. {@code run} starts a run, selects the first row when
 * it ends, and with {@code analysis} shows the Judge analysis tab.
 */
public final class ShowPairwiseSetup {

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        List<String> size = options.stream().filter(o -> o.matches("\\d+")).toList();
        double width = size.size() == 2 ? Double.parseDouble(size.get(0)) : 1366;
        double height = size.size() == 2 ? Double.parseDouble(size.get(1)) : 768;
        Path csv = Files.createTempDirectory("arbiter-pairs").resolve("pairwise.csv");
        try (InputStream in = Samples.class.getResourceAsStream(Samples.PAIRWISE)) {
            Files.copy(in, csv);
        }
        Platform.startup(() -> {
            WorkbenchViewModel model = new WorkbenchViewModel(new FxTaskExecutor());
            Stage stage = new Stage();
            Scene scene = ArbiterApp.createScene(model);
            stage.setTitle("Arbiter · pairwise");
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            model.datasetSetup().openPairwiseSample();
            if (options.contains("run")) {
                model.run().runningProperty().addListener((obs, was, running) -> {
                    if (was && !running) {
                        model.selectRow(model.results().allRows().get(0));
                        if (options.contains("analysis")) {
                            model.lowerPaneProperty().set(WorkbenchViewModel.LowerPane.ANALYSIS);
                        }
                    }
                });
            }
            if (!options.contains("import") && !options.contains("generated")) {
                if (options.contains("run")) {
                    whenValid(model, () -> model.runCommands().startRun());
                }
                return;
            }
            ImportViewModel dialog = model.datasetSetup().newImport();
            new ImportView(dialog, stage, scene.getStylesheets().get(0)).show(csv);
            later(1.5, () -> {
                dialog.grading().kindProperty().set(GradingChoice.Kind.PAIRWISE);
                if (options.contains("generated")) {
                    dialog.pairSourceProperty().set(PairSource.GENERATED);
                    dialog.importFile();
                    if (options.contains("run")) {
                        later(
                                0.5,
                                () -> whenValid(model, () -> model.runCommands().startRun()));
                    }
                }
            });
        });
    }

    /** Runs {@code then} once the prompts can be rendered for the dataset on screen (it is read in the background). */
    private static void whenValid(WorkbenchViewModel model, Runnable then) {
        if (model.prompts().validProperty().get()) {
            later(0.5, then);
            return;
        }
        model.prompts().validProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    obs.removeListener(this);
                    later(0.5, then);
                }
            }
        });
    }

    private static void later(double seconds, Runnable then) {
        PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
        pause.setOnFinished(e -> then.run());
        pause.play();
    }
}
