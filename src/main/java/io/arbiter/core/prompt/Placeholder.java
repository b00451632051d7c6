package io.arbiter.core.prompt;

/** The placeholder names that are not dataset columns. */
public final class Placeholder {

    /** The base model's raw answer; only the judge prompt can use it. */
    public static final String BASE_ANSWER = "base_answer";
    /** Reviewed rows promoted as worked examples; only the judge prompt can use it. */
    public static final String EXAMPLES = "examples";
    /** The allowed labels, comma separated. */
    public static final String LABELS = "labels";
    /** The row's reference answer, from the mapping's reference column; empty without one. */
    public static final String REFERENCE = "reference";
    /** The scale a scoring judge scores on, "1 to 5"; only the judge prompt of a scoring run can use it. */
    public static final String SCALE = "scale";

    /** A pairwise judge's answer shown first: answer A in one order, answer B in the swapped one. */
    public static final String ANSWER_A = "answer_a";
    /** A pairwise judge's answer shown second. */
    public static final String ANSWER_B = "answer_b";

    private Placeholder() {}
}
