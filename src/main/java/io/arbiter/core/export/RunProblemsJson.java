package io.arbiter.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.run.BatchReconciliation;
import io.arbiter.core.run.RunOutcome;
import java.util.Locale;

/**
 * What a run left undone, in the keys both {@code run --json} and the project's run record use: {@code unanswered}
 * (rows without an answer) and, for batch runs, {@code batch_output} with each stage's line accounting.
 */
public final class RunProblemsJson {

    private RunProblemsJson() {}

    public static void put(ObjectNode json, RunOutcome outcome) {
        json.put("unanswered", outcome.unanswered().rows());
        ObjectNode stages = outcome.batchOutput().isEmpty() ? null : json.putObject("batch_output");
        for (BatchReconciliation batch : outcome.batchOutput()) {
            ObjectNode lines = stages.putObject(batch.stage().name().toLowerCase(Locale.ROOT));
            lines.put("submitted", batch.submitted());
            lines.put("missing", batch.missing());
            lines.put("unknown_custom_id", batch.unknown());
            lines.put("duplicate_custom_id", batch.duplicate());
            lines.put("resubmitted", batch.resubmitted());
            lines.put("unanswered", batch.unanswered());
        }
    }
}
