package io.arbiter.core.scheme;

import java.util.List;
import java.util.Locale;

/** The schemes this version knows, by the id a run records. */
public final class JudgeSchemes {

    /** What a run graded before runs recorded a scheme, and what a run grades unless told otherwise. */
    public static final JudgeScheme DEFAULT = VerdictScheme.INSTANCE;

    private static final List<JudgeScheme> ALL =
            List.of(VerdictScheme.INSTANCE, ScoreScheme.DEFAULT, PairwiseScheme.DEFAULT);

    private JudgeSchemes() {}

    public static List<JudgeScheme> all() {
        return ALL;
    }

    /**
     * The scheme with this id; null or blank is {@link #DEFAULT} (a run recorded before schemes were).
     *
     * @throws IllegalArgumentException naming the id and the known ones, e.g. a project written by a newer version
     */
    public static JudgeScheme byId(String id) {
        if (id == null || id.isBlank()) {
            return DEFAULT;
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        if (wanted.startsWith(ScoreScheme.ID + ":")) { // a scheme with its settings, as a run records it
            return ScoreScheme.parseSetting(wanted);
        }
        if (wanted.startsWith(PairwiseScheme.ID + ":")) {
            return PairwiseScheme.parseSetting(wanted);
        }
        for (JudgeScheme scheme : ALL) {
            if (scheme.id().equals(wanted)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("Unknown grading scheme '" + id.strip() + "': this version of Arbiter knows "
                + String.join(", ", ALL.stream().map(JudgeScheme::id).toList())
                + ". Was the project written by a newer version?");
    }
}
