package io.arbiter.core.metrics;

/**
 * One row's judge score and human score, both on the run's scale.
 *
 * @param judge the judge's score
 * @param human the human's score for the same row
 */
public record ScorePair(int judge, int human) {

    /** judge − human: negative when the judge scored the row lower than the human did. */
    public int difference() {
        return judge - human;
    }
}
