package io.arbiter.core.run;

import java.util.ArrayList;
import java.util.List;

/**
 * How one stage's batch lines were accounted for: every line submitted ends answered, failed (from the error file)
 * or missing, and output lines that belong to no request, or to one already answered, are counted, never taken.
 *
 * @param submitted   lines uploaded in this attempt, resubmissions included
 * @param missing     submitted lines the provider returned no output or error line for, over every round
 * @param unknown     output lines whose {@code custom_id} is absent or matches no request of this run and stage
 * @param duplicate   output lines for a request that already had one; the first line was kept
 * @param resubmitted lines sent a second time because their first batch did not answer them
 * @param unanswered  rows the stage ended without an answer because no batch line came back for them
 */
public record BatchReconciliation(
        Stage stage, long submitted, long missing, long unknown, long duplicate, long resubmitted, long unanswered) {

    /** True when every line came back once and nothing else came with them. */
    public boolean clean() {
        return missing == 0 && unknown == 0 && duplicate == 0;
    }

    /**
     * E.g. "judge batch output: 3 lines missing (sent again once), 2 lines with an unknown custom_id ignored";
     * empty when the output was clean.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (missing > 0) {
            parts.add(missing + (missing == 1 ? " line" : " lines") + " missing"
                    + (resubmitted > 0 ? " (" + resubmitted + " sent again once)" : ""));
        }
        if (unknown > 0) {
            parts.add(unknown + (unknown == 1 ? " line" : " lines") + " with an unknown custom_id ignored");
        }
        if (duplicate > 0) {
            parts.add(duplicate + (duplicate == 1 ? " duplicate line" : " duplicate lines")
                    + " ignored (the first answer kept)");
        }
        if (unanswered > 0) {
            parts.add(unanswered + (unanswered == 1 ? " row" : " rows") + " left unanswered");
        }
        return parts.isEmpty() ? "" : stage.name().toLowerCase() + " batch output: " + String.join(", ", parts);
    }
}
