package io.arbiter.core.metrics;

import static io.arbiter.core.metrics.Rows.base;
import static io.arbiter.core.metrics.Rows.judge;
import static io.arbiter.core.metrics.Rows.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.verdict.Evaluation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-row cell decisions add up to the tables they explain, so "the rows behind a cell" are its count. */
class RowCellsTest {

    private static List<ScoredRow> rows() {
        List<ScoredRow> rows = new ArrayList<>(LabelConfusionTest.TABLE);
        // An answer outside every truth label, so the matrix has an (other) column.
        rows.add(row(List.of("Drama"), base("Musical"), judge("Musical", Evaluation.CORRECT)));
        return rows;
    }

    @Test
    void agreementCellsOfTheRowsCountTheJudgesTable() {
        List<ScoredRow> rows = rows();
        AgreementTable table = JudgeReport.of(rows).judge().table();
        long[] counted = new long[AgreementCell.values().length];
        rows.forEach(r -> AgreementCell.of(r).ifPresent(c -> counted[c.ordinal()]++));
        for (AgreementCell cell : AgreementCell.values()) {
            assertEquals(cell.count(table), counted[cell.ordinal()], cell.name());
        }
        assertEquals(1, AgreementCell.FALSE_ACCEPT.count(table), "the Musical row");
    }

    @Test
    void labelCellsOfTheRowsRebuildBothMatrices() {
        List<ScoredRow> rows = rows();
        for (LabelConfusion confusion : List.of(LabelConfusion.ofBase(rows), LabelConfusion.ofJudge(rows))) {
            long[][] rebuilt =
                    new long[confusion.labels().size()][confusion.columns().size()];
            rows.forEach(r -> confusion.cellOf(r).ifPresent(c -> rebuilt[c.row()][c.column()]++));
            assertArrayEquals(confusion.counts(), rebuilt);
            assertEquals(
                    LabelConfusion.OTHER,
                    confusion.columns().get(confusion.columns().size() - 1));
        }
    }
}
