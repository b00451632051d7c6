package io.arbiter.core.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt with {{placeholders}}. The text above a line reading exactly {@code [user]} is the system message and
 * the text below it the user message; without that line the whole text is the system message and the row's input
 * columns become the user message, as the notebook this tool grew from sent them.
 */
public final class PromptTemplate {

    /** The line that separates the system message from the user message. */
    public static final String USER_MARKER = "[user]";

    /** A {{placeholder}}, its name (spaces inside the braces trimmed) in group 1: what rendering fills. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    private static final Pattern MARKER_LINE = Pattern.compile("(?m)^[ \\t]*\\[user][ \\t]*\\r?$");

    private final String text;
    private final String system;
    private final String user;

    public PromptTemplate(String text) {
        this.text = text == null ? "" : text;
        Matcher marker = MARKER_LINE.matcher(this.text);
        if (marker.find()) {
            system = this.text.substring(0, marker.start()).strip();
            user = this.text.substring(marker.end()).strip();
        } else {
            system = this.text.strip();
            user = null;
        }
    }

    /** The SHA-256 of {@code text} as UTF-8, in lower-case hex: what finds a prompt version, what an export names. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    public String text() {
        return text;
    }

    /** True when the template writes its own user message. */
    public boolean hasUserPart() {
        return user != null;
    }

    /** Placeholder names in order of first use, e.g. "Overview", "labels". */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Fills the placeholders from {@code values}; a name without a value is left as written so that it shows in a
     * preview (a run is refused before it gets here, see {@link PromptCheck}).
     *
     * @param defaultUser the user message to send when the template has no user part
     */
    public RenderedPrompt render(Map<String, String> values, String defaultUser) {
        String renderedUser = user == null ? defaultUser : fill(user, values);
        return new RenderedPrompt(fill(system, values), renderedUser);
    }

    private static String fill(String part, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(part);
        StringBuilder out = new StringBuilder(part.length() + 256);
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PromptTemplate t && t.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
