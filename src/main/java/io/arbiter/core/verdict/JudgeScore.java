package io.arbiter.core.verdict;

/**
 * A rubric judge's parsed output: its score and the reasoning it gave, kept apart, and whether the score reaches the
 * run's pass mark.
 *
 * @param raw        the text the judge returned, unchanged
 * @param score      the score on the run's scale; null when UNPARSED
 * @param reasoning  what the judge wrote to justify the score; empty when it wrote nothing else
 * @param evaluation CORRECT when the score reaches the pass mark, INCORRECT below it, UNPARSED without a score
 */
public record JudgeScore(String raw, Integer score, String reasoning, Evaluation evaluation) implements Judgement {

    public JudgeScore {
        reasoning = reasoning == null ? "" : reasoning.strip();
        if ((score == null) != (evaluation == Evaluation.UNPARSED)) {
            throw new IllegalArgumentException(
                    "A score passes or fails exactly when there is one: " + score + ", " + evaluation);
        }
    }

    /** A score read with pass mark {@code passAt}. */
    public static JudgeScore of(String raw, int score, String reasoning, int passAt) {
        return new JudgeScore(raw, score, reasoning, score >= passAt ? Evaluation.CORRECT : Evaluation.INCORRECT);
    }

    public static JudgeScore unparsed(String raw) {
        return new JudgeScore(raw, null, "", Evaluation.UNPARSED);
    }

    @Override
    public boolean parsed() {
        return score != null;
    }

    @Override
    public JudgeVerdict asVerdict() {
        return new JudgeVerdict(raw, null, evaluation);
    }
}
