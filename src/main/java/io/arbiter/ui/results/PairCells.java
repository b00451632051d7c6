package io.arbiter.ui.results;

import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.JudgePreference;
import io.arbiter.core.verdict.PairJudgement;
import io.arbiter.core.verdict.PairOutcome;

/**
 * What a pairwise row's cells say: answer B, each order's verdict in the answers' terms, and the row's outcome,
 * spelled as the export spells them, with "error" where a request failed and empty while it is pending.
 */
final class PairCells {

    private PairCells() {}

    /** Answer B as given, "error" when its request failed, empty before it is in or on a row of one answer. */
    static String answerB(RowResult r) {
        if (!r.paired()) {
            return "";
        }
        StageOutcome b = r.pair().baseB();
        return b.failed() ? "error" : b.answered() ? b.text().strip() : "";
    }

    /** The verdict with A shown first: A, B, tie, UNPARSED, error, or empty while it is pending. */
    static String aFirst(RowResult r) {
        PairJudgement pair = judgement(r);
        if (pair == null || pair.aFirst() == null) {
            return r.judge().failed() ? "error" : "";
        }
        return spell(pair.aFirst());
    }

    /**
     * The verdict with B shown first mapped back to the answers (its "A" is answer B): A, B, tie, UNPARSED, error,
     * empty while pending, and "—" when the run asks A first only.
     */
    static String bFirst(RowResult r) {
        if (!r.paired()) {
            return "";
        }
        if (!r.pair().swapped()) {
            return "—";
        }
        PairJudgement pair = judgement(r);
        if (pair == null || pair.bFirst() == null) {
            return r.pair().judgeBA().failed() ? "error" : "";
        }
        return pair.bFirst().parsed() ? PairwiseScheme.spell(pair.bFirstMapped()) : "UNPARSED";
    }

    /** The row's outcome, or null before the judge has answered. */
    static PairOutcome outcome(RowResult r) {
        PairJudgement pair = judgement(r);
        return pair == null ? null : pair.outcome();
    }

    /** What the judge reasoned in each order, each under its heading when both were asked; empty when neither did. */
    static String reasoning(RowResult r) {
        PairJudgement pair = judgement(r);
        if (pair == null) {
            return "";
        }
        String first = pair.aFirst() == null ? "" : pair.aFirst().reasoning();
        String second = pair.bFirst() == null ? "" : pair.bFirst().reasoning();
        if (!pair.bothOrders() || second.isEmpty()) {
            return first;
        }
        return (first.isEmpty() ? "" : "A shown first: " + first + "\n\n") + "B shown first: " + second;
    }

    private static String spell(JudgePreference order) {
        return order.parsed() ? PairwiseScheme.spell(order.winner()) : "UNPARSED";
    }

    private static PairJudgement judgement(RowResult r) {
        return r.judgement() instanceof PairJudgement pair ? pair : null;
    }
}
