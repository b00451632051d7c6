package io.arbiter.core.verdict;

import io.arbiter.core.dataset.LabelSet;

/** Turns a base model's raw answer into a label of the label set, tolerating case, quotes and punctuation. */
public final class AnswerNormalizer {

    private final LabelSet labels;

    public AnswerNormalizer(LabelSet labels) {
        this.labels = labels;
    }

    public BaseAnswer normalize(String raw) {
        throw new UnsupportedOperationException("TODO");
    }
}
