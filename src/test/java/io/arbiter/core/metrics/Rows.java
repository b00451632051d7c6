package io.arbiter.core.metrics;

import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Short ways to write scored rows in tests. */
final class Rows {

    private Rows() {}

    static ScoredRow row(List<String> truth, BaseAnswer base, JudgeVerdict judge) {
        return new ScoredRow(truth, base, judge, false);
    }

    /** A row with truth (comma-separated, "" for none), a parsed base answer and a parsed verdict. */
    static ScoredRow row(String truth, String base, String prediction, Evaluation evaluation) {
        return row(truth(truth), base(base), judge(prediction, evaluation));
    }

    static List<String> truth(String labels) {
        return labels.isEmpty()
                ? List.of()
                : Arrays.stream(labels.split(",")).map(String::strip).toList();
    }

    static BaseAnswer base(String label) {
        return new BaseAnswer(label, label);
    }

    static JudgeVerdict judge(String prediction, Evaluation evaluation) {
        return new JudgeVerdict(prediction + "," + evaluation, prediction, evaluation);
    }

    /** {@code count} copies of a row. */
    static List<ScoredRow> times(int count, ScoredRow row) {
        List<ScoredRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row);
        }
        return rows;
    }

    @SafeVarargs
    static List<ScoredRow> concat(List<ScoredRow>... parts) {
        List<ScoredRow> all = new ArrayList<>();
        for (List<ScoredRow> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
