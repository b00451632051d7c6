package io.arbiter.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.project.Project;
import io.arbiter.core.review.HeldOutSplit;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.ResultsTableRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a project some rows are held out: P on one says why and promotes nothing; the share is the project's. */
class HeldOutRowsTest {

    @TempDir
    Path dir;

    private final WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());

    @AfterEach
    void shutdown() {
        model.shutdown();
    }

    @Test
    void aHeldOutRowIsNotPromotedAndRaisingTheShareTakesBackAnExampleItNowHoldsOut() throws Exception {
        model.datasetSetup().openSample();
        assertTrue(model.useHeldOutShare(0.5).isDone(), "without a project nothing to keep the seed in");
        assertTrue(model.statusProperty().get().startsWith("Open or create a project first"));
        Path file = dir.resolve("split.arbiter");
        model.projects().newProject(file).join();
        HeldOutSplit split = model.review().split();
        assertEquals(HeldOutSplit.DEFAULT_SHARE, split.share(), "a new project holds out a quarter");
        answerEveryRow();
        List<ResultsTableRow> rows = model.results().allRows();
        int heldOut = IntStream.range(0, rows.size())
                .filter(split::heldOut)
                .findFirst()
                .orElseThrow();
        // A row promotable now that a share of 0.9 holds out (the draw per row only grows past more shares).
        HeldOutSplit wider = split.withShare(0.9);
        int promotable = IntStream.range(0, rows.size())
                .filter(row -> !split.heldOut(row) && wider.heldOut(row))
                .findFirst()
                .orElseThrow();

        model.results().reviewing().label(rows.get(heldOut), true);
        model.results().reviewing().togglePromoted(rows.get(heldOut));
        assertFalse(rows.get(heldOut).promoted());
        assertEquals(split.refusal(heldOut), model.statusProperty().get());
        model.results().reviewing().label(rows.get(promotable), true);
        model.results().reviewing().togglePromoted(rows.get(promotable));
        assertTrue(rows.get(promotable).promoted());

        assertEquals(wider, model.useHeldOutShare(0.9).join(), "the project's seed, the share set");
        assertEquals(0.9, model.heldOutShare(), "what Edit > Held-out rows proposes next");
        assertEquals("90", WorkbenchMenus.percentText(model.heldOutShare()));
        assertEquals("12.5", WorkbenchMenus.percentText(0.125));
        assertEquals("0", WorkbenchMenus.percentText(0));
        assertFalse(rows.get(promotable).promoted(), "held out now: it checks the examples");
        assertEquals(List.of(), model.review().promotedRows());
        assertTrue(
                model.statusProperty().get().contains("90%"),
                model.statusProperty().get());
        assertTrue(model.useHeldOutShare(1).isCompletedExceptionally());
        assertTrue(model.statusProperty().get().startsWith("The held-out share was not kept"));
        model.shutdown();
        try (Project kept = Project.open(file)) {
            assertEquals(wider, kept.heldOutSplit());
            assertEquals(List.of(), kept.promotedRows(), "the example taken back is written through");
        }
    }

    private void answerEveryRow() {
        List<RowResult> answered = new ArrayList<>();
        for (ResultsTableRow row : model.results().allRows()) {
            String truth = row.result().truth().get(0);
            answered.add(row.result().withBase(StageOutcome.answered(truth, Usage.NONE), new BaseAnswer(truth, truth)));
        }
        model.results()
                .finish(
                        answered,
                        AccuracyCounts.of(
                                answered.stream().map(RowResult::scored).toList()));
    }
}
