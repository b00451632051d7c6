package io.arbiter.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.ScoreScale;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup step of an import for open-ended answers: the task kind, the reference and human columns and the grading
 * reach the workbench with the dataset; a scale or pass mark that makes no scheme keeps Import off and says why.
 */
class ImportGradingTest {

    @TempDir
    Path dir;

    private final AtomicReference<ImportViewModel.Imported> imported = new AtomicReference<>();
    private final ImportViewModel model = new ImportViewModel(new SameThreadTaskExecutor(), imported::set);

    @Test
    void aGenerateTaskWithARubricReachesTheWorkbench() throws Exception {
        Path file = Files.writeString(
                dir.resolve("support.csv"),
                "question,answer,reference,human_score,label\n"
                        + "Can I pause?,Yes for 3 months.,Up to 3 months a year.,4,x\n"
                        + "Refund?,No.,Within 14 days.,1,y\n");
        model.open(file);
        model.truthColumnProperty().set("label");

        model.taskProperty().set(TaskKind.GENERATE);
        assertEquals(ImportViewModel.NONE, model.truthColumnProperty().get(), "a free-text answer matches no label");
        model.answerColumnProperty().set("answer");
        model.referenceColumnProperty().set("reference");
        model.humanScoreColumnProperty().set("human_score");
        model.grading().kindProperty().set(GradingChoice.Kind.SCORE);
        assertEquals(ScoreScheme.DEFAULT, model.grading().schemeProperty().get(), "1-5, pass at 4 by default");
        model.grading().passAtProperty().set(3);
        model.importFile();

        ImportViewModel.Imported got = imported.get();
        assertEquals(new ScoreScheme(ScoreScale.DEFAULT, 3), got.scheme());
        assertEquals(TaskKind.GENERATE, got.mapping().task());
        assertEquals("answer", got.mapping().answerColumn());
        assertNull(got.mapping().truthColumn());
        assertEquals(
                new JudgeColumns("reference", "human_score", null),
                got.mapping().judgeColumns());
    }

    @Test
    void aWrongScaleOrPassMarkKeepsImportOffAndSaysWhy() throws Exception {
        model.open(Files.writeString(dir.resolve("a.csv"), "question,answer\nq,a\n"));
        assertTrue(model.canImportProperty().get());
        GradingChoice grading = model.grading();
        grading.kindProperty().set(GradingChoice.Kind.SCORE);

        grading.scaleProperty().set("5-1");
        assertNull(grading.schemeProperty().get());
        assertFalse(grading.problemProperty().get().isEmpty());
        assertFalse(model.canImportProperty().get());

        grading.scaleProperty().set("0-10");
        assertEquals(
                ScoreScheme.on(ScoreScale.parse("0-10")),
                grading.schemeProperty().get(),
                "its usual pass mark");
        assertEquals("", grading.problemProperty().get());
        assertTrue(model.canImportProperty().get());

        grading.scaleProperty().set("1-3");
        grading.passAtProperty().set(5);
        assertTrue(
                grading.problemProperty().get().contains("not on the scale 1-3"),
                grading.problemProperty().get());
        assertFalse(model.canImportProperty().get());

        grading.kindProperty().set(GradingChoice.Kind.VERDICT);
        assertEquals(JudgeSchemes.DEFAULT, grading.schemeProperty().get());
        assertTrue(model.canImportProperty().get());
    }

    @Test
    void theChoiceStartsFromHowTheWorkbenchGradesNow() {
        ScoreScheme current = new ScoreScheme(ScoreScale.parse("0-10"), 8);
        model.grading().show(current);
        assertEquals(GradingChoice.Kind.SCORE, model.grading().kindProperty().get());
        assertEquals("0-10", model.grading().scaleProperty().get());
        assertEquals(8, model.grading().passAtProperty().get());
        assertEquals(current, model.grading().schemeProperty().get());
    }
}
