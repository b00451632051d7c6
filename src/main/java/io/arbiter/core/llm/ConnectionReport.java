package io.arbiter.core.llm;

import java.util.List;

/**
 * What "Test connection" found, said in plain words.
 *
 * @param reachable whether anything answered at the URL (a 401 counts: something is there)
 * @param key       what became of the API key
 * @param models    the model ids the provider lists; empty unless the list could be read
 * @param message   one paragraph for the user
 * @param warnings  lines about the chosen models, e.g. one the provider does not list
 */
public record ConnectionReport(boolean reachable, Key key, List<String> models, String message, List<String> warnings) {

    /** The key's fate. */
    public enum Key {
        /** The provider takes no key (local servers, the offline demo). */
        NOT_NEEDED,
        /** The provider answered with the key we sent. */
        ACCEPTED,
        /** The provider answered 401 or 403. */
        REFUSED,
        /** The key's variable is not set, or is not a variable name, so nothing was sent. */
        MISSING,
        /** Nothing answered, so the key could not be tried. */
        UNTRIED
    }

    public ConnectionReport {
        models = List.copyOf(models);
        warnings = List.copyOf(warnings);
    }

    /** Reached, key (if any) accepted and the models listed. */
    public boolean ok() {
        return reachable && (key == Key.ACCEPTED || key == Key.NOT_NEEDED);
    }

    /** The message followed by the warnings, one per line. */
    public String text() {
        return warnings.isEmpty() ? message : message + "\n" + String.join("\n", warnings);
    }
}
