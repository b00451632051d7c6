package io.arbiter.core.dataset;

import java.util.Locale;

/**
 * What the base model is asked to do, which decides how its answer is read: matched to one of the dataset's labels,
 * or kept whole as free text for the judge to grade.
 */
public enum TaskKind {
    /** Name one label from the dataset's truth column; the answer is matched to the label set. */
    CLASSIFY("classify"),
    /** Write an answer (a summary, a support reply); the answer is kept whole, nothing is matched. */
    GENERATE("generate");

    private final String id;

    TaskKind(String id) {
        this.id = id;
    }

    /** The name a project keeps and {@code --task} takes. */
    public String id() {
        return id;
    }

    /**
     * The task named {@code id}; null or blank is {@link #CLASSIFY}, as every run before task kinds.
     *
     * @throws IllegalArgumentException naming what was given and what is known
     */
    public static TaskKind named(String id) {
        if (id == null || id.isBlank()) {
            return CLASSIFY;
        }
        for (TaskKind kind : values()) {
            if (kind.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown task '" + id.strip() + "': use classify or generate");
    }
}
