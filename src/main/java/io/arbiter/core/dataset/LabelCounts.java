package io.arbiter.core.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How often each truth label occurs, after splitting multi-label cells and applying renames. */
public record LabelCounts(Map<String, Integer> counts) {

    public LabelCounts {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Counts over every row; linear in the rows, so call it off the UI thread for large datasets. */
    public static LabelCounts of(Dataset dataset, ColumnMapping mapping) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (mapping.hasTruth() && dataset.hasColumn(mapping.truthColumn())) {
            for (int row = 0; row < dataset.size(); row++) {
                for (String label : mapping.truthLabels(dataset, row)) {
                    counts.merge(label, 1, Integer::sum);
                }
            }
        }
        return new LabelCounts(counts);
    }

    /** The labels as the prompts and the matching use them. */
    public LabelSet labelSet() {
        return new LabelSet(new ArrayList<>(counts.keySet()));
    }

    /** Labels from most to least frequent, ties alphabetically. */
    public List<Map.Entry<String, Integer>> byFrequency() {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> b.getValue().equals(a.getValue())
                ? String.CASE_INSENSITIVE_ORDER.compare(a.getKey(), b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
        return entries;
    }
}
