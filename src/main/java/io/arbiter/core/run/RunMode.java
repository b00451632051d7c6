package io.arbiter.core.run;

import java.util.Optional;

/** How a run sends its requests: one by one as they are ready, or through the provider's Batch API. */
public enum RunMode {
    REALTIME("realtime", "Realtime"),
    BATCH("batch", "Batch API");

    private final String id;
    private final String label;

    RunMode(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The word the project file, the spec and {@code --mode} use: "realtime" or "batch". */
    public String id() {
        return id;
    }

    /** The mode {@code word} names exactly ("realtime" or "batch"); empty for anything else. */
    public static Optional<RunMode> named(String word) {
        for (RunMode mode : values()) {
            if (mode.id.equals(word)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** How the mode box names it. */
    @Override
    public String toString() {
        return label;
    }
}
