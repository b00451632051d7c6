package io.arbiter.core.llm;

import java.util.Map;

/** Resolves a profile's key reference to the key itself, at the last moment and only in memory. */
public final class ApiKeys {

    /** Sent to providers that take no key; the SDK insists on having one. */
    public static final String NO_KEY = "no-key";

    private ApiKeys() {
    }

    public static String resolve(ProviderProfile profile) throws ChatFailure {
        return resolve(profile, System.getenv());
    }

    static String resolve(ProviderProfile profile, Map<String, String> environment) throws ChatFailure {
        if (!profile.needsKey()) {
            return NO_KEY;
        }
        if (!profile.apiKeyEnv().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            // Someone may have pasted the key itself where its variable's name belongs: never repeat it.
            throw new ChatFailure("The API key source for " + profile.name()
                    + " is not an environment variable name; give the name of the variable that holds the key.", true, null);
        }
        String key = environment.get(profile.apiKeyEnv());
        if (key == null || key.isBlank()) {
            throw new ChatFailure("The API key for " + profile.name() + " is read from the environment variable "
                    + profile.apiKeyEnv() + ", which is not set.", true, null);
        }
        return key.strip();
    }
}
