package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.offline.BatchPace;
import io.arbiter.offline.OfflineServer;
import io.arbiter.offline.ServerCounters.BatchCall;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arbiter run --judge-model a,b@profile} with two embedded offline servers, the second a saved profile: each
 * server answers its own jurors' votes (counted there), in realtime or as batches of its own, a re-run of the project
 * sends nothing, and a juror whose profile is unknown or whose key cannot be read is refused before anything is sent.
 */
class JurorProvidersCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aJurorOnASavedProfileIsAnsweredByItsOwnServerAndAReRunSendsNothing() throws Exception {
        SampleFiles files = SampleFiles.in(dir);
        try (OfflineServer first = OfflineServer.start(0);
                OfflineServer second = OfflineServer.start(0)) {
            Path providers = saved("second", second, null, false);
            String project = dir.resolve("two.arbiter").toString();

            int status = run(
                    files,
                    first,
                    "offline-demo-judge,offline-demo-judge@second",
                    "--providers-file",
                    providers.toString(),
                    "--project",
                    project);

            assertEquals(0, status, err.toString());
            JsonNode json = new ObjectMapper().readTree(out.toString());
            int rows = json.get("rows").asInt();
            assertEquals(
                    "offline-demo-judge@second",
                    json.get("jurors").get(1).get("model").asText());
            // Worked out: the first server answers every base request and the first juror; the second, the other.
            assertEquals(2L * rows, first.counters().chatAnswers());
            assertEquals(rows, second.counters().chatAnswers(), "the same model there is its own answer");

            int again = runAgain(project, providers);

            assertEquals(0, again, err.toString());
            assertEquals(
                    2, new ObjectMapper().readTree(out.toString()).get("jurors").size(), "the stored jury");
            assertEquals(2L * rows, first.counters().chatAnswers(), "nothing sent again");
            assertEquals(rows, second.counters().chatAnswers());
        }
    }

    @Test
    void anUnknownProfileAndAMissingKeyAreRefusedNamingTheJuror() throws Exception {
        SampleFiles files = SampleFiles.in(dir);
        try (OfflineServer first = OfflineServer.start(0);
                OfflineServer second = OfflineServer.start(0)) {
            Path providers = saved("keyed", second, "ARBITER_JUROR_KEY_THAT_IS_NOT_SET", false);

            int unknown = run(files, first, "offline-demo-judge,m@nowhere", "--providers-file", providers.toString());
            assertEquals(ArbiterCli.BAD_INPUT, unknown);
            assertTrue(
                    err.toString().contains("juror m@nowhere: no saved provider profile is named 'nowhere'"),
                    err.toString());

            int keyless = run(
                    files,
                    first,
                    "offline-demo-judge,offline-demo-judge@keyed",
                    "--providers-file",
                    providers.toString());
            assertEquals(ArbiterCli.BAD_INPUT, keyless);
            assertTrue(err.toString().contains("juror offline-demo-judge@keyed: "), err.toString());
            assertTrue(err.toString().contains("ARBITER_JUROR_KEY_THAT_IS_NOT_SET"), err.toString());

            assertEquals(0, first.counters().chatAttempts() + second.counters().chatAttempts(), "nothing was sent");
        }
    }

    @Test
    void aBatchRunSendsTheJurorsVotesThroughItsOwnServersBatchApiAndAReRunSendsNothing() throws Exception {
        SampleFiles files = SampleFiles.in(dir);
        try (OfflineServer first = fast();
                OfflineServer second = fast()) {
            Path providers = saved("second", second, null, true);
            String project = dir.resolve("batch.arbiter").toString();

            int status = run(
                    files,
                    first,
                    "offline-demo-judge,offline-demo-judge@second",
                    "--providers-file",
                    providers.toString(),
                    "--mode",
                    "batch",
                    "--poll-seconds",
                    "0.02",
                    "--project",
                    project);

            assertEquals(0, status, err.toString());
            JsonNode json = new ObjectMapper().readTree(out.toString());
            int rows = json.get("rows").asInt();
            assertEquals(0, json.get("errors").asInt(), out.toString());
            assertEquals("completed", json.get("status").asText());
            assertEquals(2, json.get("jurors").size());
            // Worked out: the first server takes the base batch and the first juror's; the second, the other's.
            assertEquals(2, first.counters().batchCalls(BatchCall.CREATE));
            assertEquals(2, first.counters().batchCalls(BatchCall.UPLOAD));
            assertEquals(2L * rows, first.counters().batchLinesProcessed());
            assertEquals(1, second.counters().batchCalls(BatchCall.CREATE));
            assertEquals(1, second.counters().batchCalls(BatchCall.UPLOAD));
            assertEquals(rows, second.counters().batchLinesProcessed());
            assertEquals(0, first.counters().chatAttempts() + second.counters().chatAttempts(), "nothing in realtime");

            int again = runAgain(project, providers);

            assertEquals(0, again, err.toString());
            assertEquals(2, first.counters().batchCalls(BatchCall.CREATE), "nothing sent again");
            assertEquals(1, second.counters().batchCalls(BatchCall.CREATE));
            assertEquals(0, first.counters().chatAttempts() + second.counters().chatAttempts());

            // The juror's votes cost the Batch API's half of its own profile's prices: the same tokens in realtime
            // (the demo's usage depends only on the request) cost twice as much.
            double batchCost = json.get("jurors").get(1).get("cost").asDouble();
            out.getBuffer().setLength(0);
            int realtime = run(
                    files,
                    first,
                    "offline-demo-judge,offline-demo-judge@second",
                    "--providers-file",
                    providers.toString());
            assertEquals(0, realtime, err.toString());
            double realtimeCost = new ObjectMapper()
                    .readTree(out.toString())
                    .get("jurors")
                    .get(1)
                    .get("cost")
                    .asDouble();
            assertTrue(realtimeCost > 0, out.toString());
            assertEquals(realtimeCost / 2, batchCost, 1e-12);
        }
    }

    @Test
    void aBatchRunWithAJurorOnAProfileWithoutABatchApiIsRefusedBeforeAnythingIsSent() throws Exception {
        SampleFiles files = SampleFiles.in(dir);
        try (OfflineServer first = fast();
                OfflineServer local = fast()) {
            Path providers = saved("local", local, null, false);
            Path project = dir.resolve("refused.arbiter");

            int status = run(
                    files,
                    first,
                    "offline-demo-judge,offline-demo-judge@local",
                    "--providers-file",
                    providers.toString(),
                    "--mode",
                    "batch",
                    "--project",
                    project.toString());

            assertEquals(ArbiterCli.BAD_INPUT, status, err.toString());
            assertTrue(
                    err.toString()
                            .contains("juror offline-demo-judge@local: the provider profile 'local' has no Batch API"),
                    err.toString());
            assertTrue(err.toString().contains("--mode realtime"), err.toString());
            for (OfflineServer server : List.of(first, local)) {
                assertEquals(0, server.counters().batchCalls(BatchCall.UPLOAD), "nothing uploaded");
                assertEquals(0, server.counters().chatAttempts(), "nothing sent");
            }
            try (io.arbiter.core.project.Project opened = io.arbiter.core.project.Project.openForReading(project)) {
                assertEquals(List.of(), opened.runs(), "nothing recorded");
            }
        }
    }

    /** {@code run --project P} again, as the project stores it; stdout holds only its output. */
    private int runAgain(String project, Path providers) {
        out.getBuffer().setLength(0);
        return ArbiterCli.execute(
                new String[] {"run", "--project", project, "--providers-file", providers.toString(), "--json"},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
    }

    private static OfflineServer fast() {
        return OfflineServer.builder().port(0).batchPace(BatchPace.FAST).start();
    }

    /** A providers.json holding one profile for {@code server}, as Providers… would save it. */
    private Path saved(String name, OfflineServer server, String keyVariable, boolean batches) throws Exception {
        Path file = dir.resolve(name + "-providers.json");
        java.nio.file.Files.writeString(
                file,
                """
                {"version": 1, "providers": [{"name": "%s", "baseUrl": "%s", "apiKeyEnv": %s,
                  "baseModel": "offline-demo-base", "judgeModel": "offline-demo-judge", "temperature": 0.0,
                  "maxTokens": 64, "concurrency": 4, "hasBatchApi": %s, "judgeInputPrice": 0.5,
                  "judgeOutputPrice": 1.5}]}
                """
                        .formatted(
                                name,
                                server.baseUrl(),
                                keyVariable == null ? "null" : '"' + keyVariable + '"',
                                batches));
        return file;
    }

    private int run(SampleFiles files, OfflineServer server, String jurors, String... extra) {
        List<String> args = files.runArgs(server.baseUrl().toString(), jurors, extra);
        return ArbiterCli.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
