package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderSettingsStoreTest {

    private static final String FAKE_KEY = "sk-fake-9f8e7d6c5b4a3210ZYXW";

    @TempDir
    Path dir;

    private static ProviderSettings custom() {
        return new ProviderSettings(
                "Team vLLM",
                "https://llm.example.org/v1",
                "TEAM_LLM_KEY",
                "qwen2.5-7b",
                "qwen2.5-72b",
                0.2,
                128,
                42,
                32,
                600,
                200_000,
                false,
                0.1,
                0.2,
                0.9,
                1.8);
    }

    @Test
    void settingsAreWrittenAndReadBackWithoutAnyKey() throws Exception {
        Map<String, String> environment = Map.of("TEAM_LLM_KEY", FAKE_KEY, "OPENAI_API_KEY", FAKE_KEY);
        List<ProviderSettings> list = List.of(ProviderSettings.presets().get(1), custom());
        assertTrue(list.stream().allMatch(p -> p.keyAvailable(environment)), "keys resolve from the given environment");
        ProviderSettingsStore store = ProviderSettingsStore.inDirectory(dir.resolve("nested"));

        store.save(list);
        ProviderSettingsStore.Loaded loaded = store.load();

        assertNull(loaded.problem());
        assertEquals(list, loaded.providers());
        String bytes = Files.readString(store.file(), StandardCharsets.UTF_8);
        assertTrue(bytes.contains("TEAM_LLM_KEY"), "the reference is kept");
        assertFalse(bytes.contains(FAKE_KEY), "the key never is");
        assertFalse(bytes.contains("fake"), bytes);
        try (var files = Files.list(store.file().getParent())) {
            assertEquals(List.of(store.file()), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void noFileGivesThePresets() {
        ProviderSettingsStore.Loaded loaded =
                ProviderSettingsStore.inDirectory(dir).load();
        assertEquals(ProviderSettings.presets(), loaded.providers());
        assertFalse(loaded.fromPresets());
    }

    @Test
    void aCorruptFileIsNamedAndLeftAlone() throws Exception {
        ProviderSettingsStore store = ProviderSettingsStore.inDirectory(dir);
        byte[] garbage = "{\"version\": 1, \"providers\": [ {\"name\": \"half".getBytes(StandardCharsets.UTF_8);
        Files.write(store.file(), garbage);

        ProviderSettingsStore.Loaded loaded = store.load();

        assertTrue(loaded.fromPresets());
        assertEquals(ProviderSettings.presets(), loaded.providers());
        assertTrue(loaded.problem().contains(store.file().toString()), loaded.problem());
        assertArrayEquals(garbage, Files.readAllBytes(store.file()), "not overwritten");
    }

    @Test
    void anEmptyListIsNotMistakenForSettings() throws Exception {
        ProviderSettingsStore store = ProviderSettingsStore.inDirectory(dir);
        Files.writeString(store.file(), "{\"version\":1,\"providers\":[]}");
        assertTrue(store.load().fromPresets());
    }

    @Test
    void aKeyPastedAsTheVariableNameIsNeverWritten() throws Exception {
        ProviderSettings c = custom();
        ProviderSettings pasted = new ProviderSettings(
                c.name(),
                c.baseUrl(),
                FAKE_KEY,
                c.baseModel(),
                c.judgeModel(),
                0,
                1,
                null,
                1,
                0,
                0,
                false,
                null,
                null,
                null,
                null);
        ProviderSettingsStore store = ProviderSettingsStore.inDirectory(dir);

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> store.save(List.of(pasted)));

        assertFalse(refused.getMessage().contains(FAKE_KEY));
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void theConfigDirectoryVariableWins() {
        assertEquals(
                Path.of("/tmp/cfg", "providers.json"),
                ProviderSettingsStore.defaultFile(Map.of("ARBITER_CONFIG_DIR", "/tmp/cfg"), "/home/u"));
        assertEquals(
                Path.of("/home/u", ".config", "arbiter", "providers.json"),
                ProviderSettingsStore.defaultFile(Map.of(), "/home/u"));
    }

    @Test
    void aBaseUrlWithAPasswordIsNeverWritten() throws Exception {
        ProviderSettings c = custom();
        ProviderSettings withPassword = new ProviderSettings(
                c.name(),
                "https://team:hunter2-canary@llm.example.org/v1",
                c.apiKeyEnv(),
                c.baseModel(),
                c.judgeModel(),
                0,
                1,
                null,
                1,
                0,
                0,
                false,
                null,
                null,
                null,
                null);
        ProviderSettingsStore store = ProviderSettingsStore.inDirectory(dir);

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> store.save(List.of(c, withPassword)));

        assertFalse(refused.getMessage().contains("hunter2-canary"), refused.getMessage());
        assertFalse(Files.exists(store.file()));
    }
}
