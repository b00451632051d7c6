package io.arbiter.offline;

import java.util.List;

/** Model ids the offline server serves; all are the deterministic demo classifier, not LLMs. */
public final class DemoModels {

    /** Answers with the weaker keyword lexicon, like a small base model; asked for a rubric score, it grades harsher. */
    public static final String BASE = "offline-demo-base";
    /** Answers with the full keyword lexicon, so it usually beats the base model. */
    public static final String JUDGE = "offline-demo-judge";
    /** A second juror that weighs the evidence strictly: it accepts only the label it would answer itself. */
    public static final String JUDGE_2 = "offline-demo-judge-2";
    /**
     * A third juror that reads the weaker lexicon and weighs the evidence leniently, accepting any of its three best
     * labels: beside the other two it makes a jury whose members disagree on the hard rows.
     */
    public static final String JUDGE_3 = "offline-demo-judge-3";

    public static final String DISPLAY_NAME = "Offline demo model";
    public static final List<String> ALL = List.of(BASE, JUDGE, JUDGE_2, JUDGE_3);
    /** A fixed creation time keeps /v1/models byte-identical between runs. */
    public static final long CREATED_EPOCH_SECONDS = 1_735_689_600L; // 2025-01-01T00:00:00Z

    public static final String OWNER = "arbiter-offline";

    private DemoModels() {}

    public static boolean isKnown(String model) {
        return ALL.contains(model);
    }
}
