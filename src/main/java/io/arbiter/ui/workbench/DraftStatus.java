package io.arbiter.ui.workbench;

import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.metrics.Proportion;
import io.arbiter.core.run.RunOutcome;
import java.util.Locale;

/**
 * A draft run as the status line tells it: how many selected rows were tried, what they came to, and that the rest
 * of the dataset was not sent.
 *
 * @param rows        the selected rows the draft covers
 * @param of          the rows in the dataset
 * @param batchChosen true when the mode box says Batch API: a draft still goes in realtime, and says so
 */
record DraftStatus(int rows, int of, boolean batchChosen) {

    String starting() {
        return head() + ": running…" + (batchChosen ? " Realtime: the Batch API is for whole runs." : "");
    }

    /** E.g. "Draft run on 12 selected rows: judge vs truth 91.7% (11 of 12); the other 38 rows were not sent." */
    String finished(RunOutcome outcome, String fromCache) {
        AccuracyCounts m = outcome.metrics();
        String figures =
                switch (outcome.status()) {
                    case COMPLETED -> m.judgeVsTruth().n() > 0
                            ? "judge vs truth " + share(m.judgeVsTruth(), "")
                            : "base vs judge " + share(m.baseVsJudge(), " say Correct");
                    case CANCELLED -> "cancelled";
                    case STOPPED -> "stopped";
                };
        String rest = of == rows
                ? ""
                : String.format(Locale.ROOT, "; the other %,d rows were not sent (▶ Run sends every row)", of - rows);
        return head() + ": " + figures + rest + "."
                + (batchChosen ? " Sent in realtime: the Batch API is for whole runs." : "")
                + (fromCache.isEmpty() ? "" : " " + fromCache);
    }

    private String head() {
        return String.format(Locale.ROOT, "Draft run on %,d selected %s", rows, rows == 1 ? "row" : "rows");
    }

    private static String share(Proportion p, String what) {
        return p.percent() + " (" + p.hits() + " of " + p.n() + what + ")";
    }
}
