package io.arbiter.core.project;

import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.store.ProjectStore;
import java.util.List;
import java.util.Map;

/**
 * The human review of a project: verdicts on rows and the rows promoted to worked examples, kept per dataset content
 * so a re-imported file keeps its labels and another file does not. Calls without a hash act on the current copy.
 */
final class HumanReview {

    private final ProjectStore store;
    private final DatasetCopies datasets;

    HumanReview(ProjectStore store, DatasetCopies datasets) {
        this.store = store;
        this.datasets = datasets;
    }

    void saveVerdict(int row, HumanVerdict verdict) {
        saveVerdict(datasets.requireCurrentSha(), row, verdict);
    }

    void saveVerdict(String datasetSha256, int row, HumanVerdict verdict) {
        store.putVerdict(datasetSha256, row, verdict);
    }

    void removeVerdict(int row) {
        removeVerdict(datasets.requireCurrentSha(), row);
    }

    void removeVerdict(String datasetSha256, int row) {
        store.removeVerdict(datasetSha256, row);
    }

    /** The current copy's verdicts; none when the project has no dataset yet. */
    Map<Integer, HumanVerdict> verdicts() {
        return datasets.current().map(d -> verdicts(d.sha256())).orElse(Map.of());
    }

    Map<Integer, HumanVerdict> verdicts(String datasetSha256) {
        return store.verdicts(datasetSha256);
    }

    void setPromoted(int row, boolean promoted) {
        setPromoted(datasets.requireCurrentSha(), row, promoted);
    }

    void setPromoted(String datasetSha256, int row, boolean promoted) {
        store.setPromoted(datasetSha256, row, promoted);
    }

    /** The current copy's promoted rows; none when the project has no dataset yet. */
    List<Integer> promotedRows() {
        return datasets.current().map(d -> promotedRows(d.sha256())).orElse(List.of());
    }

    /** In the order they were promoted: the order their examples take in the prompt. */
    List<Integer> promotedRows(String datasetSha256) {
        return store.promotedRows(datasetSha256);
    }
}
