package io.arbiter.ui.workbench;

import static io.arbiter.ui.workbench.WorkbenchRuns.provider;
import static io.arbiter.ui.workbench.WorkbenchRuns.runToItsRecordedEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.cli.ArbiterCli;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.project.Project;
import io.arbiter.core.run.Stage;
import io.arbiter.core.store.RunRecord;
import io.arbiter.offline.OfflineServer;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.ResultsTableRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run path for both faces, proven at the embedded server: {@code arbiter run --project P} sends the requests of
 * the workbench run it repeats, worked examples included; a workbench run cancelled half-way is continued by
 * {@code run --project} and the other way round, each sending only what the other had not received.
 */
class RunPathAcrossFacesTest {

    private static final String BASE_MODEL = "offline-demo-base";
    private static final String JUDGE_MODEL = "offline-demo-judge";

    @TempDir
    Path dir;

    private final List<WorkbenchViewModel> windows = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        windows.forEach(WorkbenchViewModel::shutdown);
    }

    @Test
    void aHeadlessReRunSendsTheRequestsOfTheWorkbenchRunItRepeatsWorkedExampleIncluded() throws Exception {
        try (OfflineServer server = OfflineServer.builder().port(0).start()) {
            WorkbenchViewModel model = window();
            model.datasetSetup().openSample();
            model.providerChoice().useSettings(provider(server.baseUrl().toString(), 4));
            Path repeated = dir.resolve("repeated.arbiter");
            model.projects().newProject(repeated).join();
            model.useHeldOutShare(0).join(); // every row promotable: HeldOutRowsTest holds rows out
            runToItsRecordedEnd(model); // the answers to review
            ResultsTableRow reviewed = model.results().allRows().stream()
                    .filter(r -> r.result().base().answered())
                    .skip(2)
                    .findFirst()
                    .orElseThrow();
            model.results().reviewing().label(reviewed, false);
            model.results().reviewing().togglePromoted(reviewed);
            model.prompts()
                    .judgeTextProperty()
                    .set(model.prompts().judgeTextProperty().get() + "\n{{examples}}");
            assertTrue(model.projects().saveProject().join());
            // The workbench goes on in a copy; the original holds what its next run starts from, for the CLI.
            Path copy = dir.resolve("workbench.arbiter");
            model.projects().saveProjectAs(copy).join();
            assertEquals(copy.toAbsolutePath(), model.projects().projectFile());

            Map<String, Long> before = server.counters().attemptsByRequest();
            runToItsRecordedEnd(model);
            Map<String, Long> workbench = sentSince(before, server);
            model.shutdown();
            before = server.counters().attemptsByRequest();
            Cli rerun = cli("run", "--project", repeated.toString(), "--json");
            Map<String, Long> headless = sentSince(before, server);

            assertEquals(0, rerun.status(), rerun.err());
            assertFalse(workbench.isEmpty(), "the judge prompt changed: the judge stage is sent again");
            assertTrue(
                    workbench.equals(headless),
                    () -> "the same request bodies, as many times each: the workbench "
                            + "sent " + workbench.size() + ", the CLI " + headless.size() + ", "
                            + workbench.keySet().stream()
                                    .filter(headless::containsKey)
                                    .count() + " of them alike");
            assertEquals(total(workbench), json(rerun.out()).get("requests").asLong());
            for (Path file : List.of(copy, repeated)) {
                try (Project project = Project.openForReading(file)) {
                    long latest = project.runs()
                            .get(project.runs().size() - 1)
                            .record()
                            .id();
                    assertEquals(Set.of(reviewed.index()), project.examples(latest), file + " judged with the example");
                }
            }
        }
    }

    @Test
    void anOfflineDemoRunWithItsOwnSettingsIsRepeatedByRunProjectWhollyFromTheProjectsCache() throws Exception {
        WorkbenchViewModel model = window();
        model.datasetSetup().openSample();
        // The demo with another reply limit than its default: the headless re-run must take it from the project.
        model.providerChoice()
                .useSettings(new ProviderSettings(
                        ProviderSettings.of(io.arbiter.core.llm.ProviderPreset.OFFLINE)
                                .name(),
                        null,
                        null,
                        BASE_MODEL,
                        JUDGE_MODEL,
                        0,
                        100,
                        null,
                        4,
                        0,
                        0,
                        true,
                        0.0,
                        0.0,
                        0.0,
                        0.0));
        Path file = dir.resolve("demo.arbiter");
        model.projects().newProject(file).join();
        runToItsRecordedEnd(model);
        model.shutdown();

        Cli rerun = cli("run", "--project", file.toString(), "--json");

        assertEquals(0, rerun.status(), rerun.err());
        assertEquals(0, json(rerun.out()).get("requests").asLong(), "every request is one the workbench sent");
        try (Project project = Project.openForReading(file)) {
            assertEquals(100, project.provider().orElseThrow().maxTokens());
            assertEquals(
                    io.arbiter.core.project.RunRecorder.OFFLINE,
                    project.provider().orElseThrow().baseUrl());
        }
    }

    @Test
    void aWorkbenchRunCancelledHalfWayIsContinuedByRunProjectSendingOnlyWhatIsMissing() throws Exception {
        try (OfflineServer server = OfflineServer.builder().port(0).start()) {
            WorkbenchViewModel model = window();
            model.datasetSetup().openSample();
            model.providerChoice().useSettings(provider(server.baseUrl().toString(), 1)); // one request at a time
            Path file = dir.resolve("cancelled.arbiter");
            model.projects().newProject(file).join();
            model.run().baseProgressProperty().addListener((obs, old, now) -> {
                if (old.doubleValue() < 0.3 && now.doubleValue() >= 0.3) {
                    model.runCommands().cancel(); // on the run's worker, between two requests
                }
            });
            runToItsRecordedEnd(model);
            int rows = model.datasetProperty().get().size();
            long runId;
            try (Project project = Project.openForReading(file)) {
                RunRecord cancelled = project.store().runRecords().get(0);
                runId = cancelled.id();
                assertEquals("CANCELLED", cancelled.status());
                int answered = project.store().responses(runId, Stage.BASE).size();
                assertTrue(answered > 0 && answered < rows, answered + " of " + rows);
            }
            model.shutdown();

            long sentBefore = server.counters().chatAttempts();
            Cli resumed = cli("run", "--project", file.toString(), "--json");

            assertEquals(0, resumed.status(), resumed.err());
            assertTrue(resumed.err().contains("resuming run " + runId + " (cancelled)"), resumed.err());
            assertEquals(
                    server.counters().chatAttempts() - sentBefore,
                    json(resumed.out()).get("requests").asLong());
            assertTrue(sentBefore > 0);
            assertEveryRequestSentOnce(server);
            try (Project project = Project.openForReading(file)) {
                assertEquals(1, project.store().runRecords().size(), "the same run, continued");
                assertEquals("COMPLETED", project.store().runRecords().get(0).status());
                assertEquals(rows, project.store().responses(runId, Stage.BASE).size());
            }
        }
    }

    @Test
    void cancelThenRunInTheSameWindowContinuesTheCancelledRunSendingOnlyWhatIsMissing() throws Exception {
        try (OfflineServer server = OfflineServer.builder().port(0).start()) {
            WorkbenchViewModel model = window();
            model.datasetSetup().openSample();
            model.providerChoice().useSettings(provider(server.baseUrl().toString(), 1));
            Path file = dir.resolve("cancel-then-run.arbiter");
            model.projects().newProject(file).join();
            boolean[] cancelled = {false};
            model.run().baseProgressProperty().addListener((obs, old, now) -> {
                if (!cancelled[0] && now.doubleValue() >= 0.3) {
                    cancelled[0] = true;
                    model.runCommands().cancel();
                }
            });
            runToItsRecordedEnd(model);
            int rows = model.datasetProperty().get().size();
            long runId;
            try (Project project = Project.openForReading(file)) {
                RunRecord first = project.store().runRecords().get(0);
                runId = first.id();
                assertEquals("CANCELLED", first.status());
            }

            runToItsRecordedEnd(model);

            assertEveryRequestSentOnce(server);
            try (Project project = Project.openForReading(file)) {
                assertEquals(1, project.store().runRecords().size(), "the same run, continued");
                assertEquals("COMPLETED", project.store().runRecords().get(0).status());
                assertEquals(rows, project.store().responses(runId, Stage.BASE).size());
            }
        }
    }

    @Test
    void aHeadlessRunThatStoppedIsContinuedByTheWorkbenchsRunSendingOnlyWhatIsMissing() throws Exception {
        Path dataset = Files.writeString(dir.resolve("movies.csv"), Samples.text(Samples.MOVIES));
        Path base = Files.writeString(dir.resolve("base.txt"), Samples.text(Samples.MOVIES_BASE_PROMPT));
        Path judge = Files.writeString(dir.resolve("judge.txt"), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        Path file = dir.resolve("stopped.arbiter");
        try (OfflineServer server = OfflineServer.builder().port(0).start();
                KeyRevokingProvider revoking = new KeyRevokingProvider(server.baseUrl(), 10)) {
            Cli stopped = cli(
                    "run",
                    "--dataset",
                    dataset.toString(),
                    "--input-column",
                    "Overview",
                    "--truth-column",
                    "Genre",
                    "--base-prompt",
                    base.toString(),
                    "--judge-prompt",
                    judge.toString(),
                    "--provider",
                    revoking.baseUrl(),
                    "--base-model",
                    BASE_MODEL,
                    "--judge-model",
                    JUDGE_MODEL,
                    "--concurrency",
                    "1",
                    "--project",
                    file.toString(),
                    "--json");
            assertEquals(ArbiterCli.PROVIDER_FAILED, stopped.status(), stopped.err());
            assertTrue(stopped.err().contains("refused the API key"), stopped.err());
            assertEquals(10, server.counters().chatAttempts());
            revoking.restore();

            WorkbenchViewModel model = window();
            model.providerChoice().useSettings(provider(revoking.baseUrl(), 4));
            model.providerChoice()
                    .providerProperty()
                    .set(model.providerChoice().providers().stream()
                            .filter(ProviderSettings::offline)
                            .findFirst()
                            .orElseThrow());
            model.projects().openProject(file).join();
            assertEquals(
                    "Test provider",
                    model.providerChoice().providerProperty().get().name(),
                    "found by the URL the CLI ran");
            assertTrue(
                    model.statusProperty().get().contains("run 1 did not finish: press Run to continue it"),
                    model.statusProperty().get());
            List<String> said = new CopyOnWriteArrayList<>();
            model.statusProperty().addListener((obs, old, now) -> said.add(now));
            runToItsRecordedEnd(model);

            assertTrue(
                    said.contains("Continuing run 1: its answered rows are kept; only the rest is sent."),
                    said.toString());
            assertEveryRequestSentOnce(server);
            int rows = model.datasetProperty().get().size();
            try (Project project = Project.openForReading(file)) {
                assertEquals(1, project.store().runRecords().size(), "the same run, continued");
                assertEquals("COMPLETED", project.store().runRecords().get(0).status());
                assertEquals(rows, project.store().responses(1, Stage.BASE).size());
            }
        }
    }

    private WorkbenchViewModel window() {
        WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());
        windows.add(model);
        return model;
    }

    /** Every request body the server received since {@code before}, with how often. */
    private static Map<String, Long> sentSince(Map<String, Long> before, OfflineServer server) {
        Map<String, Long> sent = new HashMap<>();
        server.counters().attemptsByRequest().forEach((body, count) -> {
            long since = count - before.getOrDefault(body, 0L);
            if (since > 0) {
                sent.put(body, since);
            }
        });
        return sent;
    }

    private static long total(Map<String, Long> sent) {
        return sent.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Across both faces no request body reached the server twice: nothing answered was paid for again. */
    private static void assertEveryRequestSentOnce(OfflineServer server) {
        Map<String, Long> attempts = server.counters().attemptsByRequest();
        assertEquals(0, attempts.values().stream().filter(count -> count > 1).count(), "bodies sent more than once");
        assertEquals(attempts.size(), server.counters().chatAttempts());
    }

    private record Cli(int status, String out, String err) {}

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ArbiterCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(status, out.toString(), err.toString());
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
