package io.arbiter.core.verdict;

import io.arbiter.core.dataset.LabelSet;
import java.util.Optional;

/** Turns a base model's raw answer into a label of the label set, tolerating case, quotes and punctuation. */
public final class AnswerNormalizer {

    private final LabelSet labels;

    public AnswerNormalizer(LabelSet labels) {
        this.labels = labels;
    }

    /**
     * The answer with the label it names: the whole answer cleaned, or else its first non-blank line (models
     * often add an explanation below). An answer that names no label exactly ("Crime drama") stays UNPARSED
     * (label null): a wrong guess would pass for a model mistake.
     */
    public BaseAnswer normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return new BaseAnswer(raw, null);
        }
        Optional<String> label = LooseLabel.match(labels, raw);
        if (label.isEmpty() && !labels.isEmpty()) {
            label = firstLine(raw).flatMap(line -> LooseLabel.match(labels, line));
        }
        return new BaseAnswer(raw, label.orElse(null));
    }

    private static Optional<String> firstLine(String raw) {
        return raw.lines().filter(line -> !LooseLabel.clean(line).isEmpty()).findFirst();
    }
}
