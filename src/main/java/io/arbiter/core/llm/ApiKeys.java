package io.arbiter.core.llm;

import java.util.Map;
import java.util.Optional;

/**
 * The one place a profile's key reference becomes the key: an environment variable or an OS keychain entry, read at
 * the last moment and only in memory. Runs, "Test connection", the CLI and the provider bar's key hint all ask here,
 * so they agree on whether a key is there and say the same thing when it is not.
 */
public final class ApiKeys {

    /** Sent to providers that take no key; the SDK insists on having one. */
    public static final String NO_KEY = "no-key";
    /** The keychain service every Arbiter key is kept under; the account is the profile's keychain entry. */
    public static final String KEYCHAIN_SERVICE = "Arbiter";

    /** Whether a profile's key is there, for hints and status lines; never the key. */
    public enum KeyState {
        NOT_NEEDED,
        SET,
        NOT_SET,
        NOT_A_VARIABLE_NAME,
        KEYCHAIN_UNAVAILABLE
    }

    /** Built on first use, so a process that never asks opens no keychain. */
    private static final class ProcessKeys {
        static final ApiKeys KEYS = new ApiKeys(System.getenv(), OsKeychain.shared());
    }

    private final Map<String, String> environment;
    private final SecretStore keychain;

    /**
     * @param environment where key variables are looked up
     * @param keychain    where keychain keys are kept; only touched for profiles whose key comes from there
     */
    public ApiKeys(Map<String, String> environment, SecretStore keychain) {
        this.environment = Map.copyOf(environment);
        this.keychain = keychain;
    }

    /** Arbiter's own environment and the OS keychain. */
    public static ApiKeys system() {
        return ProcessKeys.KEYS;
    }

    public static String resolve(ProviderProfile profile) throws ChatFailure {
        return system().keyFor(profile);
    }

    static String resolve(ProviderProfile profile, Map<String, String> environment) throws ChatFailure {
        return new ApiKeys(environment, InMemorySecretStore.unavailable("No keychain in this test.")).keyFor(profile);
    }

    public SecretStore keychain() {
        return keychain;
    }

    /** The key for {@code profile}, or a failure that stops the run and says where the key was looked for. */
    public String keyFor(ProviderProfile profile) throws ChatFailure {
        if (!profile.needsKey()) {
            return NO_KEY;
        }
        if (profile.keyFromKeychain()) {
            return fromKeychain(profile.name(), profile.keychainEntry().strip());
        }
        String variable = profile.apiKeyEnv().strip();
        if (!ProviderInput.isEnvironmentName(variable) || ProviderInput.looksLikeAKey(variable)) {
            // Someone may have pasted the key itself where its variable's name belongs: never repeat it.
            throw new ChatFailure(
                    "The API key source for " + profile.name()
                            + " is not an environment variable name; give the name of the variable that holds the key.",
                    true,
                    null);
        }
        String key = environment.get(profile.apiKeyEnv().strip());
        if (key == null || key.isBlank()) {
            throw new ChatFailure(
                    "The API key for " + profile.name() + " is read from the environment variable "
                            + profile.apiKeyEnv().strip() + ", which is not set.",
                    true,
                    null);
        }
        return key.strip();
    }

    /** Whether the key of {@code settings} can be had. Reads the keychain for a keychain key, which may block. */
    public KeyState state(ProviderSettings settings) {
        if (!settings.needsKey()) {
            return KeyState.NOT_NEEDED;
        }
        if (settings.keyFromKeychain()) {
            if (!keychain.available()) {
                return KeyState.KEYCHAIN_UNAVAILABLE;
            }
            try {
                return keychain.read(KEYCHAIN_SERVICE, settings.keychainEntry().strip())
                                .isPresent()
                        ? KeyState.SET
                        : KeyState.NOT_SET;
            } catch (SecretStoreException e) {
                return KeyState.KEYCHAIN_UNAVAILABLE;
            }
        }
        if (!settings.keySourceIsAName()) {
            return KeyState.NOT_A_VARIABLE_NAME;
        }
        return settings.keyAvailable(environment) ? KeyState.SET : KeyState.NOT_SET;
    }

    /** Where the key of {@code profile} is read from, for messages: never the key. */
    public static String whereFrom(ProviderProfile profile) {
        return profile.keyFromKeychain()
                ? "the OS keychain (" + KEYCHAIN_SERVICE + " / "
                        + profile.keychainEntry().strip() + ")"
                : "$" + profile.apiKeyEnv().strip();
    }

    private String fromKeychain(String profileName, String entry) throws ChatFailure {
        Optional<String> reason = keychain.unavailableReason();
        if (reason.isPresent()) {
            throw new ChatFailure(
                    "The API key for " + profileName + " is kept in the OS keychain, which cannot be " + "used here. "
                            + reason.get(),
                    true,
                    null);
        }
        Optional<String> key;
        try {
            key = keychain.read(KEYCHAIN_SERVICE, entry);
        } catch (SecretStoreException e) {
            throw new ChatFailure(
                    "The API key for " + profileName + " could not be read from the OS keychain: " + e.getMessage(),
                    true,
                    null);
        }
        if (key.isEmpty() || key.get().isBlank()) {
            throw new ChatFailure(
                    "The API key for " + profileName + " is read from the OS keychain entry " + KEYCHAIN_SERVICE + " / "
                            + entry + ", which holds no key; store it under Providers….",
                    true,
                    null);
        }
        return key.get().strip();
    }
}
