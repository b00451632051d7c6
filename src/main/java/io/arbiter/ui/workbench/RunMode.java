package io.arbiter.ui.workbench;

/** How a workbench run sends its requests. */
public enum RunMode {
    REALTIME("Realtime"),
    BATCH("Batch API");

    private final String label;

    RunMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
