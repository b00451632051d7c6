package io.arbiter.core.metrics;

import io.arbiter.core.verdict.Preference;

/**
 * A scored row with a human's verdict on its base answer, a third rater beside the judge. What the report takes as
 * the truth about the base answer comes from the ground truth where it scores the answer, and from the human
 * otherwise; so a row labelled only by a human still counts as labelled.
 *
 * @param scored the row: truth labels, base answer, judge verdict
 * @param human  a human's verdict on the base answer: RIGHT, WRONG, or NOT_SCORED when no human looked at it
 * @param humanScore a human's score of the base answer on the run's scale, null when none; where there is one,
 *                   {@code human} says whether it reaches the pass mark
 * @param humanPreference which of a pair's answers a person preferred, null when none or not a pair
 */
public record RatedRow(ScoredRow scored, TruthMatch human, Integer humanScore, Preference humanPreference) {

    public RatedRow {
        if (scored == null || human == null) {
            throw new IllegalArgumentException("A rated row needs a row and a human verdict (NOT_SCORED for none)");
        }
    }

    /** A row of one answer, with a human verdict and perhaps a score. */
    public RatedRow(ScoredRow scored, TruthMatch human, Integer humanScore) {
        this(scored, human, humanScore, null);
    }

    /** A pair's row with the preference a person gave, if any. */
    public static RatedRow preferred(ScoredRow scored, Preference humanPreference) {
        return new RatedRow(scored, TruthMatch.NOT_SCORED, null, humanPreference);
    }

    /** A row with a human verdict and no human score. */
    public RatedRow(ScoredRow scored, TruthMatch human) {
        this(scored, human, null);
    }

    /** The row without a human verdict. */
    public static RatedRow of(ScoredRow scored) {
        return new RatedRow(scored, TruthMatch.NOT_SCORED);
    }

    /** The base answer against the ground truth alone, as the accuracies and the export count it. */
    public TruthMatch groundTruth() {
        return TruthMatch.ofBase(scored.truth(), scored.base());
    }

    /** Whether the base answer is right: by the ground truth where it decides, else by the human. */
    public TruthMatch reference() {
        TruthMatch truth = groundTruth();
        return truth.scored() ? truth : human;
    }

    /** True when the ground truth and the human both judged the base answer and disagree. */
    public boolean truthAndHumanDisagree() {
        TruthMatch truth = groundTruth();
        return truth.scored() && human.scored() && truth != human;
    }
}
