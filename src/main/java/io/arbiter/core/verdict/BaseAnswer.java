package io.arbiter.core.verdict;

/**
 * A base model's answer: the raw text as received, and the label it names after normalisation.
 *
 * @param raw   the text the model returned, unchanged
 * @param label the matching label spelled as in the label set, or null when the answer names none (UNPARSED)
 */
public record BaseAnswer(String raw, String label) {

    public boolean parsed() {
        return label != null;
    }
}
