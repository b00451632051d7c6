package io.arbiter.offline;

import java.util.List;

/** Model ids the offline server serves; both are the deterministic demo classifier, not LLMs. */
public final class DemoModels {

    /** Answers with the weaker keyword lexicon, like a small base model; asked for a rubric score, it grades harsher. */
    public static final String BASE = "offline-demo-base";
    /** Answers with the full keyword lexicon, so it usually beats the base model. */
    public static final String JUDGE = "offline-demo-judge";

    public static final String DISPLAY_NAME = "Offline demo model";
    public static final List<String> ALL = List.of(BASE, JUDGE);
    /** A fixed creation time keeps /v1/models byte-identical between runs. */
    public static final long CREATED_EPOCH_SECONDS = 1_735_689_600L; // 2025-01-01T00:00:00Z

    public static final String OWNER = "arbiter-offline";

    private DemoModels() {}

    public static boolean isKnown(String model) {
        return ALL.contains(model);
    }
}
