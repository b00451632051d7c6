package io.arbiter.core.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
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
    /** The two parts split at their placeholders once: a run renders them for every row and every stage. */
    private final Filler systemFiller;

    private final Filler userFiller;

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
        systemFiller = new Filler(system);
        userFiller = user == null ? null : new Filler(user);
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
        String renderedUser = userFiller == null ? defaultUser : userFiller.fill(values);
        return new RenderedPrompt(systemFiller.fill(values), renderedUser);
    }

    /**
     * A part of the template split at its {@link #PLACEHOLDER placeholders}: filling it appends the text between them
     * and the values into a buffer of the exact length, where matching the pattern again for every row allocated
     * several times the prompt (measured in docs/PERFORMANCE.md, issue 17).
     */
    private static final class Filler {

        /** The text before each placeholder, then the text after the last: one more than {@link #names}. */
        private final String[] between;
        /** Each placeholder's name, and how it is written (kept when there is no value). */
        private final String[] names;

        private final String[] written;

        Filler(String part) {
            List<String> texts = new ArrayList<>();
            List<String> found = new ArrayList<>();
            List<String> as = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(part);
            int end = 0;
            while (m.find()) {
                texts.add(part.substring(end, m.start()));
                found.add(m.group(1));
                as.add(m.group());
                end = m.end();
            }
            texts.add(part.substring(end));
            between = texts.toArray(String[]::new);
            names = found.toArray(String[]::new);
            written = as.toArray(String[]::new);
        }

        String fill(Map<String, String> values) {
            if (names.length == 0) {
                return between[0];
            }
            String[] filled = new String[names.length];
            int length = between[names.length].length();
            for (int i = 0; i < names.length; i++) {
                String value = values.get(names[i]);
                filled[i] = value == null ? written[i] : value;
                length += between[i].length() + filled[i].length();
            }
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < names.length; i++) {
                out.append(between[i]).append(filled[i]);
            }
            return out.append(between[names.length]).toString();
        }
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
