package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter inspect} prints what the importer detected and read. */
class InspectCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void jsonReportsDetectedSettingsColumnsRowsAndRaggedLines() throws Exception {
        Path file = Files.write(
                dir.resolve("films.csv"),
                "Titre;Année;Genre\rAmélie;2001;Comédie\rLéon;1994\rÇa;2017;Horreur\r"
                        .getBytes(StandardCharsets.ISO_8859_1));

        int status = run("inspect", file.toString(), "--json");

        assertEquals(0, status, err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals(file.toString(), report.get("file").asText());
        assertEquals("windows-1252", report.get("encoding").asText());
        assertEquals(";", report.get("delimiter").asText());
        assertEquals("\"", report.get("quote").asText());
        assertEquals("CR", report.get("line_ending").asText());
        assertTrue(report.get("header").asBoolean());
        assertEquals("[\"Titre\",\"Année\",\"Genre\"]", report.get("columns").toString());
        assertEquals(2, report.get("rows").asInt());
        assertEquals(3, report.get("column_count").asInt());
        assertEquals(1, report.get("ragged_rows").asInt());
        JsonNode problem = report.get("problems").get(0);
        assertEquals(3, problem.get("line").asInt());
        assertEquals("ragged_row", problem.get("kind").asText());
        assertEquals("2 cells where the header has 3", problem.get("message").asText());
    }

    @Test
    void overridesChangeHowTheFileIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("films.txt"), "Title|Genre\nHeat|Crime\n");

        int status = run(
                "inspect", file.toString(), "--delimiter", "|", "--no-header", "--encoding", "ISO-8859-1", "--json");

        assertEquals(0, status, err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals("ISO-8859-1", report.get("encoding").asText());
        assertEquals("|", report.get("delimiter").asText());
        assertEquals(false, report.get("header").asBoolean());
        assertEquals("[\"column_1\",\"column_2\"]", report.get("columns").toString());
        assertEquals(2, report.get("rows").asInt());
    }

    @Test
    void textReportNamesEachSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("films.tsv"), "Title\tGenre\r\nHeat\tCrime\r\n");

        int status = run("inspect", file.toString());

        assertEquals(0, status, err.toString());
        String text = out.toString();
        assertTrue(text.contains("encoding      UTF-8"), text);
        assertTrue(text.contains("delimiter     tab"), text);
        assertTrue(text.contains("line ending   CRLF"), text);
        assertTrue(text.contains("columns       2: Title, Genre"), text);
        assertTrue(text.contains("rows          1"), text);
        assertTrue(text.contains("problems      none"), text);
    }

    @Test
    void badFilesAndBadOptionsAreOneLine() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");

        assertEquals(ArbiterCli.BAD_INPUT, run("inspect", empty.toString()));
        assertEquals("arbiter: " + empty + ": the file is empty", err.toString().strip());

        err.getBuffer().setLength(0);
        assertEquals(ArbiterCli.BAD_INPUT, run("inspect", empty.toString(), "--delimiter", "x"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("--delimiter must be"), err.toString());
    }

    private int run(String... args) {
        return ArbiterCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
