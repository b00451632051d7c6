package io.arbiter.core.scheme;

/**
 * A mark a reviewer gives a row's base answer with one key.
 *
 * @param key       the key, as the review help shows it ("1")
 * @param label     what the mark says, in the help ("base answer right")
 * @param baseRight what the mark records about the base answer
 */
public record ReviewMark(String key, String label, boolean baseRight) {}
