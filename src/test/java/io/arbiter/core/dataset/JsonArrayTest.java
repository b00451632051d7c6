package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A JSON array of objects, pretty-printed or not, reads as rows flattened exactly like JSON Lines; other JSON says what it is. */
class JsonArrayTest {

    private static final List<String> OBJECTS = List.of(
            "{\"title\": \"Heat\", \"year\": 1995, \"meta\": {\"genre\": \"Crime\", \"tags\": [\"heist\", \"LA\"]}}",
            "{\"title\": \"Dune\", \"extra\": null, \"meta\": {\"genre\": \"Sci-Fi\"}, \"rating\": 8.1}",
            "{\"title\": \"Amélie, €5\", \"meta\": {\"genre\": \"Comédie\"}}");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"films.json", "films.jsonl", "films.txt"})
    void aPrettyPrintedArrayReadsLikeTheSameObjectsAsJsonLines(String name) throws Exception {
        Path lines = write("films-lines.jsonl", String.join("\n", OBJECTS) + "\n", StandardCharsets.UTF_8);
        Path array = write(name, prettyArray("\n"), StandardCharsets.UTF_8);

        ImportResult fromArray = read(array);
        ImportResult fromLines = read(lines);

        assertEquals(FileFormat.JSON_ARRAY, fromArray.resolved().format());
        assertTrue(fromArray.problems().isEmpty(), fromArray.problems().toString());
        assertSameRows(fromLines.dataset(), fromArray.dataset());
        assertEquals(
                List.of("title", "year", "meta.genre", "meta.tags", "extra", "rating"),
                fromArray.dataset().columns());
        assertEquals("[\"heist\",\"LA\"]", fromArray.dataset().value(0, "meta.tags"));
    }

    @Test
    void anArrayReadsInEveryEncodingAndLineEndingWithoutAFinalNewline() throws Exception {
        Path reference = write("ref.jsonl", String.join("\n", OBJECTS), StandardCharsets.UTF_8);
        for (LastLineTest.Encoding encoding : LastLineTest.Encoding.values()) {
            for (String eol : List.of("\n", "\r\n", "\r")) {
                Path file = Files.write(
                        dir.resolve("films.json"),
                        encoding.encode(prettyArray(eol).strip()));

                ImportResult result = read(file);

                String where = encoding + " " + eol.replace("\r", "CR").replace("\n", "LF");
                assertEquals(FileFormat.JSON_ARRAY, result.resolved().format(), where);
                assertEquals(encoding.detected, result.resolved().encoding(), where);
                assertSameRows(read(reference).dataset(), result.dataset());
            }
        }
    }

    @Test
    void aOneLineArrayIsAnArrayButLinesOfArraysAreJsonLines() throws Exception {
        Path oneLine = write("one.jsonl", "[" + String.join(",", OBJECTS) + "]", StandardCharsets.UTF_8);
        Path arrayLines = write("arrays.jsonl", "[1, 2]\n{\"title\": \"Heat\"}\n[3]\n", StandardCharsets.UTF_8);

        assertEquals(3, read(oneLine).dataset().size());
        ImportResult lines = read(arrayLines);
        assertEquals(FileFormat.JSON_LINES, lines.resolved().format());
        assertEquals(1, lines.dataset().size());
        assertEquals(
                List.of(1L, 3L),
                lines.problems().stream().map(ImportProblem::line).toList());
        assertEquals("a JSON array, not an object", lines.problems().get(0).message());
    }

    @Test
    void aCsvWhoseHeaderStartsWithABracketStaysCsv() throws Exception {
        Path file = write("films.csv", "[id],title\n1,Heat\n", StandardCharsets.UTF_8);

        ImportResult result = read(file);

        assertEquals(FileFormat.DELIMITED, result.resolved().format());
        assertEquals(List.of("[id]", "title"), result.dataset().columns());
    }

    @Test
    void elementsThatAreNotObjectsAreLeftOutWithTheirLine() throws Exception {
        Path file =
                write("mixed.json", "[\n  {\"a\": 1},\n  42,\n  \"text\",\n  {\"a\": 2}\n]", StandardCharsets.UTF_8);

        ImportResult result = read(file);

        assertEquals(2, result.dataset().size());
        assertEquals(2, result.totalRaggedRows());
        assertEquals(
                "line 3: a JSON number, not an object", result.problems().get(0).toString());
        assertEquals(
                "line 4: a JSON string, not an object", result.problems().get(1).toString());
        DatasetException strict = assertThrows(DatasetException.class, () -> DatasetReader.read(file));
        assertEquals(file + ", line 3: a JSON number, not an object (and 1 more rows like it)", strict.getMessage());
    }

    @Test
    void anArrayOfNonObjectsIsRefused() throws Exception {
        Path numbers = write("numbers.json", "[\n 1,\n 2,\n 3\n]\n", StandardCharsets.UTF_8);
        Path nested = write("nested.json", "[[\"a\", 1], [\"b\", 2]]", StandardCharsets.UTF_8);

        assertEquals(
                numbers + ": a JSON array of numbers, not of objects; each row must be a JSON object such as "
                        + "{\"text\": \"…\", \"label\": \"…\"}",
                assertThrows(DatasetException.class, () -> read(numbers)).getMessage());
        assertTrue(assertThrows(DatasetException.class, () -> inspect(nested))
                .getMessage()
                .startsWith(nested + ": a JSON array of arrays, not of objects"));
    }

    @Test
    void anEmptyArrayHasNoRows() throws Exception {
        Path file = write("empty.json", "[\n]\n", StandardCharsets.UTF_8);

        assertEquals(
                file + ": the JSON array is empty; it has no rows",
                assertThrows(DatasetException.class, () -> read(file)).getMessage());
        ImportResult inspected = inspect(file);
        assertEquals(0, inspected.dataset().size());
        assertEquals(FileFormat.JSON_ARRAY, inspected.resolved().format());
    }

    @Test
    void anArrayReadAsJsonLinesIsRefusedByName() throws Exception {
        Path file = write("films.jsonl", prettyArray("\r\n"), StandardCharsets.UTF_8);

        DatasetException e = assertThrows(
                DatasetException.class,
                () -> DatasetImporter.read(
                        file,
                        ImportSettings.detectAll().withFormat(FileFormat.JSON_LINES),
                        ImportProgress.NONE,
                        () -> false));

        assertTrue(e.getMessage().startsWith(file + ", line 1: this is a JSON array, not JSON Lines"), e.getMessage());
    }

    @Test
    void jsonLinesReadAsAnArrayIsRefused() throws Exception {
        Path file = write("films.jsonl", String.join("\n", OBJECTS), StandardCharsets.UTF_8);

        DatasetException e = assertThrows(
                DatasetException.class,
                () -> DatasetImporter.read(
                        file,
                        ImportSettings.detectAll().withFormat(FileFormat.JSON_ARRAY),
                        ImportProgress.NONE,
                        () -> false));

        assertTrue(e.getMessage().startsWith(file + ", line 1: not a JSON array"), e.getMessage());
    }

    @Test
    void brokenArraysNameTheLine() throws Exception {
        Path unclosed = write("unclosed.json", "[\n {\"a\": 1},\n {\"a\": 2}\n", StandardCharsets.UTF_8);
        Path badComma = write("comma.json", "[\n {\"a\": 1},\n {\"a\": 2},,\n {\"a\": 3}\n]", StandardCharsets.UTF_8);
        Path twoArrays = write("two.json", "[\n {\"a\": 1}\n]\n{\"a\": 2}\n", StandardCharsets.UTF_8);

        assertTrue(
                message(unclosed).startsWith(unclosed + ", line 4: not valid JSON (Unexpected end-of-input"),
                message(unclosed));
        assertTrue(message(badComma).startsWith(badComma + ", line 3: not valid JSON ("), message(badComma));
        assertEquals(
                twoArrays + ", line 4: more JSON after the array's closing ]; a JSON array file holds one array",
                message(twoArrays));
        Path strayBracket = write("stray.json", "[{\"a\": 1}]]", StandardCharsets.UTF_8);
        assertEquals(
                strayBracket + ", line 1: more JSON after the array's closing ]; a JSON array file holds one array",
                message(strayBracket));
    }

    @Test
    void aPrettyPrintedObjectIsNotJsonLinesAndSaysSo() throws Exception {
        Path file = write("config.json", "{\n  \"title\": \"Heat\"\n}\n", StandardCharsets.UTF_8);

        assertTrue(
                message(file)
                        .startsWith(
                                file + ", line 1: this is one JSON object spread over several lines, not JSON Lines"),
                message(file));
    }

    @Test
    void twoObjectsOnOneJsonLinesLineAreReportedNotHalfRead() throws Exception {
        Path file = write("two.jsonl", "{\"a\": 1} {\"a\": 2}\n{\"a\": 3}\n", StandardCharsets.UTF_8);

        ImportResult result = read(file);

        assertEquals(1, result.dataset().size());
        assertEquals(1, result.problems().get(0).line());
        assertTrue(
                result.problems().get(0).message().startsWith("not valid JSON"),
                result.problems().get(0).message());
    }

    @Test
    void previewReadsTheFirstRowsOfAnArray() throws Exception {
        StringBuilder text = new StringBuilder("[\n");
        for (int i = 0; i < 500; i++) {
            text.append(i == 0 ? "" : ",\n").append("  {\"n\": ").append(i).append("}");
        }
        Path file = write("many.json", text.append("\n]").toString(), StandardCharsets.UTF_8);

        ImportResult preview = DatasetImporter.preview(file, DatasetImporter.detect(file), 50);

        assertEquals(50, preview.dataset().size());
        assertEquals("49", preview.dataset().value(49, "n"));
        assertEquals(500, read(file).dataset().size());
    }

    @Test
    void windows1252BytesBeyondTheSampleAreReadAgainAndNamed() throws Exception {
        StringBuilder text = new StringBuilder("[\n");
        int rows = 4000; // well past the 64 KB the encoding is guessed from
        for (int i = 0; i < rows; i++) {
            text.append(i == 0 ? "" : ",\n")
                    .append("  {\"title\": \"row ")
                    .append(i)
                    .append(i == rows - 1 ? " Café" : "")
                    .append("\"}");
        }
        Path file = write("late.json", text.append("\n]").toString(), Charset.forName("windows-1252"));

        ImportResult result = read(file);

        assertEquals(rows, result.dataset().size());
        assertEquals("row " + (rows - 1) + " Café", result.dataset().value(rows - 1, "title"));
        assertEquals(
                ImportProblem.Kind.ENCODING_FALLBACK, result.problems().get(0).kind());
        assertTrue(result.problems().get(0).line() > 3000, result.problems().toString());
    }

    private String prettyArray(String eol) {
        List<String> lines = new ArrayList<>();
        lines.add("[");
        for (int i = 0; i < OBJECTS.size(); i++) {
            String object = OBJECTS.get(i).replace("{\"", "{" + eol + "    \"").replace(", \"", "," + eol + "    \"");
            lines.add("  " + object + (i < OBJECTS.size() - 1 ? "," : ""));
        }
        lines.add("]");
        return String.join(eol, lines) + eol;
    }

    private String message(Path file) {
        return assertThrows(DatasetException.class, () -> read(file)).getMessage();
    }

    private static void assertSameRows(Dataset expected, Dataset actual) {
        assertEquals(expected.columns(), actual.columns());
        assertEquals(expected.size(), actual.size());
        for (int row = 0; row < expected.size(); row++) {
            for (int column = 0; column < expected.columns().size(); column++) {
                assertEquals(
                        expected.value(row, column), actual.value(row, column), "row " + row + ", column " + column);
            }
        }
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(content.getBytes(charset));
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static ImportResult read(Path file) throws DatasetException {
        return DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false);
    }

    private static ImportResult inspect(Path file) throws DatasetException {
        return DatasetImporter.inspect(file, ImportSettings.detectAll());
    }
}
