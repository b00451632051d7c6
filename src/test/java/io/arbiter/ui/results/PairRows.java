package io.arbiter.ui.results;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.run.PairStages;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.PairJudgement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Six pairs judged in both orders, one of each kind, with people's preferences in a dataset column; the figures
 * worked by hand are in {@code ResultsPairTest}.
 *
 * <pre>
 * row  A first  B first (as shown)  outcome       human
 *  0   [[A]]    [[B]]  → A          A             A
 *  1   [[A]]    [[B]]  → A          A             B
 *  2   [[B]]    [[A]]  → B          B             B
 *  3   [[C]]    [[C]]  → tie        tie           tie
 *  4   [[A]]    [[A]]  → B          inconsistent  A
 *  5   [[A]]    (none)              unparsed      (none)
 * </pre>
 */
public final class PairRows {

    public static final PairwiseScheme SCHEME = PairwiseScheme.DEFAULT;

    public static final Dataset DATASET = new Dataset(
            "pairs.csv",
            List.of("id", "question", "answer_a", "answer_b", "human_preference"),
            List.of(
                    new String[] {"q0", "Capital of France?", "Paris.", "Lyon.", "A"},
                    new String[] {"q1", "Boil water at sea level?", "100 °C.", "At 100 degrees Celsius.", "B"},
                    new String[] {"q2", "Largest planet?", "Saturn.", "Jupiter.", "B"},
                    new String[] {"q3", "2 + 2?", "4", "Four.", "tie"},
                    new String[] {"q4", "Author of Hamlet?", "Shakespeare.", "William Shakespeare.", "A"},
                    new String[] {"q5", "Speed of light?", "About 300,000 km/s.", "Fast.", ""}));

    public static final ColumnMapping MAPPING = new ColumnMapping(List.of("question"), null, "", "answer_a", Map.of())
            .withTask(TaskKind.GENERATE)
            .withJudgeColumns(JudgeColumns.NONE.withPair("answer_b", "human_preference"));

    private static final String[][] REPLIES = {
        {"A is right.\n[[A]]", "The second is right.\n[[B]]"},
        {"A is shorter.\n[[A]]", "The second is shorter.\n[[B]]"},
        {"Jupiter is right.\n[[B]]", "Jupiter is right.\n[[A]]"},
        {"Both right.\n[[C]]", "Both right.\n[[C]]"},
        {"The first reads better.\n[[A]]", "The first reads better.\n[[A]]"},
        {"[[A]]", "I cannot decide between them."}
    };

    private PairRows() {}

    /** The six rows as a finished run leaves them. */
    public static List<RowResult> results() {
        List<RowResult> rows = new ArrayList<>();
        for (int row = 0; row < REPLIES.length; row++) {
            String a = DATASET.value(row, "answer_a");
            String b = DATASET.value(row, "answer_b");
            PairJudgement judged = new PairJudgement(SCHEME.read(REPLIES[row][0]), SCHEME.read(REPLIES[row][1]), true);
            rows.add(new RowResult(
                    row,
                    List.of(),
                    StageOutcome.answered(a, new Usage(10, 2)),
                    BaseAnswer.freeText(a),
                    StageOutcome.answered(REPLIES[row][0], new Usage(40, 5)),
                    judged,
                    new PairStages(
                            StageOutcome.answered(b, new Usage(10, 3)),
                            StageOutcome.answered(REPLIES[row][1], new Usage(40, 6)),
                            true)));
        }
        return rows;
    }

    /** Shows the pairs in {@code model} as a finished run. */
    public static void showIn(ResultsViewModel model) {
        model.show(DATASET, MAPPING, ResultsTableRow.pending(DATASET, MAPPING, SCHEME));
        List<RowResult> rows = results();
        model.finish(
                rows, AccuracyCounts.of(rows.stream().map(RowResult::scored).toList()));
    }
}
