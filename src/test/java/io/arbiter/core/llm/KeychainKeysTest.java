package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys kept in the OS keychain, resolved through the same {@link ApiKeys} as variables, against an in-memory store. */
class KeychainKeysTest {

    private static final String KEY = "sk-keychain-fake-7f3a9c21d4e8b605";

    private final InMemorySecretStore keychain = new InMemorySecretStore();
    private final ApiKeys keys = new ApiKeys(Map.of("OPENAI_API_KEY", "from-the-environment"), keychain);

    @Test
    void aKeychainProfileGetsTheStoredKeyAndNotTheVariable() throws Exception {
        keychain.write(ApiKeys.KEYCHAIN_SERVICE, "OpenAI", "  " + KEY + "\n");

        assertEquals(KEY, keys.keyFor(profile("OpenAI")));
        assertEquals(ApiKeys.KeyState.SET, keys.state(settings("OpenAI")));
    }

    @Test
    void anEmptyEntryStopsTheRunNamingTheEntry() {
        ChatFailure failure = assertThrows(ChatFailure.class, () -> keys.keyFor(profile("OpenAI")));

        assertTrue(failure.stopsRun());
        assertTrue(failure.getMessage().contains("Arbiter / OpenAI"), failure.getMessage());
        assertEquals(ApiKeys.KeyState.NOT_SET, keys.state(settings("OpenAI")));
    }

    @Test
    void anUnreachableKeychainSaysWhyAndNeverFallsBackToTheVariable() {
        ApiKeys without = new ApiKeys(
                Map.of("OPENAI_API_KEY", KEY),
                InMemorySecretStore.unavailable("No OS keychain found: this test has none."));

        ChatFailure failure = assertThrows(ChatFailure.class, () -> without.keyFor(profile("OpenAI")));

        assertTrue(failure.stopsRun());
        assertTrue(failure.getMessage().contains("this test has none"), failure.getMessage());
        assertFalse(failure.getMessage().contains(KEY), failure.getMessage());
        assertEquals(ApiKeys.KeyState.KEYCHAIN_UNAVAILABLE, without.state(settings("OpenAI")));
    }

    @Test
    void variableProfilesNeverTouchTheKeychain() throws Exception {
        ApiKeys variableOnly =
                new ApiKeys(Map.of("OPENAI_API_KEY", KEY), InMemorySecretStore.unavailable("must not be asked"));
        ProviderProfile fromVariable =
                new ProviderProfile("OpenAI", "https://api.openai.com/v1", "OPENAI_API_KEY", "b", "j", 0.0, 16, 1);

        assertEquals(KEY, variableOnly.keyFor(fromVariable));
        assertEquals(
                ApiKeys.KeyState.SET,
                variableOnly.state(ProviderSettings.of(ProviderPreset.ALL.stream()
                        .filter(p -> "OpenAI".equals(p.name()))
                        .findFirst()
                        .orElseThrow())));
    }

    @Test
    void removingTheKeyLeavesTheEntryEmpty() throws Exception {
        keychain.write(ApiKeys.KEYCHAIN_SERVICE, "OpenAI", KEY);
        keychain.delete(ApiKeys.KEYCHAIN_SERVICE, "OpenAI");
        keychain.delete(ApiKeys.KEYCHAIN_SERVICE, "OpenAI"); // twice is harmless

        assertEquals(ApiKeys.KeyState.NOT_SET, keys.state(settings("OpenAI")));
    }

    @Test
    void keychainSettingsNeedNoVariableAndKeepOnlyTheEntryName() {
        ProviderSettings s = settings("OpenAI");

        assertTrue(s.usable(), String.valueOf(s.problems()));
        assertTrue(s.keySourceIsAName());
        ProviderProfile p = s.profile(s.baseUrl());
        assertTrue(p.keyFromKeychain());
        assertEquals("OpenAI", p.keychainEntry());
        assertEquals(null, p.apiKeyEnv());
        assertEquals("the OS keychain (Arbiter / OpenAI)", ApiKeys.whereFrom(p));
    }

    @Test
    void noKeychainOnLinuxIsExplainedFromTheSessionNotAFixedText() {
        Exception none = new Exception("No available keyring backend found");

        assertTrue(OsKeychain.explain("Linux", Map.of(), none).contains("DBUS_SESSION_BUS_ADDRESS is not set"));
        String withBus =
                OsKeychain.explain("Linux", Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1/bus"), none);
        assertTrue(withBus.contains("Secret Service such as GNOME Keyring"), withBus);
        assertTrue(OsKeychain.explain("Mac OS X", Map.of(), none).contains("No available keyring backend found"));
    }

    private static ProviderSettings settings(String entry) {
        return new ProviderSettings(
                "OpenAI",
                "https://api.openai.com/v1",
                null,
                "gpt-4o-mini",
                "gpt-4o",
                0.0,
                256,
                null,
                16,
                0,
                0,
                true,
                null,
                null,
                null,
                null,
                entry);
    }

    private static ProviderProfile profile(String entry) {
        return settings(entry).profile("https://api.openai.com/v1");
    }

    @org.junit.jupiter.api.Test
    void onlyAMissingEntryReadsAsNoKeyNotARefusalOrALockedKeychain() {
        org.junit.jupiter.api.Assertions.assertTrue(OsKeychain.notFound(new RuntimeException("Password not found")));
        org.junit.jupiter.api.Assertions.assertTrue(OsKeychain.notFound(new RuntimeException(
                "wrapped",
                new IllegalStateException("The specified item could not be found in the keychain. (-25300)"))));
        org.junit.jupiter.api.Assertions.assertFalse(
                OsKeychain.notFound(new RuntimeException("User canceled the operation.")));
        org.junit.jupiter.api.Assertions.assertFalse(OsKeychain.notFound(new RuntimeException("Collection is locked")));
    }
}
