package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ChildJvm;
import io.arbiter.core.dataset.Samples;
import io.arbiter.offline.OfflineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arbiter run --api-key-keychain} reads the key through the same resolver as the app: in a Linux session with no
 * D-Bus there is no keychain, and the run stops before any request with that reason in plain words.
 */
@EnabledOnOs(OS.LINUX)
class KeychainKeyCliTest {

    @TempDir
    Path dir;

    @Test
    void aKeychainKeyWithNoKeychainStopsTheRunBeforeAnyRequestAndSaysWhy() throws Exception {
        Path dataset = Files.writeString(dir.resolve("movies.csv"), Samples.text(Samples.MOVIES));
        Path base = Files.writeString(dir.resolve("base.txt"), Samples.text(Samples.MOVIES_BASE_PROMPT));
        Path judge = Files.writeString(dir.resolve("judge.txt"), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        Path log = dir.resolve("run.log");
        try (OfflineServer server = OfflineServer.start(0, "sk-never-sent-3b9d")) {
            List<String> command = ChildJvm.command("io.arbiter.Main");
            command.addAll(List.of(
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
                    "--api-key-keychain",
                    "Test provider",
                    "--base-model",
                    "offline-demo-base",
                    "--judge-model",
                    "offline-demo-judge",
                    "--json"));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("DBUS_SESSION_BUS_ADDRESS");
            Process process = builder.start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run did not finish");

            String output = Files.readString(log);
            assertNotEquals(0, process.exitValue(), output);
            assertTrue(output.contains("OS keychain") && output.contains("D-Bus"), output);
            assertEquals(0, server.chatRequests(), "nothing was sent without a key");
        }
    }
}
