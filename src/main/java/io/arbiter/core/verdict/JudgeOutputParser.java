package io.arbiter.core.verdict;

import io.arbiter.core.dataset.LabelSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a judge's "Prediction,Evaluation" output; anything else becomes an explicit UNPARSED verdict. */
public final class JudgeOutputParser {

    private final LabelSet labels;

    public JudgeOutputParser(LabelSet labels) {
        this.labels = labels;
    }

    /**
     * The verdict in the last line that reads as "Prediction,Evaluation" (judges often reason first and answer
     * last). Each side may carry quotes, markdown, a trailing period or a lead-in ("Answer: Drama",
     * "Evaluation: Correct"), and "Prediction: X" / "Evaluation: Y" may also come as the last two lines.
     * The split is at the last comma, so a label may contain commas or hyphens.
     */
    public JudgeVerdict parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return JudgeVerdict.unparsed(raw);
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
