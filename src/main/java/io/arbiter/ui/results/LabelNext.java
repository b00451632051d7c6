package io.arbiter.ui.results;

import io.arbiter.core.metrics.Estimate;
import io.arbiter.core.metrics.LabelPlan;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowScope;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The "Label next" preset: the core's {@link LabelPlan} for the rows shown, recomputed off the FX thread whenever the
 * preset is chosen, a review changes or a run finishes while it is on, so a reviewed row drops out; and the line with
 * the intervals now and expected after labelling the planned rows. Touch only on the UI thread.
 */
public final class LabelNext {

    /** How many rows the preset plans: a sitting's worth of reviewing. */
    public static final int COUNT = 20;

    private final ResultsViewModel results;
    private final ShownRows shown;
    /** A plan that finishes after a newer request began is dropped. */
    private final LatestOnly requests;

    private final ReadOnlyObjectWrapper<LabelPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    LabelNext(TaskExecutor executor, ResultsViewModel results, ShownRows shown) {
        this.results = results;
        this.shown = shown;
        this.requests = new LatestOnly(executor);
        shown.presetProperty().addListener((obs, old, now) -> {
            if (now == RowFilter.Preset.LABEL_NEXT) {
                replan();
            } else if (old == RowFilter.Preset.LABEL_NEXT) {
                requests.supersede();
                plan.set(null);
                summary.set("");
            }
        });
        results.reviewing().reviewVersionProperty().addListener((obs, old, now) -> replanIfShown());
        results.resultsVersionProperty().addListener((obs, old, now) -> replanIfShown());
    }

    // Properties

    /** The plan shown; null while the preset is off or before the first plan arrives. */
    public ReadOnlyObjectProperty<LabelPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** "After labelling these 20: sensitivity 0.81 [0.70, 0.89] → [0.74, 0.90] · …"; empty while the preset is off. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    // Commands

    private void replanIfShown() {
        if (shown.presetProperty().get() == RowFilter.Preset.LABEL_NEXT) {
            replan();
        }
    }

    private void replan() {
        if (results.dataset() == null || results.mapping() == null) {
            return;
        }
        List<RowResult> snapshot = results.snapshot();
        RowScope scope = results.scope();
        Map<Integer, HumanVerdict> reviewed = results.review().copy().verdicts();
        RowRatings ratings = new RowRatings(results.scheme(), results.dataset(), results.mapping(), reviewed);
        summary.set("Planning which rows to label next…");
        requests.submit(
                () -> ratings.labelPlan(scope.measured(snapshot), COUNT),
                this::show,
                failure -> summary.set("Could not plan the rows to label next: " + LatestOnly.messageOf(failure)));
    }

    private void show(LabelPlan planned) {
        if (shown.presetProperty().get() != RowFilter.Preset.LABEL_NEXT) {
            return;
        }
        plan.set(planned);
        summary.set(summaryOf(planned));
        // The chip stays short so the presets beside it keep their titles; the strata are in the rows' verdicts.
        shown.showPlanned(planned.rows().stream().map(LabelPlan.Pick::row).toList(), "rows to label next");
    }

    /** The intervals now and after, in one line. */
    static String summaryOf(LabelPlan planned) {
        if (planned.rows().isEmpty()) {
            return "Every row the judge read is labelled: nothing to plan.";
        }
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "After labelling these %d (of %d unlabelled), expected:",
                planned.rows().size(),
                planned.candidates()));
        String separator = " ";
        for (LabelPlan.Figure figure : LabelPlan.Figure.values()) {
            line.append(separator)
                    .append(figure.title())
                    .append(' ')
                    .append(planned.now().of(figure).format())
                    .append(" → ")
                    .append(interval(planned.after().of(figure)));
            separator = " · ";
        }
        return line.toString();
    }

    private static String interval(Estimate estimate) {
        return estimate.hasInterval()
                ? String.format(Locale.ROOT, "[%.2f, %.2f]", estimate.ciLow(), estimate.ciHigh())
                : "n/a";
    }
}
