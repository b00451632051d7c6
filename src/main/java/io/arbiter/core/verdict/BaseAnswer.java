package io.arbiter.core.verdict;

/**
 * A base model's answer: the raw text as received, and the label it names after normalisation.
 *
 * @param raw   the text the model returned, unchanged
 * @param label the matching label spelled as in the label set, or null when the answer names none (UNPARSED)
 */
public record BaseAnswer(String raw, String label) {

    /**
     * A free-text answer (a generating task): nothing to match, so the answer stands for itself, read whole; a blank
     * one reads as nothing.
     */
    public static BaseAnswer freeText(String raw) {
        return new BaseAnswer(raw, raw == null || raw.isBlank() ? null : raw.strip());
    }

    public boolean parsed() {
        return label != null;
    }
}
