package io.arbiter.core.scheme;

/**
 * A mark a reviewer gives a row's base answer with one key.
 *
 * @param key       the key, as the review help shows it ("1")
 * @param label     what the mark says, in the help ("base answer right")
 * @param baseRight what the mark records about the base answer
 * @param score     the score the mark gives, null for a right/wrong mark
 */
public record ReviewMark(String key, String label, boolean baseRight, Integer score) {

    /** A right/wrong mark. */
    public ReviewMark(String key, String label, boolean baseRight) {
        this(key, label, baseRight, null);
    }
}
