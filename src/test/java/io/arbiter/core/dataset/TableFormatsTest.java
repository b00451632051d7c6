package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which format claims a file's start, asked in {@link TableFormats}' order, and what the start tells them. */
class TableFormatsTest {

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void everyFormatTheSettingsCanNameHasAReader(FileFormat id) {
        assertEquals(id, TableFormats.of(id).id());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "films.csv   | [{\"a\": 1},\\n {\"a\": 2}]\\n | JSON_ARRAY",
                "films.json  | [\\n1,\\n2\\n]\\n               | JSON_ARRAY",
                "films.jsonl | [1, 2]\\n[3, 4]\\n             | JSON_LINES",
                "films.csv   | {\"a\": 1}\\n{\"a\": 2}\\n     | JSON_LINES",
                "films.json  | text,label\\nHeat,Crime\\n     | JSON_LINES",
                "films.jsonl | ''                            | JSON_LINES",
                "films.csv   | [id],name\\n1,Heat\\n          | DELIMITED",
                "films.csv   | {not json},label\\n            | DELIMITED",
                "films.csv   | ''                            | DELIMITED",
            })
    void theFirstFormatToRecogniseTheStartWins(String fileName, String text, FileFormat expected) throws Exception {
        assertEquals(
                expected,
                TableFormats.recognise(start(text.replace("\\n", "\n"), true, fileName))
                        .id());
    }

    @Test
    void anEmptyFileIsRowlessJsonButNotDelimitedText() throws Exception {
        FileStart empty = start("\r\n\r\n", true, "films.jsonl");
        assertEquals(
                LineEnding.LF,
                TableFormats.of(FileFormat.JSON_LINES)
                        .settle(empty, ImportSettings.detectAll())
                        .lineEnding(),
                "blank lines say nothing about line endings");

        FileStart.NotText refused = assertThrows(FileStart.NotText.class, () -> TableFormats.of(FileFormat.DELIMITED)
                .settle(empty, ImportSettings.detectAll()));
        assertEquals("the file is empty", refused.getMessage());
    }

    @Test
    void aSampleCutShortEndsAtItsLastLineBreak() throws Exception {
        assertEquals("a,b\n1,2\n", start("a,b\n1,2\n3,", false, "films.csv").text());
        assertEquals("a,b\n1,2\n3,", start("a,b\n1,2\n3,", true, "films.csv").text());
    }

    @Test
    void aQuotedLineBreakIsNotTheLineEnding() throws Exception {
        assertEquals(
                LineEnding.CRLF,
                start("\"two\nlines\",b\r\n1,2\r\n", true, "films.csv").lineEnding('"'));
    }

    private static FileStart start(String text, boolean complete, String fileName) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new FileStart(bytes, bytes.length, complete, fileName, StandardCharsets.UTF_8);
    }
}
