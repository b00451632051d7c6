package io.arbiter.core.verdict;

/** Which of two answers a judge or a person preferred: A, B, or neither (a tie). */
public enum Preference {
    A,
    B,
    TIE;

    /** The same preference with the two answers' places swapped: what "A" means when B was shown first. */
    public Preference swapped() {
        return switch (this) {
            case A -> B;
            case B -> A;
            case TIE -> TIE;
        };
    }
}
