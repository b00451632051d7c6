package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Excel's "sep=X" first line sets the delimiter and is neither the header nor a row. */
class SepLineTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(
            delimiter = '/',
            value = {"sep=;/;/LF", "sep=,/,/CRLF", "sep=|/|/CR", "SEP=;/;/CRLF", "sep=:/:/LF", "'sep=; '/;/CRLF"})
    void theSepLineNamesTheDelimiterAndIsSkipped(String line, char delimiter, LineEnding ending) throws Exception {
        String eol =
                switch (ending) {
                    case LF -> "\n";
                    case CRLF -> "\r\n";
                    case CR -> "\r";
                };
        // Another delimiter inside the cells: with the sep line ignored, a guess could split on it.
        char other = delimiter == ',' ? ';' : ',';
        String heat = "Heat" + other + " the film";
        String text = String.join(
                eol,
                line,
                "Title" + delimiter + "Genre",
                heat + delimiter + "Crime",
                "Dune" + other + " part one" + delimiter + "Sci-Fi" + delimiter + "extra",
                "Léon" + delimiter + "Drame");
        for (LastLineTest.Encoding encoding : LastLineTest.Encoding.values()) {
            Path file = Files.write(dir.resolve("films.csv"), encoding.encode(text));

            ImportResult result = read(file);

            assertEquals(delimiter, result.sepLine(), encoding.name());
            assertEquals(delimiter, result.resolved().delimiter(), encoding.name());
            assertTrue(result.resolved().header(), encoding.name());
            assertEquals(List.of("Title", "Genre"), result.dataset().columns(), encoding.name());
            assertEquals(2, result.dataset().size(), encoding.name());
            assertEquals(heat, result.dataset().value(0, "Title"));
            assertEquals("Drame", result.dataset().value(1, "Genre"));
            assertEquals(
                    "line 4: 3 cells where the header has 2",
                    result.problems().get(0).toString(),
                    "physical line numbers");
        }
    }

    @Test
    void aTabCanBeWrittenOutOrLiteral() throws Exception {
        Path literal = write("literal.tsv", "sep=\\t\nTitle\tGenre\nHeat, the film\tCrime\n");
        Path real = write("real.txt", "sep=\t\nTitle\tGenre\nHeat, the film\tCrime\n");

        for (Path file : List.of(literal, real)) {
            ImportResult result = read(file);
            assertEquals('\t', result.sepLine());
            assertEquals(List.of("Title", "Genre"), result.dataset().columns());
            assertEquals("Heat, the film", result.dataset().value(0, "Title"));
        }
    }

    @Test
    void aDelimiterChosenByHandWinsButTheLineIsStillSkipped() throws Exception {
        Path file = write("films.csv", "sep=;\nTitle,Genre\nHeat,Crime\n");

        ImportResult result = DatasetImporter.read(
                file, ImportSettings.detectAll().withDelimiter(','), ImportProgress.NONE, () -> false);

        assertEquals(',', result.resolved().delimiter());
        assertEquals(List.of("Title", "Genre"), result.dataset().columns());
        assertEquals(1, result.dataset().size());
    }

    @Test
    void withoutAHeaderTheRowsStartAfterTheSepLine() throws Exception {
        Path file = write("films.csv", "sep=;\r\nHeat;Crime\r\nDune;Sci-Fi");

        ImportResult result = DatasetImporter.read(
                file, ImportSettings.detectAll().withHeader(false), ImportProgress.NONE, () -> false);

        assertEquals(List.of("column_1", "column_2"), result.dataset().columns());
        assertEquals(2, result.dataset().size());
        assertEquals("Heat", result.dataset().value(0, 0));
    }

    @Test
    void aFileWithOnlyTheSepLineOrOnlyAHeaderSaysSo() throws Exception {
        Path alone = write("alone.csv", "sep=;\r\n");
        Path header = write("header.csv", "sep=;\nTitle;Genre\n");

        assertEquals(
                alone + ": has only Excel's sep=; line, no header or rows",
                assertThrows(DatasetException.class, () -> read(alone)).getMessage());
        assertEquals(
                header + ": has a header but no rows",
                assertThrows(DatasetException.class, () -> read(header)).getMessage());
        ImportResult inspected = DatasetImporter.inspect(header, ImportSettings.detectAll());
        assertEquals(List.of("Title", "Genre"), inspected.dataset().columns());
        assertEquals(0, inspected.dataset().size());
    }

    @Test
    void aFirstLineThatOnlyLooksLikeOneIsData() throws Exception {
        Path file = write("notes.csv", "sep=none,kind\nsep=;,x\n");

        ImportResult result = read(file);

        assertNull(result.sepLine());
        assertEquals(List.of("sep=none", "kind"), result.dataset().columns());
        assertNull(DelimitedFormat.sepLine("sep="));
        assertNull(DelimitedFormat.sepLine("separator=;"));
    }

    @Test
    void aSepLineNamingTheQuoteIsRefusedWithTheFileName() throws Exception {
        Path file = write("odd.csv", "sep=\"\nTitle\"Genre\n");

        DatasetException e = assertThrows(DatasetException.class, () -> read(file));

        assertTrue(
                e.getMessage().startsWith(file + ": the delimiter (double quote) and the quote (double quote)"),
                e.getMessage());
    }

    private Path write(String name, String text) throws Exception {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private static ImportResult read(Path file) throws DatasetException {
        return DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false);
    }
}
