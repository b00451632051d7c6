package io.arbiter.core.verdict;

/** What the judge said of a base answer; UNPARSED when its output did not follow the format. */
public enum Evaluation {
    CORRECT,
    INCORRECT,
    UNPARSED
}
