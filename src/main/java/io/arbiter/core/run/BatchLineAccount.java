package io.arbiter.core.run;

import io.arbiter.core.llm.BatchCustomId;
import io.arbiter.core.llm.BatchResultLine;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one stage's books while its batch output is read: which rows are settled, which lines were strays or
 * doubles, and why a row still lacks an answer. A row is settled by the first line that answers or fails it; any
 * later line for it is a duplicate and never overwrites an answer (it may replace an error line: that answer was
 * paid for). One attempt of one stage; not thread-safe.
 */
final class BatchLineAccount {

    /** Why a row that was sent has no outcome yet; decides its error if no further round answers it. */
    enum Gap {
        MISSING,
        NOT_RUN,
        TIMED_OUT
    }

    private final long runId;
    private final Stage stage;
    private final Set<Integer> requested;
    private final Set<Integer> settled = new HashSet<>();
    /** Settled rows whose line was an error: a later line that answers them is kept instead. */
    private final Set<Integer> settledByError = new HashSet<>();

    private final Map<Integer, Gap> gaps = new HashMap<>();
    private final Map<Integer, String> gapBatch = new HashMap<>();
    private long submitted;
    private long missing;
    private long unknown;
    private long duplicate;
    private long resubmitted;
    private long unanswered;

    BatchLineAccount(long runId, Stage stage, Set<Integer> requested) {
        this.runId = runId;
        this.stage = stage;
        this.requested = Set.copyOf(requested);
    }

    /** A row answered without a batch line (from the cache): a line for it later is a duplicate. */
    void settle(int row) {
        settled.add(row);
        gaps.remove(row);
    }

    void submitted(int lines, boolean again) {
        submitted += lines;
        if (again) {
            resubmitted += lines;
        }
    }

    /**
     * Reads one output or error line: the row it settles, or -1 when the line is a stray, a double, or says the
     * request was never run (then the row stays open and {@code notRun} says so).
     */
    int take(BatchResultLine line, Set<Integer> notRun) {
        BatchCustomId id = BatchCustomId.parse(line.customId()).orElse(null);
        if (id == null || id.runId() != runId || !id.stage().equals(stage.name()) || !requested.contains(id.row())) {
            unknown++;
            return -1;
        }
        if (settled.contains(id.row())) {
            duplicate++;
            // A line that answers is paid for: it replaces an error line for the same row, never the other way.
            if (line.answered() && settledByError.remove(id.row())) {
                return id.row();
            }
            return -1;
        }
        if (!line.answered()
                && line.error() != null
                && (line.error().startsWith("batch_expired") || line.error().startsWith("batch_cancelled"))) {
            notRun.add(id.row()); // never attempted: it may go into the next batch
            return -1;
        }
        settled.add(id.row());
        if (!line.answered()) {
            settledByError.add(id.row());
        }
        gaps.remove(id.row());
        return id.row();
    }

    /** A row sent in a batch that ended without a line settling it. */
    void gap(int row, Gap gap, String batchId) {
        if (settled.contains(row)) {
            return;
        }
        if (gap == Gap.MISSING) {
            missing++;
        }
        gaps.put(row, gap);
        gapBatch.put(row, batchId);
    }

    boolean settled(int row) {
        return settled.contains(row);
    }

    boolean timedOut(int row) {
        return gaps.get(row) == Gap.TIMED_OUT;
    }

    /** The error a row gets when no round answered it, saying what happened to its line. */
    String unansweredBecause(int row, boolean sentTwice) {
        unanswered++;
        Gap gap = gaps.getOrDefault(row, Gap.MISSING);
        String batch = gapBatch.containsKey(row) ? " (batch " + gapBatch.get(row) + ")" : "";
        String again = sentTwice ? "; it was sent again once, with the same result" : "";
        return switch (gap) {
            case MISSING -> "The provider returned no output line for this request" + batch + again
                    + ". Run again to send it once more.";
            case NOT_RUN -> "The batch ended before this request was run" + batch + again
                    + ". Run again to send it once more.";
            case TIMED_OUT -> "The batch did not finish within the batch timeout and was cancelled" + batch
                    + ". Run again to send it once more, or raise --batch-timeout.";
        };
    }

    BatchReconciliation reconciliation() {
        return new BatchReconciliation(stage, submitted, missing, unknown, duplicate, resubmitted, unanswered);
    }
}
