package io.arbiter.core.llm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code custom_id} of one batch line, {@code arb-<run>-<stage>-<row>}: enough to put an answer back on its
 * row, and to notice an output line that belongs to another run.
 */
public record BatchCustomId(long runId, String stage, int row) {

    /** The run's stages as {@code io.arbiter.core.run.Stage} names them (llm does not see run): a vote is JUDGE_J2R1. */
    private static final String STAGE = "BASE_B|JUDGE_BA|BASE|JUDGE_J[1-9][0-9]{0,3}R[1-9][0-9]{0,3}|JUDGE";

    private static final Pattern FORMAT = Pattern.compile("arb-(\\d+)-(" + STAGE + ")-(\\d+)");
    private static final Pattern STAGES = Pattern.compile(STAGE);

    public BatchCustomId {
        if (stage == null || !STAGES.matcher(stage).matches()) {
            throw new IllegalArgumentException("Stage must be BASE, JUDGE, BASE_B, JUDGE_BA or a vote, not " + stage);
        }
        if (runId < 0 || row < 0) {
            throw new IllegalArgumentException("Run and row must not be negative");
        }
    }

    public static Optional<BatchCustomId> parse(String customId) {
        if (customId == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(customId);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BatchCustomId(Long.parseLong(m.group(1)), m.group(2), Integer.parseInt(m.group(3))));
        } catch (NumberFormatException tooBig) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "arb-" + runId + "-" + stage + "-" + row;
    }
}
