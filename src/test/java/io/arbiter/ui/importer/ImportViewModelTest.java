package io.arbiter.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.FileFormat;
import io.arbiter.core.dataset.LineEnding;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The import dialog's own reading path (detect, preview, import) on the dataset files of issue #10. */
class ImportViewModelTest {

    @TempDir
    Path dir;

    private final AtomicReference<ImportViewModel.Imported> imported = new AtomicReference<>();
    private final ImportViewModel model = new ImportViewModel(new SameThreadTaskExecutor(), imported::set);

    static Stream<Arguments> encodingsAndLineEndings() {
        List<Arguments> cases = new ArrayList<>();
        for (String encoding : List.of("UTF-8", "UTF-8 BOM", "UTF-16LE BOM", "UTF-16BE BOM", "windows-1252")) {
            for (LineEnding ending : LineEnding.values()) {
                cases.add(Arguments.of(encoding, ending));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("encodingsAndLineEndings")
    void jsonLinesWithoutAFinalNewlinePreviewAndImport(String encoding, LineEnding ending) throws Exception {
        String eol = ending == LineEnding.LF ? "\n" : ending == LineEnding.CRLF ? "\r\n" : "\r";
        String text = String.join(
                eol,
                "{\"text\": \"Amélie\", \"meta\": {\"label\": \"Comédie\"}}",
                "{\"text\": \"Heat\", \"meta\": {\"label\": \"Crime\"}}",
                "{\"text\": \"Léon €5\", \"meta\": {\"label\": \"Drame\"}}");
        Path file = Files.write(dir.resolve("films.jsonl"), encode(text, encoding));

        model.open(file);

        assertEquals("", model.errorProperty().get());
        assertEquals(FileFormat.JSON_LINES, model.formatProperty().get());
        assertEquals(ending, model.lineEndingProperty().get());
        assertEquals(List.of("text", "meta.label"), model.previewColumns());
        assertEquals(List.of("Léon €5", "Drame"), model.previewRows().get(2));
        model.truthColumnProperty().set("meta.label");
        model.importFile();
        assertEquals(3, imported.get().dataset().size());
        assertEquals("Drame", imported.get().dataset().value(2, "meta.label"));
    }

    @Test
    void aPrettyPrintedJsonArrayIsPreviewedAndImportedAsRows() throws Exception {
        Path file = Files.writeString(
                dir.resolve("films.json"),
                "[\r\n  {\r\n    \"text\": \"Heat\",\r\n    \"meta\": {\"label\": \"Crime\"}\r\n  },\r\n  {\r\n    \"text\": \"Dune\"\r\n  }\r\n]");

        model.open(file);

        assertEquals("", model.errorProperty().get());
        assertEquals(FileFormat.JSON_ARRAY, model.formatProperty().get());
        assertTrue(
                model.detectedProperty().get().startsWith("JSON array"),
                model.detectedProperty().get());
        assertEquals(List.of(List.of("Heat", "Crime"), List.of("Dune", "")), model.previewRows());
        model.importFile();
        assertEquals(2, imported.get().dataset().size());
    }

    @Test
    void anArrayReadAsJsonLinesSaysWhatItIs() throws Exception {
        Path file = Files.writeString(dir.resolve("films.json"), "[\n  {\"text\": \"Heat\"}\n]\n");
        model.open(file);

        model.formatProperty().set(FileFormat.JSON_LINES);

        assertTrue(
                model.errorProperty().get().contains(file + ", line 1: this is a JSON array, not JSON Lines"),
                model.errorProperty().get());
        assertFalse(model.canImportProperty().get());
    }

    @Test
    void anExcelSepLineSetsTheDelimiterAndIsNotTheHeader() throws Exception {
        Path file = Files.writeString(dir.resolve("excel.csv"), "sep=;\r\nText;Label\r\nHeat, the film;Crime\r\n");

        model.open(file);

        assertEquals(Delimiter.SEMICOLON, model.delimiterProperty().get());
        assertTrue(model.headerProperty().get());
        assertEquals(List.of("Text", "Label"), model.previewColumns());
        assertEquals(List.of(List.of("Heat, the film", "Crime")), model.previewRows());
        assertTrue(
                model.detectedProperty().get().contains("Excel's sep= line"),
                model.detectedProperty().get());
    }

    @Test
    void aHeaderOnlyFileSaysItHasNoRowsAndImportsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("header.csv"), "Text,Label");

        model.open(file);

        assertEquals(file + ": has a header but no rows", model.errorProperty().get());
        assertFalse(model.canImportProperty().get());
        model.importFile(); // as if Import were pressed anyway
        assertNull(imported.get());
        assertEquals(file + ": has a header but no rows", model.errorProperty().get());
    }

    @Test
    void anEmptyJsonArraySaysItHasNoRows() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.json"), "[ ]");

        model.open(file);

        assertEquals(
                file + ": the JSON array is empty; it has no rows",
                model.errorProperty().get());
        assertFalse(model.canImportProperty().get());
    }

    private static byte[] encode(String text, String encoding) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Charset charset = StandardCharsets.UTF_8;
        switch (encoding) {
            case "UTF-8 BOM" -> bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            case "UTF-16LE BOM" -> {
                bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
                charset = StandardCharsets.UTF_16LE;
            }
            case "UTF-16BE BOM" -> {
                bytes.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
                charset = StandardCharsets.UTF_16BE;
            }
            case "windows-1252" -> charset = Charset.forName("windows-1252");
            default -> {}
        }
        bytes.writeBytes(text.getBytes(charset));
        return bytes.toByteArray();
    }
}
