package io.arbiter.core.verdict;

import io.arbiter.core.dataset.LabelSet;

/** Reads a judge's "Prediction,Evaluation" output; anything else becomes an explicit UNPARSED verdict. */
public final class JudgeOutputParser {

    private final LabelSet labels;

    public JudgeOutputParser(LabelSet labels) {
        this.labels = labels;
    }

    public JudgeVerdict parse(String raw) {
        throw new UnsupportedOperationException("TODO");
    }
}
