package io.arbiter.core.run;

/**
 * The passes of a run: the model under test, then the judge over its answers. A pairwise run has a second answer
 * to compare ({@link #BASE_B}) and asks the judge again with the answers swapped ({@link #JUDGE_BA}); each is its own
 * request per row, recorded, cached, batched and resumed on its own. The names are stored in the project file and
 * in batch {@code custom_id}s, so they never change.
 */
public enum Stage {
    /** The model under test; in a pairwise run, answer A. */
    BASE,
    /** The judge; in a pairwise run, with answer A shown first. */
    JUDGE,
    /** A pairwise run's second answer, B, from its second base configuration. */
    BASE_B,
    /** A pairwise run's judge asked again with answer B shown first. */
    JUDGE_BA;

    /** True for the stages that ask the judge. */
    public boolean judges() {
        return this == JUDGE || this == JUDGE_BA;
    }

    /** The stage whose progress bar and usage this one shares: a pair's two answers are one base stage's work. */
    public Stage bar() {
        return judges() ? JUDGE : BASE;
    }

    /** How the stage is named to a person, e.g. in an unanswered row's cause: "base", "judge (B shown first)". */
    public String title() {
        return switch (this) {
            case BASE -> "base";
            case JUDGE -> "judge";
            case BASE_B -> "base B";
            case JUDGE_BA -> "judge (B shown first)";
        };
    }

    /** The stage named {@code name} as the project file and batch lines spell it; null for another name. */
    public static Stage named(String name) {
        for (Stage stage : values()) {
            if (stage.name().equals(name)) {
                return stage;
            }
        }
        return null;
    }
}
