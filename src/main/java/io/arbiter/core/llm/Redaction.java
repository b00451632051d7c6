package io.arbiter.core.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes API keys out of text a provider sent back before it is shown, logged or stored: some providers and proxies
 * echo the key ("Incorrect API key provided: sk-…") or the whole {@code Authorization} header in an error body.
 * Replaces the key in use wherever it appears, any {@code Bearer <token>}, any {@code Authorization:} value and any
 * token shaped like a provider key ({@code sk-…}, {@code gsk_…}, {@code xai-…}).
 */
public final class Redaction {

    /** What a key becomes; a short prefix such as {@code sk-} is kept so a user can still tell which key it was. */
    public static final String REDACTED = "…(redacted)";

    private static final Pattern AUTHORIZATION =
            Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)(?:bearer\\s+|basic\\s+)?[^\\s\",;}]+");
    /** A token may hold dots (a JWT) but does not end in one: "Bearer abc." ends a sentence. */
    private static final Pattern BEARER =
            Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=*\\-]{5,}[A-Za-z0-9_~+/=*\\-]");

    private static final Pattern KEY_SHAPED = Pattern.compile("\\b(sk|gsk|xai|rk|pk)([-_])[A-Za-z0-9_*\\-]{6,}");
    private static final Pattern PREFIX = Pattern.compile("^([A-Za-z]{2,4}[-_])");
    /** Shorter keys are not looked for by value: "no-key" or a test's "x" would redact ordinary words. */
    private static final int SHORTEST_KEY = 8;

    private Redaction() {}

    /** {@code text} with every key-shaped token and any {@code Bearer}/{@code Authorization} value redacted. */
    public static String redact(String text) {
        return redact(text, null);
    }

    /**
     * {@code text} with {@code keyInUse} (when given and not trivially short) and every key-shaped token redacted;
     * null stays null.
     */
    public static String redact(String text, String keyInUse) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (keyInUse != null && keyInUse.strip().length() >= SHORTEST_KEY) {
            String key = keyInUse.strip();
            out = out.replace(key, prefixOf(key) + REDACTED);
        }
        out = AUTHORIZATION.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + REDACTED));
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + REDACTED));
        out = KEY_SHAPED.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + REDACTED));
        return out;
    }

    /** "sk-" of "sk-abc…", "gsk_" of "gsk_abc…"; nothing for a key without such a prefix. */
    private static String prefixOf(String key) {
        Matcher prefix = PREFIX.matcher(key);
        return prefix.find() ? prefix.group(1) : "";
    }
}
