package io.arbiter.core.scheme;

import io.arbiter.core.verdict.Judgement;

/** Reads one judge output into its scheme's judgement; unreadable output is an UNPARSED judgement, never an error. */
@FunctionalInterface
public interface JudgementReader {

    Judgement read(String raw);
}
