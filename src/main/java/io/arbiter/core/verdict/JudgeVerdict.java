package io.arbiter.core.verdict;

/**
 * A judge's parsed output.
 *
 * @param raw        the text the judge returned, unchanged
 * @param prediction the judge's own label, spelled as in the label set; null when the output names none. It may be
 *                   known while the evaluation is UNPARSED (a JSON answer whose evaluation does not read): the
 *                   judge-vs-truth figures still count it
 * @param evaluation CORRECT or INCORRECT, or UNPARSED when the output was not in the expected format
 */
public record JudgeVerdict(String raw, String prediction, Evaluation evaluation) implements Judgement {

    public static JudgeVerdict unparsed(String raw) {
        return new JudgeVerdict(raw, null, Evaluation.UNPARSED);
    }

    /** The judge named a label of its own, whether or not its evaluation was read. */
    public boolean predicted() {
        return prediction != null;
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
