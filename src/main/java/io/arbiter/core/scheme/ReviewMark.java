package io.arbiter.core.scheme;

import io.arbiter.core.verdict.Preference;

/**
 * A mark a reviewer gives a row's base answer with one key.
 *
 * @param key       the key, as the review help shows it ("1")
 * @param label     what the mark says, in the help ("base answer right")
 * @param baseRight what the mark records about the base answer
 * @param score     the score the mark gives, null for a right/wrong mark
 * @param preference the answer of a pair the mark prefers (A, B, TIE), null unless the run is pairwise
 */
public record ReviewMark(String key, String label, boolean baseRight, Integer score, Preference preference) {

    /** A mark on one answer: right/wrong, or a score. */
    public ReviewMark(String key, String label, boolean baseRight, Integer score) {
        this(key, label, baseRight, score, null);
    }

    /** A pairwise mark: which answer is better. */
    public static ReviewMark preferring(String key, String label, Preference preference) {
        return new ReviewMark(key, label, preference == Preference.A, null, preference);
    }

    /** A right/wrong mark. */
    public ReviewMark(String key, String label, boolean baseRight) {
        this(key, label, baseRight, null);
    }
}
