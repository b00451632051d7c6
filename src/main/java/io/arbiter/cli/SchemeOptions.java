package io.arbiter.cli;

import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.ScoreScale;
import picocli.CommandLine.Option;

/** How the judge grades, as options: {@code --scheme}, and a scoring judge's {@code --scale} and {@code --pass-at}. */
final class SchemeOptions {

    @Option(
            names = "--scheme",
            paramLabel = "verdict|score",
            description = "verdict (default): the judge says Correct or Incorrect; score: the judge scores on --scale.")
    String scheme;

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
                    "The lowest passing score: scores at N or above pass, so the pass/fail figures hold for scores (default: 70% up the scale, 4 on 1-5).")
    Integer passAt;

    /** True when no option says how to grade, so a stored configuration's scheme stands. */
    boolean unset() {
        return scheme == null && scale == null && passAt == null;
    }

    /** The scheme the options name, {@code fallback} when they name none. */
    JudgeScheme scheme(JudgeScheme fallback) {
        if (unset()) {
            return fallback;
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
}
