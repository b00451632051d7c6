package io.arbiter.core.verdict;

/**
 * A pairwise judge's reading of one order: which answer it preferred, in the places the answers were shown (A is
 * the answer shown first), and the reasoning it gave, kept apart.
 *
 * @param raw       the text the judge returned, unchanged
 * @param winner    the preferred place; null when UNPARSED
 * @param reasoning what the judge wrote before its verdict, or the JSON's reasoning; empty when none
 */
public record JudgePreference(String raw, Preference winner, String reasoning) {

    public JudgePreference {
        reasoning = reasoning == null ? "" : reasoning.strip();
    }

    public static JudgePreference unparsed(String raw) {
        return new JudgePreference(raw, null, "");
    }

    public boolean parsed() {
        return winner != null;
    }
}
