package io.arbiter.core.review;

import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.verdict.Preference;
import java.time.Instant;

/**
 * A person's verdict on one row's base answer, the third rater beside the ground truth and the judge. Plain values
 * only, so a project file can store it as it is. It is a verdict on one answer: when a later run gives the row
 * another base answer, the verdict no longer counts for it ({@link #on}).
 *
 * @param baseRight whether the reviewer found the base answer right
 * @param note      the reviewer's note; empty when there is none
 * @param reviewer  who gave the verdict (the operating-system user name)
 * @param at        when the verdict was given or last changed
 * @param answer    the base answer the verdict was given on; null when unknown (kept before answers were)
 * @param score     the score the reviewer gave on a scoring run's scale, null for a plain right/wrong verdict;
 *                  {@code baseRight} then says whether it reached the run's pass mark
 * @param preference which answer of a pair the reviewer preferred (A, B or TIE), null unless the run is pairwise;
 *                   {@code answer} is then the pair as {@link #pairAnswer} spells it, and {@code baseRight} whether
 *                   A was preferred
 */
public record HumanVerdict(
        boolean baseRight,
        String note,
        String reviewer,
        Instant at,
        String answer,
        Integer score,
        Preference preference) {

    public HumanVerdict {
        note = note == null ? "" : note.strip();
        reviewer = reviewer == null || reviewer.isBlank() ? "unknown" : reviewer.strip();
        if (at == null) {
            throw new IllegalArgumentException("A human verdict needs the time it was given");
        }
        answer = answer == null ? null : answer.strip();
    }

    /** A verdict on one answer, right/wrong or with a score. */
    public HumanVerdict(boolean baseRight, String note, String reviewer, Instant at, String answer, Integer score) {
        this(baseRight, note, reviewer, at, answer, score, null);
    }

    /** A reviewer's preference between the two answers of a pair (see {@link #pairAnswer}). */
    public static HumanVerdict preferring(
            Preference preference, String note, String reviewer, Instant at, String pairAnswer) {
        return new HumanVerdict(preference == Preference.A, note, reviewer, at, pairAnswer, null, preference);
    }

    /**
     * The two answers of a pair as one text, what a preference is given on: a later run that answers either side
     * otherwise leaves the preference behind, as it leaves a verdict on a changed answer.
     */
    public static String pairAnswer(String answerA, String answerB) {
        return "A: " + (answerA == null ? "" : answerA.strip()) + "\n\nB: " + (answerB == null ? "" : answerB.strip());
    }

    /** A right/wrong verdict without a score. */
    public HumanVerdict(boolean baseRight, String note, String reviewer, Instant at, String answer) {
        this(baseRight, note, reviewer, at, answer, null);
    }

    /** A verdict whose answer is not known. */
    public HumanVerdict(boolean baseRight, String note, String reviewer, Instant at) {
        this(baseRight, note, reviewer, at, null);
    }

    /**
     * Whether the verdict was given on this base answer (compared without surrounding whitespace); a verdict whose
     * answer is unknown counts for whatever the row's answer is, as it did before answers were kept.
     */
    public boolean on(String baseAnswer) {
        return answer == null || (baseAnswer != null && answer.equals(baseAnswer.strip()));
    }

    /** The verdict as the metrics take a rater's view of the base answer. */
    public TruthMatch truthMatch() {
        return baseRight ? TruthMatch.RIGHT : TruthMatch.WRONG;
    }

    /** "right" or "wrong", as the table and the export show it; the score itself for a scored verdict. */
    public String label() {
        if (preference != null) {
            return preference.name();
        }
        if (score != null) {
            return Integer.toString(score);
        }
        return baseRight ? "right" : "wrong";
    }

    public HumanVerdict withNote(String text, String by, Instant when) {
        return new HumanVerdict(baseRight, text, by, when, answer, score, preference);
    }
}
