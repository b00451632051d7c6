package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file's last line reads the same with or without a line break after it, in every encoding and line ending the
 * importer detects; blank lines, a trailing CR alone and a last line of spaces add no row.
 */
class LastLineTest {

    /** An encoding as a file carries it: the charset and the byte order mark written before the text. */
    enum Encoding {
        UTF_8(StandardCharsets.UTF_8, new byte[0], StandardCharsets.UTF_8),
        UTF_8_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8),
        UTF_16LE_BOM(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE),
        UTF_16BE_BOM(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE),
        WINDOWS_1252(Charset.forName("windows-1252"), new byte[0], Charset.forName("windows-1252"));

        final Charset charset;
        final byte[] bom;
        final Charset detected;

        Encoding(Charset charset, byte[] bom, Charset detected) {
            this.charset = charset;
            this.bom = bom;
            this.detected = detected;
        }

        byte[] encode(String text) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(bom);
            out.writeBytes(text.getBytes(charset));
            return out.toByteArray();
        }
    }

    /** Accents and a euro sign: not ASCII, so a wrong decoding shows, and all in windows-1252. */
    private static final List<List<String>> ROWS =
            List.of(List.of("Amélie", "Comédie"), List.of("Heat", "Crime"), List.of("Léon, €5", "Drame"));

    @TempDir
    Path dir;

    static Stream<Arguments> everyEncodingLineEndingAndFormat() {
        List<Arguments> cases = new ArrayList<>();
        for (Encoding encoding : Encoding.values()) {
            for (LineEnding ending : LineEnding.values()) {
                for (FileFormat format : List.of(FileFormat.JSON_LINES, FileFormat.DELIMITED)) {
                    cases.add(Arguments.of(encoding, ending, format));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{2} in {0} with {1}")
    @MethodSource("everyEncodingLineEndingAndFormat")
    void aLastLineWithoutALineBreakReadsLikeOneWithIt(Encoding encoding, LineEnding ending, FileFormat format)
            throws Exception {
        String eol = eol(ending);
        String body = String.join(eol, lines(format));
        Path bare = write("bare" + extension(format), encoding.encode(body));
        Path ended = write("ended" + extension(format), encoding.encode(body + eol));

        for (Path file : List.of(bare, ended)) {
            ImportResult result = read(file);
            assertEquals(format, result.resolved().format(), file.toString());
            assertEquals(encoding.detected, result.resolved().encoding(), file.toString());
            assertEquals(ending, result.resolved().lineEnding(), file.toString());
            assertTrue(result.problems().isEmpty(), result.problems().toString());
            assertRows(result.dataset());
            assertRows(DatasetImporter.preview(file, DatasetImporter.detect(file), 50)
                    .dataset());
            assertRows(DatasetReader.read(file));
        }
        // A stream cannot be read twice, so it takes the one-pass path with no fallback.
        assertRows(DatasetReader.read(new ByteArrayInputStream(Files.readAllBytes(bare)), bare.toString()));
    }

    static Stream<Arguments> awkwardEndings() {
        return Stream.of(
                Arguments.of("a trailing CR alone", "\r"),
                Arguments.of("blank lines", "\n\n\r\n\r"),
                Arguments.of("a last line of spaces", "\n   "),
                Arguments.of("a last line of a tab and spaces after a CRLF", "\r\n \t "),
                Arguments.of("blank lines then spaces", "\n\n  \n\t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardEndings")
    void whatFollowsTheLastRowAddsNoRow(String description, String tail) throws Exception {
        for (FileFormat format : List.of(FileFormat.JSON_LINES, FileFormat.DELIMITED)) {
            String body = String.join("\n", lines(format));
            Path file = write("tail" + extension(format), (body + tail).getBytes(StandardCharsets.UTF_8));

            ImportResult result = read(file);

            assertTrue(result.problems().isEmpty(), format + ": " + result.problems());
            assertRows(result.dataset());
        }
    }

    @Test
    void blankAndSpaceOnlyLinesBetweenRowsAreSkippedAndLineNumbersStayPhysical() throws Exception {
        // lines: 1 row, 2 blank (LF), 3 blank (CRLF), 4 blank (CR), 5 spaces, 6 not an object / ragged, 7 row
        Path jsonl = write(
                "gaps.jsonl",
                "{\"title\": \"Heat\"}\n\n\r\n\r   \n[1]\n{\"title\": \"Dune\"}".getBytes(StandardCharsets.UTF_8));
        Path csv = write(
                "gaps.csv", "title,genre\nHeat,Crime\n\r\n\r   \nragged\nDune,Sci-Fi".getBytes(StandardCharsets.UTF_8));

        ImportResult fromJson = read(jsonl);
        ImportResult fromCsv = read(csv);

        assertEquals(2, fromJson.dataset().size());
        assertEquals(
                List.of(6L),
                fromJson.problems().stream().map(ImportProblem::line).toList());
        assertEquals(2, fromCsv.dataset().size());
        assertEquals(
                List.of(6L),
                fromCsv.problems().stream().map(ImportProblem::line).toList());
        assertEquals("Dune", fromCsv.dataset().value(1, "title"));
    }

    private static List<String> lines(FileFormat format) {
        List<String> lines = new ArrayList<>();
        if (format == FileFormat.JSON_LINES) {
            for (List<String> row : ROWS) {
                lines.add("{\"title\": \"" + row.get(0) + "\", \"meta\": {\"genre\": \"" + row.get(1) + "\"}}");
            }
            return lines;
        }
        lines.add("title,meta.genre");
        for (List<String> row : ROWS) {
            lines.add("\"" + row.get(0) + "\"," + row.get(1));
        }
        return lines;
    }

    private static void assertRows(Dataset dataset) {
        assertEquals(List.of("title", "meta.genre"), dataset.columns());
        assertEquals(ROWS.size(), dataset.size());
        for (int row = 0; row < ROWS.size(); row++) {
            assertEquals(ROWS.get(row), List.of(dataset.value(row, 0), dataset.value(row, 1)), "row " + row);
        }
    }

    private static String eol(LineEnding ending) {
        return switch (ending) {
            case LF -> "\n";
            case CRLF -> "\r\n";
            case CR -> "\r";
        };
    }

    private static String extension(FileFormat format) {
        return format == FileFormat.JSON_LINES ? ".jsonl" : ".csv";
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static ImportResult read(Path file) throws DatasetException {
        return DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false);
    }
}
