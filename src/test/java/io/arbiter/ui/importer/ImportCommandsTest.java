package io.arbiter.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.ImportProblem;
import io.arbiter.core.dataset.ImportResult;
import io.arbiter.core.dataset.ImportSettings;
import io.arbiter.ui.common.HeldTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import dialog's commands: the ragged-rows question, Stop, and previews that overtake each other. */
class ImportCommandsTest {

    @TempDir
    Path dir;

    private final HeldTaskExecutor executor = new HeldTaskExecutor();
    private final AtomicReference<ImportViewModel.Imported> imported = new AtomicReference<>();
    private final ImportViewModel model = new ImportViewModel(executor, imported::set);

    @Test
    void raggedRowsAreAskedAboutAndSkippingThemImportsTheRest() throws Exception {
        openRead(Files.writeString(dir.resolve("ragged.csv"), "Text,Label\nfine,a\nbroken,b,extra\nalso fine,b\n"));
        List<String> said = new ArrayList<>();
        model.progressTextProperty().addListener((obs, old, now) -> said.add(now));

        model.importFile();
        executor.runAll();

        assertEquals(
                "1 rows have a different number of cells than the header (lines 3). Skip them and import the "
                        + "other 2 rows, or cancel?",
                model.raggedQuestionProperty().get());
        assertNull(imported.get(), "nothing imported before the answer");
        model.skipRaggedRows();

        assertNull(model.raggedQuestionProperty().get());
        assertEquals(2, imported.get().dataset().size());
        assertEquals(List.of("Reading ragged.csv…", "Reading… 2 rows · 100%", "Imported 2 rows (1 left out)."), said);
        assertEquals(1.0, model.progressProperty().get());
        assertTrue(model.doneProperty().get());
    }

    @Test
    void refusingRaggedRowsImportsNothing() throws Exception {
        openRead(Files.writeString(dir.resolve("ragged.csv"), "Text,Label\nfine,a\nbroken,b,extra\n"));

        model.importFile();
        executor.runAll();
        model.refuseRaggedRows();

        assertNull(imported.get());
        assertNull(model.raggedQuestionProperty().get());
        assertEquals(
                "Not imported; the dataset you had is unchanged.",
                model.progressTextProperty().get());
        assertFalse(model.doneProperty().get());
    }

    @Test
    void theQuestionListsTenLinesAndCountsEveryRaggedRow() {
        List<ImportProblem> problems = IntStream.rangeClosed(1, 12)
                .mapToObj(
                        i -> new ImportProblem(i + 2, ImportProblem.Kind.RAGGED_ROW, "3 cells where the header has 2"))
                .toList();
        Dataset rest =
                new Dataset("films", List.of("Text", "Label"), List.<String[]>of(new String[] {"Heat", "Crime"}));
        ImportResult read = new ImportResult(rest, ImportSettings.detectAll(), problems, 1500, 1500, null, List.of());

        assertEquals(
                "1,500 rows have a different number of cells than the header (lines 3, 4, 5, 6, 7, 8, 9, 10, 11, "
                        + "12, …). Skip them and import the other 1 rows, or cancel?",
                RaggedRowsQuestion.of(read).text());
    }

    @Test
    void stopBeforeTheReadEndsKeepsTheDatasetYouHad() throws Exception {
        openRead(Files.writeString(dir.resolve("films.csv"), "Text,Label\nHeat,Crime\n"));

        model.importFile();
        assertTrue(model.readingProperty().get());
        model.cancelImport();
        executor.runAll();

        assertFalse(model.readingProperty().get());
        assertNull(imported.get());
        assertEquals(
                "Import cancelled; the dataset you had is unchanged.",
                model.progressTextProperty().get());
        assertEquals("", model.errorProperty().get(), "a Stop is not an error");
    }

    @Test
    void onlyTheLatestPreviewIsShownWhenPreviewsFinishOutOfOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("films.csv"), "Text;Label\nHeat, the film;Crime\n");
        model.open(file);
        executor.runAll(); // detection, then the first preview
        assertEquals(Delimiter.SEMICOLON, model.delimiterProperty().get());

        model.delimiterProperty().set(Delimiter.COMMA);
        model.delimiterProperty().set(Delimiter.SEMICOLON);
        executor.runLastFirst();

        assertEquals(List.of("Text", "Label"), model.previewColumns(), "the comma preview, read last, is dropped");
        assertEquals(List.of(List.of("Heat, the film", "Crime")), model.previewRows());
    }

    /** Opens {@code file}, lets detection and the preview finish, and takes its first column as the input. */
    private void openRead(Path file) {
        model.open(file);
        executor.runAll();
        assertEquals("", model.errorProperty().get());
    }
}
