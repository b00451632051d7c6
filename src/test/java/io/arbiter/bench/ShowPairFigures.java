package io.arbiter.bench;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.project.RunClients;
import io.arbiter.core.project.RunRecorder;
import io.arbiter.core.project.RunStart;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.prompt.PromptTemplate;
import io.arbiter.core.prompt.RowPrompts;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.offline.OfflineServer;
import io.arbiter.ui.ArbiterApp;
import io.arbiter.ui.analysis.AnalysisView;
import io.arbiter.ui.analysis.AnalysisViewModel;
import io.arbiter.ui.common.FxTaskExecutor;
import io.arbiter.ui.compare.CompareView;
import io.arbiter.ui.compare.CompareViewModel;
import io.arbiter.ui.detail.DetailView;
import io.arbiter.ui.detail.DetailViewModel;
import io.arbiter.ui.results.ResultsView;
import io.arbiter.ui.results.ResultsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * A look at the results, the row detail, Judge analysis and Compare on pairwise runs, for screenshots under Xvfb:
 * {@code java -cp <test classpath> io.arbiter.bench.ShowPairFigures [results|analysis|compare] [row N] [WIDTH HEIGHT]}
 * runs the bundled pairwise sample through the offline demo twice in a temporary project (run 1 over its answer
 * columns, run 2 a generated pair with the brief second prompt), both asked in both orders, and shows run 1.
 */
public final class ShowPairFigures {

    private static final ColumnMapping COLUMNS = new ColumnMapping(List.of("question"), null, "", "answer_a", Map.of())
            .withTask(TaskKind.GENERATE)
            .withJudgeColumns(new JudgeColumns("reference", null, null).withPair("answer_b", "human_preference"));

    private static final ColumnMapping GENERATED = new ColumnMapping(List.of("question"), null, "")
            .withTask(TaskKind.GENERATE)
            .withJudgeColumns(new JudgeColumns("reference", null, null).withPair(null, "human_preference"));

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        int tab = options.contains("compare") ? 2 : options.contains("analysis") ? 1 : 0;
        int row = options.indexOf("row") >= 0 ? Integer.parseInt(options.get(options.indexOf("row") + 1)) - 1 : 3;
        List<String> size = options.stream().filter(o -> o.matches("\\d{3,}")).toList();
        double width = size.size() == 2 ? Double.parseDouble(size.get(0)) : 1366;
        double height = size.size() == 2 ? Double.parseDouble(size.get(1)) : 768;
        Dataset sample = Samples.pairwise();
        PromptPair prompts =
                PromptPair.of(Samples.text(Samples.PAIRWISE_BASE_PROMPT), Samples.text(Samples.PAIRWISE_JUDGE_PROMPT));
        Path file = Files.createTempDirectory("arbiter-pairs").resolve("pairs.arbiter");
        Project project = Project.open(file);
        long runA;
        try (OfflineServer server = OfflineServer.start(0)) {
            ProviderProfile profile = new ProviderProfile(
                    "Offline",
                    server.baseUrl().toString(),
                    null,
                    "offline-demo-base",
                    "offline-demo-judge",
                    0.0,
                    64,
                    4);
            runA = record(project, spec(sample, COLUMNS, prompts, profile, null));
            SecondBase brief = new SecondBase(
                    "offline-demo-base", new PromptTemplate(Samples.text(Samples.PAIRWISE_BASE_PROMPT_B)));
            record(project, spec(sample, GENERATED, prompts, profile, brief));
        }
        List<RowResult> rows = project.rows(runA);
        Platform.startup(() -> {
            FxTaskExecutor executor = new FxTaskExecutor();
            ResultsViewModel results = new ResultsViewModel(executor);
            DetailViewModel detail =
                    new DetailViewModel(() -> new RowPrompts(sample, COLUMNS, prompts, LabelSet.empty()));
            ResultsView resultsView = new ResultsView(results, () -> {}, () -> {});
            resultsView.showBeside(new DetailView(detail).root(), new StackPane());
            resultsView.selectedItemProperty().addListener((obs, old, now) -> detail.show(now));
            AnalysisViewModel analysis =
                    new AnalysisViewModel(executor, results, () -> {}, () -> project.ratings(runA));
            CompareViewModel comparing = new CompareViewModel(executor, (b, flipped, description, r) -> {});
            TabPane tabs = new TabPane(
                    new Tab("Results", resultsView.root()),
                    new Tab("Judge analysis", new AnalysisView(analysis).root()),
                    new Tab("Compare", new CompareView(comparing).root()));
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            Scene scene = new Scene(tabs);
            scene.getStylesheets()
                    .add(ArbiterApp.class.getResource("/css/arbiter.css").toExternalForm());
            Stage stage = new Stage();
            stage.setTitle("Arbiter · pairwise");
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            results.show(
                    sample,
                    COLUMNS,
                    io.arbiter.ui.results.ResultsTableRow.pending(sample, COLUMNS, PairwiseScheme.DEFAULT));
            results.finish(
                    rows, AccuracyCounts.of(rows.stream().map(RowResult::scored).toList()));
            results.select(row);
            comparing.useProject(project); // the latest two runs: A the answer columns, B the generated pair
            tabs.getSelectionModel().select(tab);
        });
    }

    private static RunSpec spec(
            Dataset data, ColumnMapping mapping, PromptPair prompts, ProviderProfile profile, SecondBase second) {
        return new RunSpec(
                data,
                mapping,
                LabelSet.empty(),
                prompts,
                profile,
                List.of(),
                List.of(),
                PairwiseScheme.DEFAULT,
                second);
    }

    private static long record(Project project, RunSpec spec) throws Exception {
        RunRecorder recorder = new RunRecorder();
        Recording recording = recorder.begin(
                project, new RunStart(spec, "pairwise.csv", null, RunRecorder.OFFLINE, RunMode.REALTIME));
        try (RunClients clients =
                RunClients.realtime(spec.provider(), RunRecorder.OFFLINE, null, null, recording.ledger())) {
            recorder.finish(recording, clients.engine().runToEnd(spec, RunListener.NONE));
        }
        return recording.runId();
    }
}
