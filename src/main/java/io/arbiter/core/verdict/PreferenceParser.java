package io.arbiter.core.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pairwise judge's verdict after any reasoning (MT-Bench's forms): {@code [[A]]}, {@code [[B]]} or
 * {@code [[C]]} (a tie), a JSON object {@code {"winner": "A" | "B" | "tie", "reasoning": …}} bare or fenced, or a
 * final line that says only A, B or tie ("Winner: B", "**tie**."). The last verdict in the text decides; anything
 * else is UNPARSED, never guessed. A and B are places: the answer shown first and second.
 */
public final class PreferenceParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern BRACKETED = Pattern.compile("\\[\\[\\s*([ABCabc])\\s*]]");
    /** A JSON object with no nested object, the shape judges are asked for. */
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");
    /** A lead-in before a verdict on the last line: "Winner:", "Final verdict -", "Answer =". */
    private static final Pattern LEAD_IN = Pattern.compile(
            "(?i)^(?:the\\s+)?(?:final\\s+)?(?:winner|verdict|answer|preference|better)\\s*(?:is)?\\s*[:=\\-]?\\s*");

    public JudgePreference parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return JudgePreference.unparsed(raw);
        }
        Found bracketed = lastBracketed(raw);
        Found json = lastJson(raw);
        Found last = json == null ? bracketed : bracketed == null || json.end >= bracketed.end ? json : bracketed;
        if (last == null) {
            return lastLine(raw).orElseGet(() -> JudgePreference.unparsed(raw));
        }
        if (last.winner == null) {
            return JudgePreference.unparsed(raw); // the judge answered in that form, but with no A, B or tie
        }
        String reasoning = last.reasoning != null ? last.reasoning : raw.substring(0, last.start);
        return new JudgePreference(raw, last.winner, reasoning);
    }

    /** Where a verdict was found, and reasoning given with it (JSON only); winner null when it named none. */
    private record Found(Preference winner, int start, int end, String reasoning) {}

    private static Found lastBracketed(String raw) {
        Found last = null;
        Matcher m = BRACKETED.matcher(raw);
        while (m.find()) {
            last = new Found(place(m.group(1).equalsIgnoreCase("C") ? "tie" : m.group(1)), m.start(), m.end(), null);
        }
        return last;
    }

    private static Found lastJson(String raw) {
        Found last = null;
        Matcher m = OBJECT.matcher(raw);
        while (m.find()) {
            try {
                JsonNode node = JSON.readTree(m.group());
                JsonNode winner = node == null ? null : node.get("winner");
                if (winner == null) {
                    continue;
                }
                String reasoning = node.path("reasoning").asText("");
                last = new Found(winner.isTextual() ? place(winner.asText()) : null, m.start(), m.end(), reasoning);
            } catch (IOException notJson) {
                // Braces in prose, not an object: the other forms decide.
            }
        }
        return last;
    }

    /** The last non-blank line when it says only A, B or tie (after a lead-in and markdown). */
    private static Optional<JudgePreference> lastLine(String raw) {
        List<String> lines = raw.lines().filter(line -> !line.isBlank()).toList();
        String line = LooseLabel.clean(lines.get(lines.size() - 1));
        String verdict = LooseLabel.clean(LEAD_IN.matcher(line).replaceFirst(""));
        Preference winner = place(verdict);
        if (winner == null) {
            return Optional.empty();
        }
        int at = raw.lastIndexOf(lines.get(lines.size() - 1));
        return Optional.of(new JudgePreference(raw, winner, raw.substring(0, at)));
    }

    /** "A", "B", "tie" (also "C", "draw", "equal") in any case; null for anything else. */
    private static Preference place(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "a" -> Preference.A;
            case "b" -> Preference.B;
            case "tie", "c", "draw", "equal" -> Preference.TIE;
            default -> null;
        };
    }
}
