package io.arbiter.core.llm;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider profiles that refused {@code response_format}, so that a profile set to {@link StructuredOutput#AUTO}
 * asks in plain text from then on, without a failed first try each time. A profile is known by its name and base
 * URL: another URL is another provider, which may well accept it. Kept for the life of the process (the workbench's
 * session, one {@code arbiter run}), not in the settings file: Settings saves its whole list of profiles at once, so a
 * run writing a refusal there could lose an edit or be lost under one; a new session pays one refused request (a 400,
 * which costs nothing) per profile to find out again.
 */
public final class StructuredOutputRefusals {

    private static final StructuredOutputRefusals PROCESS = new StructuredOutputRefusals();

    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** The refusals every run in this process shares. */
    public static StructuredOutputRefusals process() {
        return PROCESS;
    }

    /** Whether a judge request for this profile carries its scheme's schema: on always, off never, auto until refused. */
    public boolean asks(ProviderProfile profile) {
        return switch (profile.structuredOutput()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> !refused(profile);
        };
    }

    public boolean refused(ProviderProfile profile) {
        return refused.contains(key(profile));
    }

    public void remember(ProviderProfile profile) {
        refused.add(key(profile));
    }

    /**
     * Whether the failure is the provider refusing the parameter: a 400 whose error names {@code response_format} as
     * its parameter, or whose message speaks of {@code response_format} or {@code json_schema} (providers that give no
     * parameter say so in words).
     */
    public static boolean isRefusal(ChatFailure failure) {
        if (failure.statusCode().orElse(0) != 400) {
            return false;
        }
        if (failure.param().filter("response_format"::equals).isPresent()) {
            return true;
        }
        String message =
                failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("response_format") || message.contains("json_schema");
    }

    private static String key(ProviderProfile profile) {
        String url = profile.baseUrl() == null ? "" : profile.baseUrl().strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return profile.name() + "\n" + url;
    }
}
