package io.arbiter.core.verdict;

/**
 * What a judge's output came to once its grading scheme read it: a verdict today, a score or a preference as
 * schemes are added. Every scheme keeps the raw text and says whether it could read it; what it read is its own.
 */
public interface Judgement {

    /** The text the judge returned, unchanged. */
    String raw();

    /** False when the output did not follow the scheme's format (UNPARSED, never guessed). */
    boolean parsed();
}
