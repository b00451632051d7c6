package io.arbiter.core.project;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.store.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * The worked examples a judge prompt shows through {@code {{examples}}}: the promoted reviewed rows in promotion
 * order, each with the answer the reviewer judged and the label the judge should name. One rule for the workbench
 * and {@code arbiter run --project}, so both send the judge the same prompt.
 */
public final class WorkedExamples {

    private WorkedExamples() {}

    /**
     * @param scheme how the judge grades: it decides what each example should answer
     * @param rows   each row's result as last shown or run (a pending result when it never ran); null past the end
     */
    public static List<FewShotExample> of(
            JudgeScheme scheme,
            List<Integer> promoted,
            Map<Integer, HumanVerdict> verdicts,
            IntFunction<RowResult> rows) {
        if (!scheme.takesExamples()) {
            return List.of(); // rows promoted under another scheme teach this one nothing it could read
        }
        List<FewShotExample> examples = new ArrayList<>();
        for (int index : promoted) {
            RowResult r = rows.apply(index);
            HumanVerdict verdict = verdicts.get(index);
            if (r == null || verdict == null) {
                continue; // promotion needs a verdict; a row gone from the dataset has nothing to show
            }
            // The answer the person judged: a later run may have answered the row otherwise.
            String judged = verdict.answer() != null
                    ? verdict.answer()
                    : r.base().answered() ? r.base().text().strip() : "";
            examples.add(scheme.example(index, r.truth(), r.baseAnswer(), r.judgement(), verdict, judged));
        }
        return List.copyOf(examples);
    }

    /**
     * The examples a project's review puts into the judge prompt for its dataset copy {@code sha256}, as the
     * workbench builds them after opening the project: the promoted rows with their verdicts, over the rows of the
     * run it then shows ({@link #shownRun}), or pending rows (their truth read with {@code mapping}) when there is
     * none, less any row the project's split holds out. What {@code arbiter run --project} sends, so it judges
     * with the workbench's prompt.
     *
     * @param next the scheme of the run the examples are for: it decides what each teaches and how it reads
     */
    public static List<FewShotExample> of(
            Project project, String sha256, Dataset rows, ColumnMapping mapping, JudgeScheme next) {
        List<Integer> promoted = project.promotedRows(sha256);
        if (promoted.isEmpty()) {
            return List.of(); // the usual case: nothing to read
        }
        // A row promoted before the share was raised may be held out now: it checks the examples, it is not one.
        HeldOutSplit split = project.heldOutSplit();
        promoted = promoted.stream().filter(row -> !split.heldOut(row)).toList();
        OptionalLong shown = shownRun(project, sha256);
        List<RowResult> results = shown.isPresent() ? project.rows(shown.getAsLong()) : List.of();
        return of(
                next,
                promoted,
                project.verdicts(sha256),
                index -> index < results.size()
                        ? results.get(index)
                        : index < rows.size() ? RowResult.pending(index, mapping.truthLabels(rows, index)) : null);
    }

    /**
     * The run whose rows the workbench shows for a dataset copy when it opens the project: the latest that ended
     * (cancelled and stopped ones too) over that dataset; empty when none did.
     */
    public static OptionalLong shownRun(Project project, String sha256) {
        List<RunRecord> runs = project.store().runRecords();
        for (int i = runs.size() - 1; i >= 0; i--) {
            RunRecord record = runs.get(i);
            if (record.metricsJson() != null && sha256.equals(record.datasetSha256())) {
                return OptionalLong.of(record.id());
            }
        }
        return OptionalLong.empty();
    }
}
