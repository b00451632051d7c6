package io.arbiter.core.export;

import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowRatings;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.Stage;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.Preference;
import java.util.ArrayList;
import java.util.List;

/**
 * A pairwise run's cells in the results CSV, in place of the base answer and the verdict columns: both answers,
 * both orders' raw replies, each order's winner, the row's outcome and the person's preference (docs/PAIRWISE.md,
 * "Results CSV"). {@code arbiter metrics --scheme pairwise} reads them back.
 */
final class PairResultCells {

    /** The judge's reply with B shown first, beside {@code judge_output_raw} (A shown first). */
    static final String RAW_BA = "judge_output_raw_ba";

    /** After the dataset's columns: the answers, the replies, the scheme's winners and outcome, the preference. */
    static List<String> columns(JudgeScheme scheme) {
        List<String> columns = new ArrayList<>(List.of("answer_a", "answer_b", "judge_output_raw", RAW_BA));
        columns.addAll(scheme.exportColumns());
        columns.add("human_preference");
        return columns;
    }

    /** What each model reasoned before its reply: answer A's and B's base, the judge in each order. */
    static final List<String> REASONING =
            List.of("base_reasoning", "base_b_reasoning", "judge_reasoning", "judge_reasoning_ba");

    private PairResultCells() {}

    /** The cells of {@link #columns} for one row; the preference is a reviewer's on these answers, else the dataset's. */
    static List<String> cells(JudgeScheme scheme, RowRatings ratings, RowResult result, HumanVerdict review) {
        List<String> cells = new ArrayList<>();
        cells.add(result.base().text());
        cells.add(result.outcome(Stage.BASE_B).text());
        cells.add(result.judge().text());
        cells.add(result.outcome(Stage.JUDGE_BA).text());
        if (result.judgement() == null) {
            scheme.exportColumns().forEach(column -> cells.add(""));
        } else {
            cells.addAll(scheme.exportCells(result.truth(), result.judgement()));
        }
        Preference human = ratings == null ? null : ratings.rate(result, review).humanPreference();
        cells.add(PairwiseScheme.spell(human));
        return cells;
    }

    /** The reasoning cells of {@link #REASONING}. */
    static List<String> reasoning(RowResult result) {
        List<String> cells = new ArrayList<>();
        for (Stage stage : List.of(Stage.BASE, Stage.BASE_B, Stage.JUDGE, Stage.JUDGE_BA)) {
            String reasoning = result.outcome(stage).reasoning();
            cells.add(reasoning == null ? "" : reasoning);
        }
        return cells;
    }
}
