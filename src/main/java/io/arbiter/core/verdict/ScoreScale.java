package io.arbiter.core.verdict;

/**
 * The integer range a rubric judge scores on, within 0–10; 1–5 unless chosen otherwise.
 *
 * @param low  the lowest score
 * @param high the highest score
 */
public record ScoreScale(int low, int high) {

    /** The scale judges are asked on unless the run chooses another. */
    public static final ScoreScale DEFAULT = new ScoreScale(1, 5);

    public ScoreScale {
        if (low < 0 || high > 10 || low >= high) {
            throw new IllegalArgumentException(
                    "A score scale is a range of whole numbers within 0-10, lowest first, such as 1-5; not " + low + "-"
                            + high);
        }
    }

    /**
     * The scale written as {@code --scale} takes it, "1-5".
     *
     * @throws IllegalArgumentException saying what was given and what is expected
     */
    public static ScoreScale parse(String text) {
        String[] ends = text == null ? new String[0] : text.strip().split("\\s*-\\s*", -1);
        if (ends.length != 2) {
            throw new IllegalArgumentException("A score scale is written low-high, such as 1-5; not '" + text + "'");
        }
        try {
            return new ScoreScale(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A score scale is written low-high, such as 1-5; not '" + text + "'");
        }
    }

    /**
     * The pass mark a run takes unless told otherwise: the lowest score at least 70% of the way up the scale, 4 on
     * 1-5 and 7 on 0-10, where a rubric's "good" usually starts.
     */
    public int usualPassMark() {
        return low + (int) Math.ceil(0.7 * (high - low));
    }

    public boolean contains(int score) {
        return score >= low && score <= high;
    }

    /** How {{scale}} reads in a judge prompt: "1 to 5". */
    public String asPromptText() {
        return low + " to " + high;
    }

    @Override
    public String toString() {
        return low + "-" + high;
    }
}
