package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    private static Map<String, ProviderSettings> presetsByName() {
        return ProviderSettings.presets().stream()
                .collect(Collectors.toMap(ProviderSettings::name, Function.identity()));
    }

    private static ProviderSettings openAi() {
        return presetsByName().get("OpenAI");
    }

    @Test
    void everyPresetIsUsableAsShipped() {
        for (ProviderSettings preset : ProviderSettings.presets()) {
            assertEquals(List.of(), preset.problems(), preset.name());
        }
        assertEquals(ProviderPreset.ALL.size(), ProviderSettings.presets().size());
    }

    @Test
    void presetsCarryTheBatchAndLocalFacts() {
        Map<String, ProviderSettings> presets = presetsByName();
        assertTrue(presets.get("OpenAI").hasBatchApi());
        assertTrue(presets.get("kluster.ai").hasBatchApi());
        assertTrue(presets.get("Groq").hasBatchApi());
        assertTrue(presets.get("Together").hasBatchApi());
        ProviderSettings ollama = presets.get("Ollama (local)");
        assertEquals("http://localhost:11434/v1", ollama.baseUrl());
        assertFalse(ollama.hasBatchApi(), "Ollama is realtime only");
        assertFalse(presets.get("LM Studio (local)").hasBatchApi());
        assertEquals(
                "http://localhost:1234/v1", presets.get("LM Studio (local)").baseUrl());
        assertFalse(presets.get("vLLM server (local)").hasBatchApi());
        ProviderSettings offline = presets.get(ProviderPreset.OFFLINE_NAME);
        assertTrue(offline.offline());
        assertNull(offline.apiKeyEnv());
        assertEquals("OPENAI_API_KEY", presets.get("OpenAI").apiKeyEnv());
        assertNull(presets.get("OpenAI").baseInputPrice(), "no guessed prices that go stale");
    }

    @Test
    void profileMapsOntoTheRunProfile() {
        ProviderSettings offline = presetsByName().get(ProviderPreset.OFFLINE_NAME);
        ProviderProfile profile = offline.profile("http://127.0.0.1:5555/v1");
        assertEquals("http://127.0.0.1:5555/v1", profile.baseUrl());
        assertEquals("offline-demo-base", profile.baseModel());
        assertEquals("offline-demo-judge", profile.judgeModel());
        assertFalse(profile.needsKey());
        assertEquals("OPENAI_API_KEY", openAi().profile(openAi().baseUrl()).apiKeyEnv());
    }

    @Test
    void problemsAreNamedInPlainWords() {
        ProviderSettings bad = new ProviderSettings(
                " ", "ftp://x", "OPENAI_API_KEY", "", "m", 2.5, 0, null, 0, -1, 0, false, -1.0, null, null, null);
        List<String> problems = bad.problems();
        assertTrue(problems.contains("Give the provider a name."), problems::toString);
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("The base URL must start with http")), problems::toString);
        assertTrue(problems.contains("Choose a base model."));
        assertTrue(problems.contains("Temperature must be between 0 and 2."));
        assertTrue(problems.contains("Max tokens must be at least 1."));
        assertTrue(problems.contains("Concurrency must be 1 to 512."));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Rate limits")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Prices")));
        assertFalse(bad.usable());
        ProviderSettings tooMany = new ProviderSettings(
                "x", "https://a/v1", null, "m", "m", 0, 1, null, 513, 0, 0, false, null, null, null, null);
        assertEquals(List.of("Concurrency must be 1 to 512."), tooMany.problems());
    }

    @Test
    void aPastedKeyIsRefusedWithoutBeingRepeated() {
        for (String pasted : List.of("sk-proj-abc123DEF456ghi789JKL", "gsk_8fJ2kL9qR3tV6wX1yZ4aB7cD0eF5gH")) {
            ProviderSettings s = withKeyEnv(pasted);
            assertFalse(s.problems().isEmpty(), pasted);
            assertTrue(s.problems().stream().noneMatch(p -> p.contains(pasted)), s.problems()::toString);
            assertFalse(s.keyAvailable(Map.of(pasted, "x")));
        }
        assertEquals(List.of(), withKeyEnv("MY_OPENAI_KEY").problems());
    }

    @Test
    void keyAvailabilityLooksAtTheEnvironmentOnly() {
        ProviderSettings s = openAi();
        assertTrue(s.keyAvailable(Map.of("OPENAI_API_KEY", "sk-test")));
        assertFalse(s.keyAvailable(Map.of("OPENAI_API_KEY", " ")));
        assertFalse(s.keyAvailable(Map.of()));
        assertTrue(presetsByName().get("Ollama (local)").keyAvailable(Map.of()));
    }

    private static ProviderSettings withKeyEnv(String env) {
        ProviderSettings o = openAi();
        return new ProviderSettings(
                o.name(),
                o.baseUrl(),
                env,
                o.baseModel(),
                o.judgeModel(),
                0,
                256,
                null,
                16,
                0,
                0,
                true,
                null,
                null,
                null,
                null);
    }

    @Test
    void aBaseUrlWithAPasswordIsRefusedWithoutRepeatingIt() {
        String password = "canary-pass-5b1e";
        ProviderSettings o = openAi();
        ProviderSettings withPassword = new ProviderSettings(
                o.name(),
                "https://arbiter:" + password + "@api.example.test/v1",
                o.apiKeyEnv(),
                o.baseModel(),
                o.judgeModel(),
                0,
                64,
                null,
                4,
                0,
                0,
                true,
                null,
                null,
                null,
                null);

        List<String> problems = withPassword.problems();
        IllegalArgumentException profile = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> withPassword.profile(withPassword.baseUrl()));

        assertEquals(List.of(ProviderInput.USER_INFO_REFUSED + "."), problems);
        assertFalse(problems.toString().contains(password));
        assertFalse(profile.getMessage().contains(password), profile.getMessage());
        assertFalse(profile.getMessage().contains("arbiter:"), profile.getMessage());
    }

    @Test
    void userInfoIsFoundInEveryShapeOfUrlButNotInPathsOrQueries() {
        assertTrue(ProviderInput.hasUserInfo("http://user:pass@host/v1"));
        assertTrue(ProviderInput.hasUserInfo(" https://user@host:8080/v1 "));
        assertTrue(ProviderInput.hasUserInfo("http://:pass@host"));
        assertTrue(ProviderInput.hasUserInfo("http://us er:p@ss@host/v1"), "malformed, still caught");
        assertFalse(ProviderInput.hasUserInfo("https://api.openai.com/v1"));
        assertFalse(ProviderInput.hasUserInfo("http://host/v1/users/me@example.org"));
        assertFalse(ProviderInput.hasUserInfo("http://host/v1?owner=a@b"));
        assertFalse(ProviderInput.hasUserInfo("offline"));
        assertFalse(ProviderInput.hasUserInfo(null));
    }
}
