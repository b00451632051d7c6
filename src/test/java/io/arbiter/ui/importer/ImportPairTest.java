package io.arbiter.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import's pairwise grading: the usual column names are guessed and leave the model's inputs, two columns or a
 * generated pair reach the workbench with the scheme, and a scheme of one answer names no pair columns.
 */
class ImportPairTest {

    @TempDir
    Path dir;

    private final AtomicReference<ImportViewModel.Imported> imported = new AtomicReference<>();
    private final ImportViewModel model = new ImportViewModel(new SameThreadTaskExecutor(), imported::set);

    @Test
    void twoAnswerColumnsAreGuessedByNameAndReachTheWorkbench() throws Exception {
        model.open(sample());
        model.grading().kindProperty().set(GradingChoice.Kind.PAIRWISE);

        assertEquals(TaskKind.GENERATE, model.taskProperty().get());
        assertEquals("answer_a", model.answerColumnProperty().get());
        assertEquals("answer_b", model.answerBColumnProperty().get());
        assertEquals("human_preference", model.humanPreferenceColumnProperty().get());
        assertEquals("reference", model.referenceColumnProperty().get());
        assertEquals(List.of("question"), model.inputColumns(), "the model reads the question, not the answers");
        assertTrue(model.canImportProperty().get());
        model.importFile();

        ImportViewModel.Imported got = imported.get();
        assertEquals(PairwiseScheme.DEFAULT, got.scheme());
        assertEquals("answer_a", got.mapping().answerColumn());
        assertEquals(
                new JudgeColumns("reference", null, null).withPair("answer_b", "human_preference"),
                got.mapping().judgeColumns());
    }

    @Test
    void aGeneratedPairLeavesTheAnswerColumnsOutAndOtherGradingNamesNoPair() throws Exception {
        model.open(sample());
        model.grading().kindProperty().set(GradingChoice.Kind.PAIRWISE);
        model.pairSourceProperty().set(PairSource.GENERATED);
        assertEquals(ImportViewModel.NONE, model.humanPreferenceColumnProperty().get(), "they judged other answers");
        model.humanPreferenceColumnProperty().set("human_preference");
        model.grading().bothOrdersProperty().set(false);
        model.importFile();
        ImportViewModel.Imported got = imported.get();
        assertEquals(new PairwiseScheme(false), got.scheme());
        assertNull(got.mapping().answerColumn(), "the run answers A itself");
        assertNull(got.mapping().judgeColumns().answerB());
        assertEquals("human_preference", got.mapping().judgeColumns().humanPreference());

        model.grading().kindProperty().set(GradingChoice.Kind.VERDICT);
        model.importFile();
        got = imported.get();
        assertEquals(JudgeSchemes.DEFAULT, got.scheme());
        assertNull(got.mapping().judgeColumns().humanPreference(), "a verdict run reads no preferences");
        assertNull(got.mapping().judgeColumns().answerB());
    }

    @Test
    void theChoiceStartsFromAPairwiseWorkbench() {
        model.grading().show(new PairwiseScheme(false));
        assertEquals(GradingChoice.Kind.PAIRWISE, model.grading().kindProperty().get());
        assertEquals(new PairwiseScheme(false), model.grading().schemeProperty().get());
    }

    private Path sample() throws Exception {
        return Files.writeString(
                dir.resolve("pairs.csv"),
                "id,question,answer_a,answer_b,reference,human_preference\n"
                        + "1,Reset?,Unplug it for ten seconds and plug it back in.,Hold it.,Hold the button 10 s.,B\n");
    }
}
