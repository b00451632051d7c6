package io.arbiter.offline;

import java.util.Locale;

/** The format slips small models make, chosen by a hash of the prompt so they repeat exactly. */
final class SmallModelQuirks {

    private static final int BASE_SLIPS_PER_HUNDRED = 9;
    private static final int JUDGE_SLIPS_PER_HUNDRED = 5;
    private static final int JUDGE_UNUSABLE_PER_HUNDRED = 1;

    private SmallModelQuirks() {}

    static String baseReply(String label, long hash) {
        if (hash % 100 >= BASE_SLIPS_PER_HUNDRED) {
            return label;
        }
        return switch ((int) (hash / 100 % 4)) {
            case 0 -> label.toLowerCase(Locale.ROOT);
            case 1 -> label + ".";
            case 2 -> "\"" + label + "\"";
            default -> label.equalsIgnoreCase("Drama") ? "Family drama" : label + " drama";
        };
    }

    static String judgeReply(String label, boolean correct, long hash) {
        String evaluation = correct ? "Correct" : "Incorrect";
        long roll = hash % 100;
        if (roll < JUDGE_UNUSABLE_PER_HUNDRED) {
            return "I cannot decide.";
        }
        if (roll >= JUDGE_UNUSABLE_PER_HUNDRED + JUDGE_SLIPS_PER_HUNDRED) {
            return label + "," + evaluation;
        }
        return switch ((int) (hash / 100 % 3)) {
            case 0 -> (label + "," + evaluation).toLowerCase(Locale.ROOT);
            case 1 -> label + ", " + evaluation;
            default -> "Answer: " + label + "," + evaluation;
        };
    }
}
