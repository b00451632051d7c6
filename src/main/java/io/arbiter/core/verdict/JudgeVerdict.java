package io.arbiter.core.verdict;

/**
 * A judge's parsed output.
 *
 * @param raw        the text the judge returned, unchanged
 * @param prediction the judge's own label, spelled as in the label set; null when UNPARSED
 * @param evaluation CORRECT or INCORRECT, or UNPARSED when the output was not in the expected format
 */
public record JudgeVerdict(String raw, String prediction, Evaluation evaluation) implements Judgement {

    public static JudgeVerdict unparsed(String raw) {
        return new JudgeVerdict(raw, null, Evaluation.UNPARSED);
    }

    @Override
    public boolean parsed() {
        return evaluation != Evaluation.UNPARSED;
    }

    @Override
    public JudgeVerdict asVerdict() {
        return this;
    }
}
