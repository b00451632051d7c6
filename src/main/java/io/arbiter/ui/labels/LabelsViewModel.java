package io.arbiter.ui.labels;

import io.arbiter.core.dataset.LabelCounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The label set beside the table: each truth label with its count, and renames that merge spellings. */
public final class LabelsViewModel {

    /** A label as the list shows it. */
    public record LabelCount(String label, int count) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s  (%,d)", label, count);
        }
    }

    private final ObservableList<LabelCount> labels = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Labels");
    private final ReadOnlyStringWrapper renamesText = new ReadOnlyStringWrapper("");
    private final Map<String, String> renames = new LinkedHashMap<>();
    private final Consumer<Map<String, String>> onRenamed;

    /** {@code onRenamed} gets the full rename map whenever it changes, to re-read the truth with it. */
    public LabelsViewModel(Consumer<Map<String, String>> onRenamed) {
        this.onRenamed = onRenamed;
    }

    // Properties

    public ObservableList<LabelCount> labels() {
        return labels;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The renames in force, one per line, e.g. "Sci-fi → Sci-Fi". */
    public ReadOnlyStringProperty renamesTextProperty() {
        return renamesText.getReadOnlyProperty();
    }

    public Map<String, String> renames() {
        return Map.copyOf(renames);
    }

    // Commands

    public void show(LabelCounts counts) {
        List<LabelCount> rows = counts.byFrequency().stream()
                .map(e -> new LabelCount(e.getKey(), e.getValue()))
                .toList();
        labels.setAll(rows);
        title.set(rows.isEmpty() ? "Labels · no truth column" : "Labels · " + rows.size());
    }

    /** Renames {@code from} to {@code to}; naming an existing label merges the two. Blank or same names do nothing. */
    public void rename(String from, String to) {
        if (from == null || to == null || to.isBlank() || from.equals(to.strip())) {
            return;
        }
        String target = to.strip();
        // Labels already renamed into "from" now go straight to the new name.
        renames.replaceAll((source, destination) -> destination.equals(from) ? target : destination);
        renames.put(from, target);
        renames.remove(target);
        publish();
    }

    /** Forgets every rename; the labels are read as written again. */
    public void resetRenames() {
        if (!renames.isEmpty()) {
            renames.clear();
            publish();
        }
    }

    /**
     * Starts from a fresh dataset: its labels as written, or with the renames kept from before (a project's
     * mapping), which the caller already reads the truth with.
     */
    public void useForNewDataset(Map<String, String> kept) {
        renames.clear();
        new java.util.TreeMap<>(kept).forEach(renames::put);
        showRenames();
    }

    private void publish() {
        showRenames();
        onRenamed.accept(Map.copyOf(renames));
    }

    private void showRenames() {
        StringBuilder text = new StringBuilder();
        renames.forEach((from, to) -> text.append(from).append(" → ").append(to).append('\n'));
        renamesText.set(text.toString().strip());
    }
}
