package io.arbiter.core.project;

import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The worked examples a judge prompt shows through {@code {{examples}}}: the promoted reviewed rows in promotion
 * order, each with the answer the reviewer judged and the label the judge should name. One rule for the workbench
 * and {@code arbiter run --project}, so both send the judge the same prompt.
 */
public final class WorkedExamples {

    private WorkedExamples() {
    }

    /**
     * @param rows each row's result as last shown or run (a pending result when it never ran); null past the end
     */
    public static List<FewShotExample> of(List<Integer> promoted, Map<Integer, HumanVerdict> verdicts,
                                          IntFunction<RowResult> rows) {
        List<FewShotExample> examples = new ArrayList<>();
        for (int index : promoted) {
            RowResult r = rows.apply(index);
            HumanVerdict verdict = verdicts.get(index);
            if (r == null || verdict == null) {
                continue; // promotion needs a verdict; a row gone from the dataset has nothing to show
            }
            String expected = !r.truth().isEmpty() ? r.truth().get(0)
                    : r.verdict() != null && r.verdict().parsed() ? r.verdict().prediction()
                    : r.baseAnswer() != null && r.baseAnswer().parsed() ? r.baseAnswer().label() : "";
            // The answer the person judged: a later run may have answered the row otherwise.
            String judged = verdict.answer() != null ? verdict.answer()
                    : r.base().answered() ? r.base().text().strip() : "";
            examples.add(new FewShotExample(index, judged, verdict.baseRight(), expected));
        }
        return List.copyOf(examples);
    }
}
