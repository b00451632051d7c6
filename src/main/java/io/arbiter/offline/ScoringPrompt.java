package io.arbiter.offline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the demo model reads from a rendered rubric-judge prompt, the way an LLM would: that it is asked for a score
 * ("Score:" in the instructions and a range such as "1 to 5"), the scale, and the question, reference answer and
 * answer under review, found under headings such as "Reference answer:" in the user message (else anywhere).
 */
record ScoringPrompt(String question, String reference, String answer, int low, int high) {

    private static final Pattern ASKS_FOR_SCORE = Pattern.compile("(?i)\\bscore\\s*:");
    /** "a scale of 1 to 5", "score from 0-10": a range named near the word scale or score wins. */
    private static final Pattern NAMED_RANGE =
            Pattern.compile("(?i)\\b(?:scale|score)\\b[^\\n.]{0,40}?\\b(\\d{1,2})\\s*(?:to|-|\u2013)\\s*(\\d{1,2})\\b");

    private static final Pattern ANY_RANGE = Pattern.compile("\\b(\\d{1,2}) to (\\d{1,2})\\b");
    /** A heading line: a few words naming a part, a colon, and maybe the part's text on the same line. */
    private static final Pattern HEADING =
            Pattern.compile("(?m)^[ \\t]*(?:#+[ \\t]*)?\\[?([\\p{L}'\u2019 ]{1,40}?)]?[ \\t]*:[ \\t]*(.*)$");

    private static final int DEFAULT_LOW = 1;
    private static final int DEFAULT_HIGH = 5;
    private static final int TOP_OF_ANY_SCALE = 10;

    /** The prompt as a scoring request, or empty when it asks for something else (a label, a verdict). */
    static Optional<ScoringPrompt> read(String system, String user) {
        String all = system + "\n" + user;
        if (!ASKS_FOR_SCORE.matcher(all).find()) {
            return Optional.empty();
        }
        // A literal {{scale}} is a template rendered without one: the default scale is what it would have said.
        Range scale = scale(system)
                .or(() -> scale(user))
                .orElse(all.contains("{{scale}}") ? new Range(DEFAULT_LOW, DEFAULT_HIGH) : null);
        if (scale == null) {
            return Optional.empty();
        }
        Map<String, String> parts = parts(user);
        if (!parts.containsKey("answer")) {
            parts = parts(all);
        }
        return Optional.of(new ScoringPrompt(
                parts.getOrDefault("question", ""),
                parts.getOrDefault("reference", ""),
                parts.getOrDefault("answer", ""),
                scale.low(),
                scale.high()));
    }

    private record Range(int low, int high) {}

    private static Optional<Range> scale(String text) {
        for (Pattern pattern : new Pattern[] {NAMED_RANGE, ANY_RANGE}) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int low = Integer.parseInt(m.group(1));
                int high = Integer.parseInt(m.group(2));
                if (low < high && high <= TOP_OF_ANY_SCALE) {
                    return Optional.of(new Range(low, high));
                }
            }
        }
        return Optional.empty();
    }

    /** The text under each heading that names a question, a reference or an answer, up to the next such heading. */
    private static Map<String, String> parts(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher m = HEADING.matcher(text);
        String open = null;
        int openedAt = 0;
        while (m.find()) {
            String part = partNamed(m.group(1));
            if (part == null) {
                continue;
            }
            if (open != null) {
                parts.putIfAbsent(open, text.substring(openedAt, m.start()).strip());
            }
            open = part;
            openedAt = m.start(2);
        }
        if (open != null) {
            parts.putIfAbsent(open, text.substring(openedAt).strip());
        }
        parts.replaceAll((name, value) -> unquote(value));
        return parts;
    }

    private static String partNamed(String heading) {
        String words = heading.toLowerCase(Locale.ROOT);
        if (words.split("\\s+").length > 4) {
            return null; // a sentence that happens to end in a colon, not a heading
        }
        if (words.contains("reference") || words.contains("expected") || words.contains("gold")) {
            return "reference";
        }
        if (words.contains("answer") || words.contains("response") || words.contains("reply")) {
            return "answer";
        }
        return words.contains("question") || words.contains("query") ? "question" : null;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("\u201c") && value.endsWith("\u201d"));
        return quoted ? value.substring(1, value.length() - 1).strip() : value;
    }
}
