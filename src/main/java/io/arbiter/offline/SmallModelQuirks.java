package io.arbiter.offline;

import java.util.List;
import java.util.Locale;

/** The format slips small models make, chosen by a hash of the prompt so they repeat exactly. */
final class SmallModelQuirks {

    private static final int BASE_SLIPS_PER_HUNDRED = 9;
    private static final int JUDGE_SLIPS_PER_HUNDRED = 5;
    private static final int JUDGE_UNUSABLE_PER_HUNDRED = 1;
    /** Score replies a parser cannot read ("a solid four", "4.5", a score off the scale), and others it can. */
    private static final int SCORE_UNUSABLE_PER_HUNDRED = 5;

    private static final int SCORE_VARIANTS_PER_HUNDRED = 6;
    private static final List<String> NUMBER_WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

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

    /**
     * Reasoning, then "Score: N" on a line of its own; a few replies end another way, some of which a score parser
     * still reads ("Rating: 4", "[[4]]", "4/5") and some it must not ("a solid four", "Score: 4.5", "Score: 7").
     */
    static String scoreReply(String reasoning, int score, int high, long hash) {
        long roll = hash % 100;
        int variant = (int) (hash / 10_000 % 3);
        if (roll < SCORE_UNUSABLE_PER_HUNDRED) {
            return reasoning + "\n"
                    + switch (variant) {
                        case 0 -> "I'd rate this a solid " + NUMBER_WORDS.get(score) + ".";
                        case 1 -> "Score: " + (score < high ? score : score - 1) + ".5";
                        default -> "Score: " + (high + 2);
                    };
        }
        if (roll < SCORE_UNUSABLE_PER_HUNDRED + SCORE_VARIANTS_PER_HUNDRED) {
            return reasoning + "\n"
                    + switch (variant) {
                        case 0 -> "Rating: " + score;
                        case 1 -> "[[" + score + "]]";
                        default -> "Final verdict: " + score + "/" + high;
                    };
        }
        return reasoning + "\nScore: " + score;
    }
}
