package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String KEY = "secret-key";

    @Test
    void keyIsReadFromTheProfilesVariableAndTrimmed() throws ChatFailure {
        assertEquals(KEY, ApiKeys.resolve(profile("ARBITER_KEY"), Map.of("ARBITER_KEY", "  " + KEY + "\n")));
    }

    @Test
    void providerWithoutAKeyVariableGetsThePlaceholderKey() throws ChatFailure {
        Map<String, String> environment = Map.of("ARBITER_KEY", KEY);

        assertEquals(ApiKeys.NO_KEY, ApiKeys.resolve(profile(null), environment));
        assertEquals(ApiKeys.NO_KEY, ApiKeys.resolve(profile("  "), environment));
    }

    @Test
    void unsetVariableStopsTheRunAndNamesTheVariableButNoKey() {
        Map<String, String> environment = Map.of("OTHER_KEY", KEY);

        ChatFailure failure =
                assertThrows(ChatFailure.class, () -> ApiKeys.resolve(profile("ARBITER_KEY"), environment));

        assertTrue(failure.stopsRun());
        assertTrue(failure.getMessage().contains("ARBITER_KEY"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Test provider"), failure.getMessage());
        assertFalse(failure.getMessage().contains(KEY), failure.getMessage());
    }

    @Test
    void blankVariableCountsAsUnset() {
        ChatFailure failure = assertThrows(
                ChatFailure.class, () -> ApiKeys.resolve(profile("ARBITER_KEY"), Map.of("ARBITER_KEY", "   ")));

        assertTrue(failure.stopsRun());
        assertTrue(failure.getMessage().contains("ARBITER_KEY"), failure.getMessage());
    }

    private static ProviderProfile profile(String apiKeyEnv) {
        return new ProviderProfile("Test provider", "http://127.0.0.1:1/v1", apiKeyEnv, "base", "judge", 0.0, 16, 1);
    }

    @Test
    void aKeyPastedWhereItsVariableNameBelongsIsNeverRepeated() {
        String pasted = "sk-proj-abc123";
        ChatFailure failure = assertThrows(ChatFailure.class, () -> ApiKeys.resolve(profile(pasted), Map.of()));
        assertTrue(failure.stopsRun());
        assertFalse(failure.getMessage().contains(pasted), failure.getMessage());
        assertTrue(failure.getMessage().contains("not an environment variable name"), failure.getMessage());
    }
}
