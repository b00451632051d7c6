package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ChildJvm;
import io.arbiter.core.dataset.Samples;
import io.arbiter.offline.OfflineServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key is in the environment of a real {@code arbiter run} process, the provider demands it, and afterwards not
 * one byte of the project file (nor its -wal and -shm) holds it; the stored configuration re-runs from the
 * variable's name alone.
 */
class ProjectKeySafetyTest {

    private static final String VARIABLE = "ARBITER_TEST_KEY";
    private static final String KEY = "sk-arbiter-test-9c27e1f04b6d38a5";

    @TempDir
    Path dir;

    @Test
    void aRunWithAKeyInItsEnvironmentLeavesNoTraceOfItInTheProject() throws Exception {
        Path inputs = Files.createDirectory(dir.resolve("inputs"));
        Path projectDir = Files.createDirectory(dir.resolve("project"));
        Path dataset = Files.writeString(inputs.resolve("movies.csv"), Samples.text(Samples.MOVIES));
        Path base = Files.writeString(inputs.resolve("base.txt"), Samples.text(Samples.MOVIES_BASE_PROMPT));
        Path judge = Files.writeString(inputs.resolve("judge.txt"), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        Path project = projectDir.resolve("p.arbiter");
        try (OfflineServer server = OfflineServer.start(0, KEY)) {
            run(
                    dir.resolve("first.log"),
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
                    server.baseUrl().toString(),
                    "--api-key-env",
                    VARIABLE,
                    "--base-model",
                    "offline-demo-base",
                    "--judge-model",
                    "offline-demo-judge",
                    "--project",
                    project.toString(),
                    "--json");
            assertTrue(server.chatRequests() > 0, "the provider was asked, with the key");
            assertNoKeyIn(projectDir);
            run(dir.resolve("second.log"), "run", "--project", project.toString(), "--json");
        }
        assertNoKeyIn(projectDir);
    }

    private static void run(Path log, String... args) throws Exception {
        List<String> command = ChildJvm.command("io.arbiter.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(VARIABLE, KEY);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run did not finish");
        assertEquals(0, process.exitValue(), Files.readString(log));
    }

    private static void assertNoKeyIn(Path dir) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.toList();
        }
        for (Path file : files) {
            all.write(Files.readAllBytes(file));
        }
        byte[] bytes = all.toByteArray();
        assertTrue(indexOf(bytes, VARIABLE.getBytes(StandardCharsets.UTF_8)) >= 0, "the scan sees the variable's name");
        for (byte[] key : List.of(
                KEY.getBytes(StandardCharsets.UTF_8),
                KEY.getBytes(StandardCharsets.UTF_16LE),
                KEY.getBytes(StandardCharsets.UTF_16BE),
                KEY.substring(0, 14).getBytes(StandardCharsets.UTF_8))) {
            assertFalse(indexOf(bytes, key) >= 0, "key found in " + files);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
