package io.arbiter.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.FileFormat;
import io.arbiter.core.dataset.XlsxFiles;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Excel workbook in the import dialog: its first sheet previews, another can be chosen, and that one imports. */
class ImportWorkbookTest {

    @TempDir
    Path dir;

    private final AtomicReference<ImportViewModel.Imported> imported = new AtomicReference<>();
    private final ImportViewModel model = new ImportViewModel(new SameThreadTaskExecutor(), imported::set);

    @Test
    void choosingAnotherSheetPreviewsAndImportsIt() throws Exception {
        Path file = XlsxFiles.write(dir.resolve("labels.xlsx"), workbook -> {
            Worksheet notes = workbook.newWorksheet("Notes");
            XlsxFiles.row(notes, 0, "who", "when");
            XlsxFiles.row(notes, 1, "Ana", "May");
            Worksheet reviews = workbook.newWorksheet("Reviews");
            XlsxFiles.row(reviews, 0, "text", "label");
            XlsxFiles.row(reviews, 1, "great film", "positive");
            XlsxFiles.row(reviews, 2, "dull", "negative");
        });

        model.open(file);

        assertEquals("", model.errorProperty().get());
        assertEquals(FileFormat.XLSX, model.formatProperty().get());
        assertEquals(List.of("Notes", "Reviews"), model.sheets());
        assertEquals("Notes", model.sheetProperty().get(), "the first sheet until another is chosen");
        assertEquals(List.of("who", "when"), model.previewColumns());
        assertEquals(
                "Excel workbook · sheet 'Notes' of 2 · header row · first 1 rows shown",
                model.detectedProperty().get());

        model.sheetProperty().set("Reviews");

        assertEquals(List.of("text", "label"), model.previewColumns());
        assertEquals(List.of("great film", "positive"), model.previewRows().get(0));
        model.inputColumns().setAll("text");
        model.truthColumnProperty().set("label");
        model.importFile();
        assertTrue(model.doneProperty().get(), model.errorProperty().get());
        assertEquals(List.of("text", "label"), imported.get().dataset().columns());
        assertEquals(2, imported.get().dataset().size());
        assertEquals(List.of("Notes", "Reviews"), model.sheets(), "the sheets stay to choose from");
    }

    @Test
    void aWorkbookOfOneSheetHasNothingToChoose() throws Exception {
        Path file = XlsxFiles.write(
                dir.resolve("one.xlsx"), workbook -> XlsxFiles.row(workbook.newWorksheet("Only"), 0, "text", "label"));

        model.open(file);

        assertEquals(List.of("Only"), model.sheets());
        assertEquals(
                dir.resolve("one.xlsx") + ": sheet 'Only' has a header but no rows",
                model.errorProperty().get());
    }
}
