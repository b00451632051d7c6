package io.arbiter.bench;

import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.window.WindowPlacement;
import io.arbiter.ui.workbench.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * A look at the Runs tab, for screenshots under Xvfb where a native file chooser cannot be driven:
 * {@code java -cp <test classpath> io.arbiter.bench.ShowRunsTab [compare] [dark] [WIDTH HEIGHT]} creates a project in
 * a temporary folder, runs the sample four times as a prompt engineer would (again unchanged, then making the judge
 * strict, then a base edit too) and opens the Runs tab, or with {@code compare} the Compare tab on the runs before and
 * after the judge was made strict; {@code dark} shows the dark theme. The window is the size the app opens at
 * (1500x940) unless given, and never larger than the screen.
 */
public final class ShowRunsTab {

    /** What each run after the first changes in the prompts: {base edit, judge edit}. */
    private static final List<List<UnaryOperator<String>>> EDITS = List.of(
            List.of(UnaryOperator.identity(), UnaryOperator.identity()),
            List.of(
                    UnaryOperator.identity(),
                    judge -> judge.replace("Work in this order:", "Be strict. Work in this order:")),
            List.of(
                    base -> base.replace("Pick exactly one genre", "Pick the one genre that fits best"),
                    judge -> judge.replace("Do not write anything else.", "Write nothing else, not even a reason.")));

    public static void main(String[] args) throws Exception {
        Path project = Files.createTempDirectory("arbiter-runs").resolve("movies.arbiter");
        Platform.startup(() -> {
            WorkbenchViewModel model = new WorkbenchViewModel(new FxTaskExecutor());
            Stage stage = new Stage();
            stage.setScene(ArbiterApp.createScene(model));
            stage.titleProperty().bind(model.projects().titleProperty()); // as the app's: the project, then Arbiter
            var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            List<String> size =
                    List.of(args).stream().filter(a -> a.matches("\\d+")).toList();
            boolean sized = size.size() == 2;
            stage.setWidth(Math.min(
                    sized ? Double.parseDouble(size.get(0)) : WindowPlacement.PREFERRED_WIDTH, screen.getWidth()));
            stage.setHeight(Math.min(
                    sized ? Double.parseDouble(size.get(1)) : WindowPlacement.PREFERRED_HEIGHT, screen.getHeight()));
            stage.show();
            if (List.of(args).contains("dark")) {
                model.theme().choose(io.arbiter.ui.theme.ThemeChoice.DARK);
            }
            model.datasetSetup().openSample();
            model.datasetProperty().addListener((obs, old, now) -> model.projects()
                    .newProject(project)
                    .thenRun(() -> {
                        AtomicInteger finished = new AtomicInteger();
                        model.run().runningProperty().addListener((o, was, running) -> {
                            int done = was && !running ? finished.incrementAndGet() : finished.get();
                            if (was && !running && done <= EDITS.size()) {
                                Platform.runLater(() -> {
                                    List<UnaryOperator<String>> edit = EDITS.get(done - 1);
                                    var prompts = model.prompts();
                                    prompts.baseTextProperty()
                                            .set(edit.get(0)
                                                    .apply(prompts.baseTextProperty()
                                                            .get()));
                                    prompts.judgeTextProperty()
                                            .set(edit.get(1)
                                                    .apply(prompts.judgeTextProperty()
                                                            .get()));
                                    model.runCommands().startRun();
                                });
                            } else if (was && !running && List.of(args).contains("compare")) {
                                model.lowerPaneProperty().set(WorkbenchViewModel.LowerPane.COMPARE);
                                model.compare().compare(2, 3);
                            } else if (was && !running) {
                                model.lowerPaneProperty().set(WorkbenchViewModel.LowerPane.RUNS);
                            }
                        });
                        model.runCommands().startRun();
                    }));
        });
    }
}
