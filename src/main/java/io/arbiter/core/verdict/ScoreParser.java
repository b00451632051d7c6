package io.arbiter.core.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a rubric judge's final score after any reasoning: {@code Score: 4}, {@code Rating: 4}, {@code 4/5} (out of the
 * scale's top), {@code [[4]]}, or a JSON object {@code {"score": 4, "reasoning": "…"}}, bare or in a fenced block.
 * The last such score in the text decides; one out of the scale, not a whole number, or none at all is UNPARSED,
 * never guessed.
 */
public final class ScoreParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** "Score: 4", "**Rating**: 4", "Final score = 4". */
    private static final Pattern LABELLED =
            Pattern.compile("(?i)\\b(?:score|rating)\\W{0,4}?[:=][*_\\s]*(-?\\d+(?:\\.\\d+)?)(?:\\s*/\\s*(\\d+))?");
    /** "[[4]]", the MT-Bench form. */
    private static final Pattern BRACKETED = Pattern.compile("\\[\\[\\s*(-?\\d+(?:\\.\\d+)?)\\s*]]");
    /** "4/5", "4 / 5". */
    private static final Pattern FRACTION = Pattern.compile("(?<![\\d.])(-?\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+)(?![\\d.])");
    /** A JSON object with no nested object, the shape judges are asked for. */
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");

    private final ScoreScale scale;
    private final int passAt;

    /** A parser whose scores pass at the scale's usual pass mark. */
    public ScoreParser(ScoreScale scale) {
        this(scale, scale.usualPassMark());
    }

    /** A parser whose scores pass from {@code passAt} up. */
    public ScoreParser(ScoreScale scale, int passAt) {
        this.scale = scale;
        this.passAt = passAt;
    }

    public JudgeScore parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return JudgeScore.unparsed(raw);
        }
        Found json = lastJsonScore(raw);
        Found text = lastTextScore(raw);
        Found last = json == null ? text : text == null || json.end >= text.end ? json : text;
        if (last == null) {
            return JudgeScore.unparsed(raw);
        }
        Integer score = wholeNumber(last.number);
        if (score == null || !scale.contains(score)) {
            return JudgeScore.unparsed(raw);
        }
        String reasoning = last.reasoning != null ? last.reasoning : raw.substring(0, last.start);
        return JudgeScore.of(raw, score, reasoning, passAt);
    }

    /** Where a score was found: its number as written, its place, and reasoning given with it (JSON only). */
    private record Found(String number, int start, int end, String reasoning) {}

    private Found lastTextScore(String raw) {
        Found last = null;
        for (Pattern pattern : new Pattern[] {LABELLED, BRACKETED, FRACTION}) {
            Matcher m = pattern.matcher(raw);
            while (m.find()) {
                boolean outOf = m.groupCount() >= 2 && m.group(2) != null;
                if (pattern == FRACTION && !outOf) {
                    continue;
                }
                // "4/10" on a 1-5 scale is another scale's score, not ours.
                if (outOf && Integer.parseInt(m.group(2)) != scale.high()) {
                    if (pattern == FRACTION) {
                        continue;
                    }
                    Found wrongScale = new Found("out of " + m.group(2), m.start(), m.end(), null);
                    last = later(last, wrongScale);
                    continue;
                }
                last = later(last, new Found(m.group(1), m.start(), m.end(), null));
            }
        }
        return last;
    }

    private static Found lastJsonScore(String raw) {
        Found last = null;
        Matcher m = OBJECT.matcher(raw);
        while (m.find()) {
            try {
                JsonNode node = JSON.readTree(m.group());
                JsonNode score = node.get("score");
                if (score == null || !(score.isNumber() || score.isTextual())) {
                    continue;
                }
                String reasoning = node.hasNonNull("reasoning")
                        ? node.get("reasoning").asText()
                        : node.path("explanation").asText("");
                last = later(last, new Found(score.asText(), m.start(), m.end(), reasoning));
            } catch (java.io.IOException notJson) {
                // Braces in prose, not an object: the text patterns decide.
            }
        }
        return last;
    }

    private static Found later(Found a, Found b) {
        return a == null || b.end > a.end ? b : a;
    }

    private static Integer wholeNumber(String number) {
        try {
            return Integer.valueOf(number.strip());
        } catch (NumberFormatException e) {
            return null; // 4.5, "four", another scale: not a score on this one
        }
    }
}
