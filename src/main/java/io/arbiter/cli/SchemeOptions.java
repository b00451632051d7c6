package io.arbiter.cli;

import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.ScoreScale;
import picocli.CommandLine.Option;

/**
 * How the judge grades, as options: {@code --scheme}, a scoring judge's {@code --scale} and {@code --pass-at}, and a
 * pairwise judge's {@code --swap}.
 */
final class SchemeOptions {

    @Option(
            names = "--scheme",
            paramLabel = "verdict|score|pairwise",
            description =
                    "verdict (default): the judge says Correct or Incorrect; score: the judge scores on --scale; pairwise: the judge says which of two answers, A or B, is better (or a tie).")
    String scheme;

    @Option(
            names = "--swap",
            paramLabel = "both|none",
            description =
                    "With --scheme pairwise: both (default) asks the judge twice per row, A shown first and B shown first, so its position bias shows; none asks with A first only.")
    String swap;

    @Option(
            names = "--scale",
            paramLabel = "LOW-HIGH",
            description =
                    "The whole numbers a scoring judge scores with, within 0-10 (default 1-5); {{scale}} in its prompt.")
    String scale;

    @Option(
            names = "--pass-at",
            paramLabel = "N",
            description =
                    "The lowest passing score: scores at N or above pass, so the pass/fail figures hold for scores (default: 70%% up the scale, 4 on 1-5).")
    Integer passAt;

    /** True when no option says how to grade, so a stored configuration's scheme stands. */
    boolean unset() {
        return scheme == null && scale == null && passAt == null && swap == null;
    }

    /** True when the options name the pairwise scheme, with or without its setting ("pairwise:none"). */
    boolean namesPairwise() {
        return scheme != null
                && scheme.strip().toLowerCase(java.util.Locale.ROOT).startsWith(PairwiseScheme.ID);
    }

    /** The scheme the options name, {@code fallback} when they name none. */
    JudgeScheme scheme(JudgeScheme fallback) {
        if (unset()) {
            return fallback;
        }
        if (swap != null) {
            return pairwise(fallback);
        }
        boolean scoring = scheme == null ? true : scheme.strip().equalsIgnoreCase(ScoreScheme.ID);
        if (!scoring) {
            if (scale != null || passAt != null) {
                throw new CliFailure("--scale and --pass-at go with --scheme score", ArbiterCli.BAD_INPUT);
            }
            try {
                return JudgeSchemes.byId(scheme);
            } catch (IllegalArgumentException e) {
                throw new CliFailure("--scheme: " + e.getMessage(), ArbiterCli.BAD_INPUT);
            }
        }
        try {
            // --pass-at alone re-marks the stored scoring scheme on its own scale.
            ScoreScale kept = fallback instanceof ScoreScheme stored ? stored.scale() : ScoreScale.DEFAULT;
            ScoreScale on = scale == null ? kept : ScoreScale.parse(scale);
            return new ScoreScheme(on, passAt == null ? on.usualPassMark() : passAt);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(
                    (scale != null ? "--scale/--pass-at: " : "--pass-at: ") + e.getMessage(), ArbiterCli.BAD_INPUT);
        }
    }

    /** The pairwise scheme {@code --swap} asks for; --scheme, when given, must name it. */
    private JudgeScheme pairwise(JudgeScheme fallback) {
        if (scheme == null ? !(fallback instanceof PairwiseScheme) : !namesPairwise()) {
            throw new CliFailure(
                    "--swap goes with --scheme pairwise (it says in which orders the judge sees a pair's answers)",
                    ArbiterCli.BAD_INPUT);
        }
        if (scale != null || passAt != null) {
            throw new CliFailure("--scale and --pass-at go with --scheme score", ArbiterCli.BAD_INPUT);
        }
        try {
            if (scheme != null && scheme.contains(":")) {
                PairwiseScheme named = (PairwiseScheme) JudgeSchemes.byId(scheme);
                if (!named.swap().equals(PairwiseScheme.ofSwap(swap).swap())) {
                    throw new CliFailure(
                            "--scheme " + scheme.strip() + " and --swap " + swap.strip() + " disagree; give one",
                            ArbiterCli.BAD_INPUT);
                }
            }
            return PairwiseScheme.ofSwap(swap);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--swap: " + e.getMessage(), ArbiterCli.BAD_INPUT);
        }
    }
}
