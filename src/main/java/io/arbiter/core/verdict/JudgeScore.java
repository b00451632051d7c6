package io.arbiter.core.verdict;

/**
 * A rubric judge's parsed output: its score and the reasoning it gave, kept apart.
 *
 * @param raw       the text the judge returned, unchanged
 * @param score     the score on the run's scale; null when UNPARSED
 * @param reasoning what the judge wrote to justify the score; empty when it wrote nothing else
 */
public record JudgeScore(String raw, Integer score, String reasoning) implements Judgement {

    public JudgeScore {
        reasoning = reasoning == null ? "" : reasoning.strip();
    }

    public static JudgeScore unparsed(String raw) {
        return new JudgeScore(raw, null, "");
    }

    @Override
    public boolean parsed() {
        return score != null;
    }
}
