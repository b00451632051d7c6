package io.arbiter.ui.importer;

import io.arbiter.core.dataset.ImportProblem;
import io.arbiter.core.dataset.ImportResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A read that left ragged rows out, waiting for the user to skip them or cancel, and the question put to them.
 *
 * @param read the read, kept whole until the answer
 * @param text the question: how many rows, the first lines, and how many rows the rest would import
 */
record RaggedRowsQuestion(ImportResult read, String text) {

    /** Lines listed in the question; the rest are "…". */
    static final int LINES_LISTED = 10;

    static RaggedRowsQuestion of(ImportResult read) {
        List<String> lines = new ArrayList<>();
        for (ImportProblem problem : read.problems()) {
            if (problem.kind() == ImportProblem.Kind.RAGGED_ROW && lines.size() < LINES_LISTED) {
                lines.add(String.valueOf(problem.line()));
            }
        }
        String more = read.totalRaggedRows() > lines.size() ? ", …" : "";
        return new RaggedRowsQuestion(
                read,
                String.format(
                        Locale.ROOT,
                        "%,d rows have a different number of cells than the header (lines %s%s). "
                                + "Skip them and import the other %,d rows, or cancel?",
                        read.totalRaggedRows(),
                        String.join(", ", lines),
                        more,
                        read.dataset().size()));
    }
}
