package io.arbiter.ui.importer;

/** Where a pairwise run's two answers come from, as the import dialog offers it. */
public enum PairSource {
    /** Both answers are in the dataset: the answer column holds A, another column B. */
    COLUMNS("Two answer columns in the dataset"),
    /** Arbiter generates both: the run's base model and prompt answer A, a second configuration answers B. */
    GENERATED("Generated: the base answers A, a second model or prompt answers B");

    private final String title;

    PairSource(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
