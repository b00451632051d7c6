package io.arbiter.core.llm;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code custom_id} of one batch line, {@code arb-<run>-<stage>-<row>}: enough to put an answer back on its
 * row, and to notice an output line that belongs to another run.
 */
public record BatchCustomId(long runId, String stage, int row) {

    private static final Pattern FORMAT = Pattern.compile("arb-(\\d+)-(BASE_B|JUDGE_BA|BASE|JUDGE)-(\\d+)");

    /** The run's stages as {@code io.arbiter.core.run.Stage} names them (llm does not see run). */
    private static final Set<String> STAGES = Set.of("BASE", "JUDGE", "BASE_B", "JUDGE_BA");

    public BatchCustomId {
        if (!STAGES.contains(stage)) {
            throw new IllegalArgumentException("Stage must be one of " + STAGES + ", not " + stage);
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
