package io.arbiter.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The allowed answers: the distinct ground-truth labels of a dataset, sorted, matched case-insensitively. */
public final class LabelSet {

    private static final LabelSet EMPTY = new LabelSet(List.of());

    private final List<String> labels;
    private final Map<String, String> byFoldedName = new TreeMap<>();

    public LabelSet(List<String> labels) {
        List<String> distinct = new ArrayList<>();
        for (String label : labels) {
            String folded = fold(label);
            if (!folded.isEmpty() && !byFoldedName.containsKey(folded)) {
                byFoldedName.put(folded, label.strip());
                distinct.add(label.strip());
            }
        }
        distinct.sort(String.CASE_INSENSITIVE_ORDER);
        this.labels = List.copyOf(distinct);
    }

    public static LabelSet empty() {
        return EMPTY;
    }

    /** Collects the distinct labels of the mapping's truth column over every row. */
    public static LabelSet fromTruth(Dataset dataset, ColumnMapping mapping) {
        if (!mapping.hasTruth()) {
            return EMPTY;
        }
        List<String> all = new ArrayList<>();
        for (int row = 0; row < dataset.size(); row++) {
            all.addAll(mapping.truthLabels(dataset, row));
        }
        return new LabelSet(all);
    }

    public List<String> labels() {
        return labels;
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    /** The label spelled as in the set, if the candidate names one regardless of case. */
    public Optional<String> match(String candidate) {
        return Optional.ofNullable(byFoldedName.get(fold(candidate)));
    }

    /** The list as a prompt shows it: "Action, Comedy, Drama". */
    public String asPromptText() {
        return String.join(", ", labels);
    }

    private static String fold(String label) {
        return label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    }
}
