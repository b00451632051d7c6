package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.offline.OfflineServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arbiter run --judge-model a,b@profile} with two embedded offline servers, the second a saved profile: each
 * server answers its own jurors' votes (counted there), a re-run of the project sends nothing, and a juror whose
 * profile is unknown, whose key cannot be read, or who would go into a batch is refused before anything is sent.
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
            Path providers = saved("second", second, null);
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

            out.getBuffer().setLength(0);
            int again = ArbiterCli.execute(
                    new String[] {"run", "--project", project, "--providers-file", providers.toString(), "--json"},
                    new PrintWriter(out, true),
                    new PrintWriter(err, true));

            assertEquals(0, again, err.toString());
            assertEquals(
                    2, new ObjectMapper().readTree(out.toString()).get("jurors").size(), "the stored jury");
            assertEquals(2L * rows, first.counters().chatAnswers(), "nothing sent again");
            assertEquals(rows, second.counters().chatAnswers());
        }
    }

    @Test
    void anUnknownProfileAMissingKeyAndABatchAreRefusedNamingTheJuror() throws Exception {
        SampleFiles files = SampleFiles.in(dir);
        try (OfflineServer first = OfflineServer.start(0);
                OfflineServer second = OfflineServer.start(0)) {
            Path providers = saved("keyed", second, "ARBITER_JUROR_KEY_THAT_IS_NOT_SET");

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

            Path open = saved("open", second, null);
            int batch = run(
                    files,
                    first,
                    "offline-demo-judge,offline-demo-judge@open",
                    "--providers-file",
                    open.toString(),
                    "--mode",
                    "batch");
            assertEquals(ArbiterCli.BAD_INPUT, batch);
            assertTrue(err.toString().contains("realtime only"), err.toString());
            assertEquals(0, first.counters().chatAttempts() + second.counters().chatAttempts(), "nothing was sent");
        }
    }

    /** A providers.json holding one profile for {@code server}, as Providers… would save it; no batch. */
    private Path saved(String name, OfflineServer server, String keyVariable) throws Exception {
        Path file = dir.resolve(name + "-providers.json");
        java.nio.file.Files.writeString(
                file,
                """
                {"version": 1, "providers": [{"name": "%s", "baseUrl": "%s", "apiKeyEnv": %s,
                  "baseModel": "offline-demo-base", "judgeModel": "offline-demo-judge", "temperature": 0.0,
                  "maxTokens": 64, "concurrency": 4, "judgeInputPrice": 0.5, "judgeOutputPrice": 1.5}]}
                """
                        .formatted(name, server.baseUrl(), keyVariable == null ? "null" : '"' + keyVariable + '"'));
        return file;
    }

    private int run(SampleFiles files, OfflineServer server, String jurors, String... extra) {
        List<String> args = files.runArgs(server.baseUrl().toString(), jurors, extra);
        return ArbiterCli.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
