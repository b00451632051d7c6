package io.arbiter.ui.results;

import io.arbiter.core.dataset.ColumnGuess;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows the results table shows: every row, or those a text filter and a chosen {@link RowFilter} select, in the
 * order asked for, and the ones selected. Filtering and sorting run off the FX thread; only the latest request is
 * shown. Touch only on the UI thread.
 */
final class ShownRows {

    /** Filters and sorts: one that finishes after a newer request began is dropped. */
    private final LatestOnly requests;

    private final ObservableList<ResultsTableRow> rows = FXCollections.observableArrayList();
    /** Every row in dataset order, what the filters choose from. */
    private List<ResultsTableRow> allRows = List.of();

    private Dataset dataset;
    private final ReadOnlyObjectWrapper<List<String>> keyColumns = new ReadOnlyObjectWrapper<>(List.of());

    private String filterText = "";
    /** Rows chosen from a chart or a preset; null shows every row. Composes with the text filter. */
    private RowFilter rowFilter;

    private Comparator<ResultsTableRow> order;
    /** The Label next plan's order, used while no column sort is chosen; null otherwise. */
    private Comparator<ResultsTableRow> planOrder;

    private final ReadOnlyStringWrapper shownSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rowFilterSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RowFilter.Preset> preset = new ReadOnlyObjectWrapper<>(RowFilter.Preset.ALL);
    /** The dataset row the table should select, set once the shown rows include it; -1 when none is asked for. */
    private final ReadOnlyIntegerWrapper rowToSelect = new ReadOnlyIntegerWrapper(-1);

    private int pendingSelection = -1;
    /** The rows selected in the table, in the order the table holds them. */
    private List<ResultsTableRow> selected = List.of();

    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper();

    ShownRows(TaskExecutor executor) {
        this.requests = new LatestOnly(executor);
    }

    // Properties

    ObservableList<ResultsTableRow> rows() {
        return rows;
    }

    ReadOnlyStringProperty shownSummaryProperty() {
        return shownSummary.getReadOnlyProperty();
    }

    ReadOnlyStringProperty rowFilterSummaryProperty() {
        return rowFilterSummary.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RowFilter.Preset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty rowToSelectProperty() {
        return rowToSelect.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<List<String>> keyColumnsProperty() {
        return keyColumns.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    List<Integer> selectedIndices() {
        return selected.stream().map(ResultsTableRow::index).distinct().sorted().toList();
    }

    /** True while rows chosen from a chart, a preset or a draft run narrow what is shown. */
    boolean hasRowFilter() {
        return rowFilter != null;
    }

    // Commands

    /**
     * Shows every row of a new dataset, with no filter and in dataset order; a filter or sort still in the
     * background is dropped.
     */
    void showAll(List<ResultsTableRow> all, Dataset dataset, ColumnMapping mapping) {
        this.allRows = all;
        this.dataset = dataset;
        keyColumns.set(keyColumnsOf(dataset, mapping));
        requests.supersede();
        filterText = "";
        order = null;
        rowFilter = null;
        planOrder = null;
        preset.set(RowFilter.Preset.ALL);
        rowFilterSummary.set("");
        rows.setAll(all);
        shownSummary.set("");
    }

    void filter(String text) {
        filterText = text == null ? "" : text.strip();
        refresh();
    }

    void showOnly(RowFilter filter) {
        rowFilter = filter;
        planOrder = null;
        preset.set(filter == null ? RowFilter.Preset.ALL : null);
        refresh();
    }

    void showPreset(RowFilter.Preset chosen) {
        RowFilter filter = chosen.filter();
        if (filter != null && chosen != RowFilter.Preset.HUMAN_REVIEWED) {
            // Promoted rows are examples, not measurements: left out here as they are from the figures, so a
            // preset shows as many rows as the analysis counts.
            filter = new RowFilter(filter.description(), filter.rows().and(row -> !row.promoted()));
        }
        showOnly(filter);
        preset.set(chosen);
    }

    /** Shows the rows a Label next plan chose, in its order, while that preset is on. */
    void showPlanned(List<Integer> planned, String description) {
        if (preset.get() != RowFilter.Preset.LABEL_NEXT) {
            return;
        }
        Map<Integer, Integer> place = new HashMap<>();
        planned.forEach(row -> place.putIfAbsent(row, place.size()));
        rowFilter = new RowFilter(description, row -> place.containsKey(row.index()));
        planOrder = Comparator.comparingInt(row -> place.getOrDefault(row.index(), Integer.MAX_VALUE));
        refresh();
    }

    void select(int row) {
        pendingSelection = row;
        refresh();
    }

    void select(List<ResultsTableRow> chosen) {
        selected = List.copyOf(chosen);
        selectedCount.set(selected.size());
    }

    void sort(Comparator<ResultsTableRow> comparator) {
        order = comparator;
        refresh();
    }

    /** Chooses the shown rows again, as when the results a chosen filter reads have changed. */
    void refresh() {
        List<ResultsTableRow> source = allRows;
        String needle = filterText.toLowerCase(Locale.ROOT);
        RowFilter chosen = rowFilter;
        Comparator<ResultsTableRow> sortBy = order != null ? order : planOrder;
        Dataset shownDataset = dataset;
        List<String> keys = keyColumns.get();
        requests.submit(
                () -> {
                    List<ResultsTableRow> selected = new ArrayList<>(source.size());
                    for (ResultsTableRow row : source) {
                        if ((chosen == null || chosen.rows().test(row))
                                && (needle.isEmpty() || row.matches(needle, shownDataset, keys))) {
                            selected.add(row);
                        }
                    }
                    if (sortBy != null) {
                        selected.sort(sortBy);
                    }
                    return selected;
                },
                selected -> show(selected, source.size(), !needle.isEmpty() || chosen != null, chosen),
                failure -> {}); // a filter or sort that fails leaves the rows shown as they were
    }

    private void show(List<ResultsTableRow> selected, int total, boolean filtered, RowFilter chosen) {
        rows.setAll(selected);
        shownSummary.set(filtered ? String.format(Locale.ROOT, "Showing %,d of %,d rows", selected.size(), total) : "");
        rowFilterSummary.set(
                chosen == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "Showing: %s (%,d %s)",
                                chosen.description(),
                                selected.size(),
                                selected.size() == 1 ? "row" : "rows"));
        if (pendingSelection >= 0) {
            rowToSelect.set(pendingSelection);
            rowToSelect.set(-1);
            pendingSelection = -1;
        }
    }

    /** A column that names the row (a title, an id), then the inputs: the table shows them and the filter searches them. */
    private static List<String> keyColumnsOf(Dataset dataset, ColumnMapping mapping) {
        List<String> exclude = new ArrayList<>(mapping.inputColumns());
        if (mapping.hasTruth()) {
            exclude.add(mapping.truthColumn());
        }
        // The reference, the human judgements and a pair's answers have columns of their own in the table.
        JudgeColumns judged = mapping.judgeColumns();
        for (String column : new String[] {
            judged.reference(),
            judged.humanScore(),
            judged.humanVerdict(),
            judged.humanPreference(),
            judged.answerB(),
            mapping.answerColumn()
        }) {
            if (column != null) {
                exclude.add(column);
            }
        }
        List<String> keys = new ArrayList<>();
        String key = ColumnGuess.key(dataset, exclude);
        if (key != null) {
            keys.add(key);
        }
        keys.addAll(mapping.inputColumns());
        return keys;
    }
}
