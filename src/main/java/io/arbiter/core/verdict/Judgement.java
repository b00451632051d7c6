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

    /**
     * The judgement as a pass/fail verdict, Correct when it passes the base answer: what the 2×2 table, kappa, AC1,
     * sensitivity, specificity and the corrected accuracy count, whatever the scheme.
     */
    JudgeVerdict asVerdict();
}
