package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ChildJvm;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary key and a canary password go into real {@code arbiter} processes (the key through its environment
 * variable, the password in a {@code --provider} URL) against providers that echo the key back in 400 and 401 error
 * bodies; afterwards not one byte of any file those processes wrote holds either: project files with their -wal and
 * -shm, results CSV, metrics JSON, batch work files (the processes' temporary directory), the provider settings under
 * {@code ARBITER_CONFIG_DIR}, and every line they printed on stdout and stderr.
 */
class SecretsCanaryTest {

    private static final String VARIABLE = "ARBITER_CANARY_KEY";
    /** Not shaped like any provider's key, so only redacting the key in use can keep it out. */
    private static final String KEY = "cnry-7Qw9Zx2Lp4Mn8Rt6Ys3Uv1";

    private static final String PASSWORD = "pw-canary-4d7e1b9f";

    @TempDir
    Path dir;

    @Test
    void noFileARunWritesAndNothingItPrintsHoldsTheKeyOrThePassword() throws Exception {
        Path inputs = Files.createDirectory(dir.resolve("inputs"));
        Path out = Files.createDirectory(dir.resolve("out"));
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Files.createDirectory(dir.resolve("tmp"));
        Path config = Files.createDirectory(dir.resolve("config"));
        Path dataset = Files.writeString(inputs.resolve("movies.csv"), Samples.text(Samples.MOVIES));
        Path base = Files.writeString(inputs.resolve("base.txt"), Samples.text(Samples.MOVIES_BASE_PROMPT));
        Path judge = Files.writeString(inputs.resolve("judge.txt"), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        List<String> spec = List.of(
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
                "--api-key-env",
                VARIABLE,
                "--base-model",
                "offline-demo-base",
                "--judge-model",
                "offline-demo-judge");

        // Realtime: the key is accepted, but some requests are answered 400 with the key and header echoed.
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .apiKey(KEY)
                .faults(FaultPlan.parse("echo-key=0.3:400,max-faults=1,seed=9"))
                .start()) {
            arbiter(
                    "realtime",
                    with(
                            spec,
                            "run",
                            "--provider",
                            server.baseUrl().toString(),
                            "--project",
                            out.resolve("p.arbiter").toString(),
                            "--out",
                            out.resolve("results.csv").toString(),
                            "--json"));
            assertTrue(server.counters().faults(FaultPlan.Kind.ECHO_KEY) > 0, "the key was echoed back");
        }
        String csv = Files.readString(out.resolve("results.csv"));
        assertTrue(csv.contains("Incorrect API key provided: cnry-…(redacted)"), "the echo reached the error column");
        arbiter(
                "metrics",
                List.of(
                        "metrics",
                        out.resolve("results.csv").toString(),
                        "--truth-column",
                        "truth",
                        "--base-column",
                        "base_answer_raw",
                        "--judge-verdict-column",
                        "judge_evaluation",
                        "--json"));
        Files.copy(logs.resolve("metrics.out"), out.resolve("metrics.json"));

        // Batch: shards, uploads and downloads in the process's temporary directory.
        try (OfflineServer server = OfflineServer.builder().port(0).apiKey(KEY).start()) {
            assertEquals(
                    0,
                    arbiter(
                            "batch",
                            with(
                                    spec,
                                    "run",
                                    "--provider",
                                    server.baseUrl().toString(),
                                    "--mode",
                                    "batch",
                                    "--poll-seconds",
                                    "0.05",
                                    "--project",
                                    out.resolve("batch.arbiter").toString(),
                                    "--out",
                                    out.resolve("batch.csv").toString())));
        }

        // A refused key, echoed in the 401's body: the run stops and says so.
        try (OfflineServer server = OfflineServer.builder()
                .port(0)
                .apiKey("not-the-canary-key")
                .echoRefusedKeys(401)
                .start()) {
            assertEquals(
                    ArbiterCli.PROVIDER_FAILED,
                    arbiter(
                            "refused",
                            with(
                                    spec,
                                    "run",
                                    "--provider",
                                    server.baseUrl().toString(),
                                    "--project",
                                    out.resolve("refused.arbiter").toString())));
        }
        assertTrue(Files.readString(logs.resolve("refused.err")).contains("refused the API key (401)"));

        // A password in the base URL is refused before anything is opened or sent.
        try (OfflineServer server = OfflineServer.builder().port(0).apiKey(KEY).start()) {
            String withPassword = "http://arbiter:" + PASSWORD + "@127.0.0.1:" + server.port() + "/v1";
            assertEquals(
                    ArbiterCli.BAD_INPUT,
                    arbiter(
                            "password",
                            with(
                                    spec,
                                    "run",
                                    "--provider",
                                    withPassword,
                                    "--project",
                                    out.resolve("password.arbiter").toString())));
            assertEquals(0, server.counters().chatAttempts(), "nothing was sent");
        }
        assertTrue(Files.readString(logs.resolve("password.err")).contains("must not contain a user name or password"));
        assertFalse(Files.exists(out.resolve("password.arbiter")), "no project was created");

        // The Providers dialog's store: the profile is saved by its key's variable; with a password it is refused.
        ProviderSettingsStore store = ProviderSettingsStore.inDirectory(config);
        ProviderSettings saved = new ProviderSettings(
                "Canary gateway",
                "http://127.0.0.1:1/v1",
                VARIABLE,
                "offline-demo-base",
                "offline-demo-judge",
                0,
                64,
                null,
                1,
                0,
                0,
                true,
                null,
                null,
                null,
                null);
        store.save(List.of(saved));
        ProviderSettings withPassword = new ProviderSettings(
                "Canary gateway",
                "http://arbiter:" + PASSWORD + "@127.0.0.1:1/v1",
                VARIABLE,
                "offline-demo-base",
                "offline-demo-judge",
                0,
                64,
                null,
                1,
                0,
                0,
                true,
                null,
                null,
                null,
                null);
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> store.save(List.of(withPassword)));
        Files.writeString(
                logs.resolve("settings.err"), refused.getMessage() + "\n" + String.join("\n", withPassword.problems()));

        byte[] everything = readAll(dir);
        assertTrue(contains(everything, VARIABLE), "the scan sees the key's variable name");
        assertTrue(contains(everything, "(redacted)"), "the scan sees the redacted echoes");
        for (String secret : List.of(KEY, KEY.substring(0, 12), PASSWORD)) {
            for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                assertFalse(contains(everything, secret.getBytes(charset)), secret + " found in " + files(dir));
            }
        }
    }

    /** Runs arbiter in its own JVM with the key in its environment; stdout and stderr go to logs/NAME.out/.err. */
    private int arbiter(String name, List<String> args) throws Exception {
        List<String> command = ChildJvm.command("io.arbiter.Main", "-Djava.io.tmpdir=" + dir.resolve("tmp"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("logs").resolve(name + ".out").toFile())
                .redirectError(dir.resolve("logs").resolve(name + ".err").toFile());
        builder.environment().put(VARIABLE, KEY);
        builder.environment()
                .put(
                        ProviderSettingsStore.CONFIG_DIR_VARIABLE,
                        dir.resolve("config").toString());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), name + " did not finish");
        return process.exitValue();
    }

    private static List<String> with(List<String> spec, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(spec);
        return all;
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] readAll(Path root) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path file : files(root)) {
            all.write(Files.readAllBytes(file));
            all.write(0); // no match across two files
        }
        return all.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, needle.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
