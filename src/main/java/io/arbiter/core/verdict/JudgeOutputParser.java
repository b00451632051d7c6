package io.arbiter.core.verdict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.dataset.LabelSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's "Prediction,Evaluation" output, or the JSON object a judge asked for structured output answers
 * with; anything else becomes an explicit UNPARSED verdict.
 */
public final class JudgeOutputParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A JSON object with no nested object, the shape the verdict schema asks for. */
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");

    private final LabelSet labels;

    public JudgeOutputParser(LabelSet labels) {
        this.labels = labels;
    }

    /**
     * The verdict in the last line that reads as "Prediction,Evaluation" (judges often reason first and answer
     * last). Each side may carry quotes, markdown, a trailing period or a lead-in ("Answer: Drama",
     * "Evaluation: Correct"), and "Prediction: X" / "Evaluation: Y" may also come as the last two lines.
     * The split is at the last comma, so a label may contain commas or hyphens. A JSON object
     * {@code {"prediction": …, "evaluation": …, "reasoning": …}}, bare or in a fenced block, is read first: the last
     * one that has an evaluation decides, with the same forgiveness for its label and evaluation as the text.
     */
    public JudgeVerdict parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return JudgeVerdict.unparsed(raw);
        }
        Optional<JudgeVerdict> json = lastJsonVerdict(raw);
        if (json.isPresent()) {
            return json.get();
        }
        List<String> lines = raw.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<JudgeVerdict> verdict = parseLine(raw, lines.get(i));
            if (verdict.isPresent()) {
                return verdict.get();
            }
        }
        return labelledOnTwoLines(raw, lines).orElseGet(() -> JudgeVerdict.unparsed(raw));
    }

    /**
     * The verdict of the last JSON object with an evaluation, UNPARSED when that object does not read; empty when
     * there is no such object.
     */
    private Optional<JudgeVerdict> lastJsonVerdict(String raw) {
        if (raw.indexOf('{') < 0) {
            return Optional.empty();
        }
        JsonNode last = null;
        Matcher m = OBJECT.matcher(raw);
        while (m.find()) {
            try {
                JsonNode node = JSON.readTree(m.group());
                if (node != null && field(node, "evaluation") != null) {
                    last = node;
                }
            } catch (JsonProcessingException notJson) {
                // Braces in prose, not an object: the text decides.
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        // The judge answered in JSON: that answer decides, read or UNPARSED. Falling back to the text would find a
        // "Drama, Correct" inside its reasoning and take it for the verdict.
        Optional<Evaluation> evaluation = evaluation(field(last, "evaluation"));
        String prediction = field(last, "prediction");
        Optional<String> label = prediction == null ? Optional.empty() : LooseLabel.match(labels, prediction);
        if (evaluation.isEmpty() || label.isEmpty()) {
            // A label the judge named stays known though its evaluation does not read: judge vs truth counts it.
            return Optional.of(new JudgeVerdict(raw, label.orElse(null), Evaluation.UNPARSED));
        }
        return Optional.of(new JudgeVerdict(raw, label.get(), evaluation.get()));
    }

    /** A text field by name in any case ("Evaluation" too); null when missing or not text. */
    private static String field(JsonNode object, String name) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name) && entry.getValue().isTextual()) {
                return entry.getValue().asText();
            }
        }
        return null;
    }

    /** "Prediction: Drama" then "Evaluation: Correct" as the last two non-blank lines. */
    private Optional<JudgeVerdict> labelledOnTwoLines(String raw, List<String> lines) {
        List<String> nonBlank = lines.stream()
                .map(LooseLabel::clean)
                .filter(line -> !line.isEmpty())
                .toList();
        if (nonBlank.size() < 2) {
            return Optional.empty();
        }
        String prediction = nonBlank.get(nonBlank.size() - 2);
        String evaluation = nonBlank.get(nonBlank.size() - 1);
        if (!startsWithWord(prediction, "prediction") || !startsWithWord(evaluation, "evaluation")) {
            return Optional.empty();
        }
        return parseLine(raw, prediction + "," + evaluation);
    }

    private static boolean startsWithWord(String line, String word) {
        return line.regionMatches(true, 0, word, 0, word.length());
    }

    private Optional<JudgeVerdict> parseLine(String raw, String line) {
        String cleaned = LooseLabel.clean(line);
        int comma = cleaned.lastIndexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        Optional<Evaluation> evaluation = evaluation(cleaned.substring(comma + 1));
        if (evaluation.isEmpty()) {
            return Optional.empty();
        }
        return LooseLabel.match(labels, cleaned.substring(0, comma))
                .map(prediction -> new JudgeVerdict(raw, prediction, evaluation.get()));
    }

    private static Optional<Evaluation> evaluation(String text) {
        String word = LooseLabel.clean(text);
        Optional<Evaluation> exact = evaluationWord(word);
        return exact.isPresent() ? exact : LooseLabel.afterLeadIn(word).flatMap(JudgeOutputParser::evaluationWord);
    }

    private static Optional<Evaluation> evaluationWord(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "correct" -> Optional.of(Evaluation.CORRECT);
            case "incorrect" -> Optional.of(Evaluation.INCORRECT);
            default -> Optional.empty();
        };
    }
}
