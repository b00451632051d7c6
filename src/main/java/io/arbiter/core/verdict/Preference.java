package io.arbiter.core.verdict;

import java.util.Locale;
import java.util.Optional;

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

    /** What {@link #fromHuman(String)} accepts, for its message. */
    private static final String HUMAN_SPELLINGS = "A, B, tie, C, draw, equal, =, model_a, model_b or tie (bothbad)";

    /**
     * A person's preference as a dataset writes it, in any case: A, B, tie, MT-Bench's C for a tie, draw, equal or
     * =, and Chatbot Arena's model_a, model_b and tie (bothbad) (a tie where both answers are bad is still a tie).
     *
     * @return empty for a blank or missing cell: no preference was given
     * @throws IllegalArgumentException naming the cell and what is accepted; the caller adds the row and column
     */
    public static Optional<Preference> fromHuman(String cell) {
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                switch (cell.strip().toLowerCase(Locale.ROOT)) {
                    case "a", "model_a" -> A;
                    case "b", "model_b" -> B;
                    case "tie", "c", "draw", "equal", "=", "tie (bothbad)" -> TIE;
                    default -> throw new IllegalArgumentException(
                            "\"" + cell + "\" is not a preference: write " + HUMAN_SPELLINGS);
                });
    }
}
