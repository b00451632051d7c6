package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.ColumnGuess;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.ui.prompts.PromptsViewModel;
import io.arbiter.ui.results.ResultsViewModel;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The setup on screen as a project keeps it: read for Save and when a run starts, and put back when a project opens,
 * with its dataset's latest run and review asked for once the table holds their rows. FX thread.
 */
final class KeptSetup {

    private final DatasetSetup data;
    private final PromptsViewModel prompts;
    private final ProviderChoice choice;
    private final ResultsViewModel results;
    private final ReviewLog review;
    private final Consumer<ShowRequest> request;

    /** {@code request} gets what an opened project asks the table to show. */
    KeptSetup(
            DatasetSetup data,
            PromptsViewModel prompts,
            ProviderChoice choice,
            ResultsViewModel results,
            ReviewLog review,
            Consumer<ShowRequest> request) {
        this.data = data;
        this.prompts = prompts;
        this.choice = choice;
        this.results = results;
        this.review = review;
        this.request = request;
    }

    /** The setup on screen now; the mapping is null while it does not fit the dataset. */
    WorkbenchSetup setup() {
        Dataset rows = data.datasetProperty().get();
        ColumnMapping mapping = data.mapping();
        return new WorkbenchSetup(
                rows,
                rows == null || !mapping.problemsWith(rows).isEmpty() ? null : mapping,
                prompts.baseTextProperty().get(),
                prompts.judgeTextProperty().get(),
                choice.selected().name(),
                choice.baseModelProperty().get(),
                choice.judgeModelProperty().get(),
                prompts.scheme(),
                prompts.secondBase()
                        .secondBase(choice.baseModelProperty().get())
                        .orElse(null),
                choice.panel());
    }

    /** Everything Save writes. */
    WorkbenchProject.Saving saving() {
        return new WorkbenchProject.Saving(
                setup(),
                choice.keptProfile(),
                choice.panel(),
                choice.keptMode(),
                choice.concurrencyProperty().get());
    }

    /** The review of {@code rows} made in the table, to carry into a new project; null when there is none. */
    WorkbenchProject.KeptReview reviewOf(Dataset rows) {
        return rows != null && results.dataset() == rows && review.size() > 0
                ? new WorkbenchProject.KeptReview(Map.copyOf(review.verdicts()), review.promotedRows())
                : null;
    }

    /** Puts back what an opened project holds: prompts, provider, and its dataset with its latest run and review. */
    void restore(WorkbenchProject.Restored restored) {
        if (restored.prompts() != null) {
            prompts.baseTextProperty().set(restored.prompts().baseText());
            prompts.judgeTextProperty().set(restored.prompts().judgeText());
        }
        if (restored.scheme() != null) {
            // Before the dataset: its rows are built graded the way the project's next run grades.
            prompts.useScheme(restored.scheme());
            results.useScheme(restored.scheme());
        }
        if (restored.providerName() != null) {
            choice.restore(
                    restored.providerName(), restored.providerUrl(), restored.baseModel(), restored.judgeModel());
            // The jury and repeats as the project saved them (or, before panels were kept, as its latest run had them).
            choice.usePanel(restored.panel() == null ? JudgePanel.SINGLE : restored.panel());
        }
        if (restored.secondBase() != null) { // model B as the project ran it, shown empty when it is the base model
            prompts.secondBase()
                    .show(restored.secondBase(), choice.baseModelProperty().get());
        } else if (restored.scheme() != null && !restored.scheme().pairs()) {
            prompts.secondBase().clear(); // a project of one answer per row: no other project's prompt B stays
        }
        if (restored.dataset() != null) {
            Dataset rows = restored.dataset();
            ColumnMapping mapping = restored.mapping() != null
                    ? restored.mapping()
                    : new ColumnMapping(List.of(ColumnGuess.input(rows)), ColumnGuess.truth(rows.columns()), ",");
            request.accept(ShowRequest.restoring(rows, restored.latestRun(), restored.review()));
            data.useMapped(rows, mapping);
        }
    }
}
