package io.arbiter.bench;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.ScoreRuns;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.analysis.AnalysisView;
import io.arbiter.ui.analysis.AnalysisViewModel;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.compare.CompareView;
import io.arbiter.ui.compare.CompareViewModel;
import io.arbiter.ui.results.ResultsViewModel;
import io.arbiter.ui.theme.Palette;
import io.arbiter.ui.theme.ThemeStylesheet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * A look at Judge analysis and Compare on two scoring runs, for screenshots under Xvfb:
 * {@code java -cp <test classpath> io.arbiter.bench.ShowScoreFigures [compare] [dark] [WIDTH HEIGHT]} records two
 * runs of a 40-row support dataset with people's scores 1-5 in a temporary project (run 1's judge noisy, run 2's
 * closer but harsher), shows run 2's figures in the Judge analysis tab, or with {@code compare} the Compare tab on
 * runs 1 and 2, in the workbench's theme (light, or {@code dark}).
 */
public final class ShowScoreFigures {

    private static final int ROWS = 40;

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean compare = options.contains("compare");
        List<String> size = options.stream().filter(o -> o.matches("\\d+")).toList();
        double width = size.size() == 2 ? Double.parseDouble(size.get(0)) : 1366;
        double height = size.size() == 2 ? Double.parseDouble(size.get(1)) : 768;
        Random random = new Random(20261202);
        int[] human = new int[ROWS];
        int[] noisy = new int[ROWS];
        int[] harsh = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            human[i] = i == 7 ? 0 : 1 + random.nextInt(5);
            int h = human[i] == 0 ? 3 : human[i];
            noisy[i] = i == 13 ? 0 : clamp(h + random.nextInt(5) - 2);
            harsh[i] = clamp(h - (random.nextInt(3) == 0 ? 1 : 0) + (random.nextInt(8) == 0 ? 1 : 0));
        }
        Dataset dataset = ScoreRuns.dataset(human);
        Path file = Files.createTempDirectory("arbiter-scores").resolve("support.arbiter");
        Project project = Project.open(file);
        ScoreRuns.record(project, dataset, noisy, ScoreScheme.DEFAULT); // run 1, A in Compare
        long runB = ScoreRuns.record(project, dataset, harsh, ScoreScheme.DEFAULT);
        List<RowResult> rows = project.rows(runB);
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(
                    ThemeStylesheet.of(options.contains("dark") ? Palette.DARK : Palette.LIGHT));
            FxTaskExecutor executor = new FxTaskExecutor();
            ResultsViewModel results = new ResultsViewModel(executor);
            AnalysisViewModel analysis =
                    new AnalysisViewModel(executor, results, () -> {}, () -> project.ratings(runB));
            CompareViewModel comparing = new CompareViewModel(executor, (b, flipped, description, row) -> {});
            TabPane tabs = new TabPane(
                    new Tab("Judge analysis", new AnalysisView(analysis).root()),
                    new Tab("Compare", new CompareView(comparing).root()));
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            Scene scene = new Scene(tabs);
            scene.getStylesheets()
                    .add(ArbiterApp.class.getResource("/css/arbiter.css").toExternalForm());
            Stage stage = new Stage();
            stage.setTitle("Arbiter · score figures");
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            results.show(dataset, ScoreRuns.MAPPING);
            results.finish(
                    rows, AccuracyCounts.of(rows.stream().map(RowResult::scored).toList()));
            comparing.useProject(project); // compares the latest two runs: A and B
            if (compare) {
                tabs.getSelectionModel().select(1);
            }
        });
    }

    private static int clamp(int score) {
        return Math.max(1, Math.min(5, score));
    }
}
