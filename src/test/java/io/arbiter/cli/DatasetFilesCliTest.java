package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.dataset.XlsxFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code inspect} and {@code run} on the dataset files of issue #10: what they read, and one line when they cannot. */
class DatasetFilesCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 12;

    @TempDir
    Path dir;

    private Path basePrompt;
    private Path judgePrompt;
    private List<ObjectNode> movies;
    private String out;
    private String err;

    @BeforeEach
    void writeThePromptsAndTakeTheFirstMovies() throws Exception {
        basePrompt = Files.writeString(dir.resolve("base-prompt.txt"), Samples.text(Samples.MOVIES_BASE_PROMPT));
        judgePrompt = Files.writeString(dir.resolve("judge-prompt.txt"), Samples.text(Samples.MOVIES_JUDGE_PROMPT));
        Dataset sample = Samples.movies();
        movies = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            ObjectNode movie = JSON.createObjectNode();
            movie.put("Title", sample.value(row, "Title"));
            movie.put("Overview", sample.value(row, "Overview"));
            movie.put("Genre", sample.value(row, "Genre"));
            movie.putObject("meta").put("row", row); // nested: read as the column meta.row
            movies.add(movie);
        }
    }

    static Stream<Arguments> encodingsAndLineEndings() {
        List<Arguments> cases = new ArrayList<>();
        for (String encoding : List.of("UTF-8", "UTF-8 BOM", "UTF-16LE BOM", "UTF-16BE BOM", "windows-1252")) {
            for (String ending : List.of("LF", "CRLF", "CR")) {
                cases.add(Arguments.of(encoding, ending));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("encodingsAndLineEndings")
    void jsonLinesWithoutAFinalNewlineInspectsAndRuns(String encoding, String ending) throws Exception {
        String eol = ending.equals("LF") ? "\n" : ending.equals("CRLF") ? "\r\n" : "\r";
        List<String> lines = new ArrayList<>();
        for (ObjectNode movie : movies) {
            lines.add(JSON.writeValueAsString(movie).replace("The", "Thé")); // not ASCII, and in windows-1252
        }
        Path file = Files.write(dir.resolve("movies.jsonl"), encode(String.join(eol, lines), encoding));

        JsonNode report = json(cli("inspect", file.toString(), "--json"));
        assertEquals(ROWS, report.get("rows").asInt());
        assertEquals(ending, report.get("line_ending").asText());
        assertEquals(
                "[\"Title\",\"Overview\",\"Genre\",\"meta.row\"]",
                report.get("columns").toString());
        assertEquals(0, report.get("problems").size(), report.toString());

        JsonNode summary = json(run(file, "--input-column", "Overview", "--truth-column", "Genre"));
        assertEquals(ROWS, summary.get("rows").asInt());
        assertEquals(0, summary.get("errors").asInt());
    }

    @Test
    void aPrettyPrintedJsonArrayInspectsAndRunsAsRows() throws Exception {
        String pretty =
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(movies).replace("\n", "\r\n");
        for (String name : List.of("movies.json", "movies-array.jsonl")) {
            Path file = Files.writeString(dir.resolve(name), pretty);

            JsonNode report = json(cli("inspect", file.toString(), "--json"));
            assertEquals("json_array", report.get("format").asText());
            assertEquals(ROWS, report.get("rows").asInt());
            assertEquals(
                    "[\"Title\",\"Overview\",\"Genre\",\"meta.row\"]",
                    report.get("columns").toString());

            JsonNode summary = json(run(file, "--input-column", "Overview", "--truth-column", "Genre"));
            assertEquals(ROWS, summary.get("rows").asInt());
        }
        assertEquals(0, cli("inspect", dir.resolve("movies.json").toString()));
        assertTrue(out.contains("format        JSON array"), out);
    }

    @Test
    void anExcelSepLineIsReportedAndHonoured() throws Exception {
        StringBuilder csv = new StringBuilder("sep=;\r\nTitle;Overview;Genre\r\n");
        for (ObjectNode movie : movies) {
            csv.append(movie.get("Title").asText())
                    .append(';')
                    .append(cell(movie.get("Overview").asText()))
                    .append(';')
                    .append(cell(movie.get("Genre").asText()))
                    .append("\r\n");
        }
        Path file = Files.writeString(dir.resolve("excel.csv"), csv);

        JsonNode report = json(cli("inspect", file.toString(), "--json"));
        assertTrue(report.get("sep_line").asBoolean());
        assertEquals(";", report.get("delimiter").asText());
        assertEquals("[\"Title\",\"Overview\",\"Genre\"]", report.get("columns").toString());
        assertEquals(ROWS, report.get("rows").asInt());
        assertEquals(0, cli("inspect", file.toString()));
        assertTrue(out.contains("sep line      sep=; (Excel's first line naming the delimiter; not a row)"), out);

        JsonNode summary = json(run(file, "--input-column", "Overview", "--truth-column", "Genre"));
        assertEquals(ROWS, summary.get("rows").asInt());
    }

    @Test
    void anExcelWorkbooksChosenSheetInspectsAndRuns() throws Exception {
        Path file = XlsxFiles.write(dir.resolve("movies.xlsx"), workbook -> {
            XlsxFiles.row(workbook.newWorksheet("Notes"), 0, "labelled by", "Ana");
            Worksheet sheet = workbook.newWorksheet("Movies");
            XlsxFiles.row(sheet, 0, "Title", "Overview", "Genre");
            for (int row = 0; row < ROWS; row++) {
                ObjectNode movie = movies.get(row);
                XlsxFiles.row(
                        sheet,
                        row + 1,
                        movie.get("Title").asText(),
                        movie.get("Overview").asText(),
                        movie.get("Genre").asText());
            }
        });

        JsonNode report = json(cli("inspect", file.toString(), "--sheet", "Movies", "--json"));
        assertEquals("xlsx", report.get("format").asText());
        assertEquals("Movies", report.get("sheet").asText());
        assertEquals("[\"Notes\",\"Movies\"]", report.get("sheets").toString());
        assertEquals("[\"Title\",\"Overview\",\"Genre\"]", report.get("columns").toString());
        assertEquals(ROWS, report.get("rows").asInt());
        assertEquals(0, cli("inspect", file.toString()));
        assertTrue(out.contains("format        Excel workbook"), out);
        assertTrue(out.contains("sheet         Notes (sheets: Notes, Movies)"), out);

        Path results = dir.resolve("results.xlsx");
        JsonNode summary = json(run(
                file,
                "--sheet",
                "Movies",
                "--input-column",
                "Overview",
                "--truth-column",
                "Genre",
                "--out",
                results.toString()));
        assertEquals(ROWS, summary.get("rows").asInt());
        assertEquals(0, summary.get("errors").asInt());
        try (ReadableWorkbook written = new ReadableWorkbook(results.toFile())) {
            List<Row> rows = written.getFirstSheet().read();
            assertEquals(ROWS + 1, rows.size(), "--out .xlsx writes a workbook: the header and a row per row");
            assertEquals("judge_evaluation", rows.get(0).getCellText(11));
            assertEquals(movies.get(0).get("Title").asText(), rows.get(1).getCellText(1));
        }

        assertEquals(ArbiterCli.BAD_INPUT, cli("inspect", file.toString(), "--sheet", "Films"));
        assertEquals("arbiter: " + file + ": no sheet named 'Films'; its sheets are 'Notes', 'Movies'", err.strip());
    }

    @Test
    void aColumnWhoseNameHoldsACommaCanBeNamedQuotedOrByRepeatingTheFlag() throws Exception {
        StringBuilder csv = new StringBuilder("\"Title, original\",Overview,Genre\n");
        for (ObjectNode movie : movies) {
            csv.append(cell(movie.get("Title").asText() + ", the"))
                    .append(',')
                    .append(cell(movie.get("Overview").asText()))
                    .append(',')
                    .append(cell(movie.get("Genre").asText()))
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("titles.csv"), csv);
        // Without a [user] part the input columns are the user message, as "Column: value" lines.
        basePrompt = Files.writeString(dir.resolve("base-prompt.txt"), "Name the movie's genre, one of: {{labels}}");
        String first = "Overview: " + movies.get(0).get("Overview").asText() + "\nTitle, original: "
                + movies.get(0).get("Title").asText() + ", the";

        List<List<String>> ways = List.of(
                List.of("--input-column", "Overview,\"Title, original\""),
                List.of("--input-column", "Overview", "--input-column", "\"Title, original\""),
                List.of("--input-column", "Overview", "--input-column", "Title, original"));
        for (List<String> way : ways) {
            Path requests = dir.resolve("requests.jsonl");
            List<String> args =
                    new ArrayList<>(List.of("batch-export", "--stage", "base", "--out", requests.toString()));
            args.addAll(way);
            assertEquals(0, spec(file, args), way + ": " + err);
            JsonNode line = JSON.readTree(Files.readAllLines(requests).get(0));
            JsonNode messages = line.get("body").get("messages");
            assertEquals(first, messages.get(messages.size() - 1).get("content").asText(), way.toString());
        }
        assertEquals(
                ROWS,
                json(run(file, "--input-column", "\"Title, original\"", "--truth-column", "Genre"))
                        .get("rows")
                        .asInt());
        assertEquals(
                ROWS,
                json(run(file, "--input-column", "Overview", "--truth-column", "\"Genre\""))
                        .get("rows")
                        .asInt());
    }

    @Test
    void anUnknownColumnListsTheColumnsThereAre() throws Exception {
        Path file = Files.writeString(
                dir.resolve("titles.csv"), "\"Title, original\",Overview,Genre\nHeat,A heist.,Crime\n");

        assertEquals(ArbiterCli.BAD_INPUT, run(file, "--input-column", "Title, Overview"));
        assertEquals(
                "arbiter: Input column 'Title' is not in titles.csv (columns: \"Title, original\", Overview, Genre); "
                        + "a name that holds a comma goes in double quotes: --input-column '\"Title, original\"'",
                err.strip());

        assertEquals(ArbiterCli.BAD_INPUT, run(file, "--input-column", "Overview", "--truth-column", "Label"));
        assertEquals(
                "arbiter: Truth column 'Label' is not in titles.csv (columns: \"Title, original\", Overview, Genre)",
                err.strip());
    }

    @Test
    void aHeaderOnlyFileInspectsAsNoRowsAndIsRefusedByRun() throws Exception {
        Path csv = Files.writeString(dir.resolve("header.csv"), "Title,Overview,Genre\r\n");
        Path tsv = Files.writeString(dir.resolve("header.tsv"), "Title\tOverview\tGenre");

        for (Path file : List.of(csv, tsv)) {
            JsonNode report = json(cli("inspect", file.toString(), "--json"));
            assertEquals(0, report.get("rows").asInt());
            assertEquals(
                    "[\"Title\",\"Overview\",\"Genre\"]", report.get("columns").toString());
            assertEquals(0, cli("inspect", file.toString()));
            assertTrue(out.contains("columns       3: Title, Overview, Genre"), out);
            assertTrue(out.contains("rows          0"), out);

            assertEquals(ArbiterCli.BAD_INPUT, run(file, "--input-column", "Overview"));
            assertEquals("arbiter: " + file + ": has a header but no rows", err.strip());
        }
    }

    @Test
    void jsonWithNoRowsInspectsAsNoRowsAndIsRefusedByRun() throws Exception {
        Path blank = Files.writeString(dir.resolve("blank.jsonl"), "\n\r\n");
        Path emptyArray = Files.writeString(dir.resolve("empty.json"), "[\n]");

        for (Path file : List.of(blank, emptyArray)) {
            JsonNode report = json(cli("inspect", file.toString(), "--json"));
            assertEquals(0, report.get("rows").asInt());
            assertEquals(0, report.get("column_count").asInt());
        }
        assertEquals(ArbiterCli.BAD_INPUT, run(blank, "--input-column", "Overview"));
        assertEquals("arbiter: " + blank + ": the file is empty", err.strip());
        assertEquals(ArbiterCli.BAD_INPUT, run(emptyArray, "--input-column", "Overview"));
        assertEquals("arbiter: " + emptyArray + ": the JSON array is empty; it has no rows", err.strip());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of(
                        "unterminated.csv",
                        "Title,Overview\nHeat,\"A heist\nDune,Sand\n".getBytes(StandardCharsets.UTF_8),
                        "line 2"),
                Arguments.of("binary.csv", new byte[] {'T', 'i', 0, 1, 2, 0, 3}, "zero byte at offset 2"),
                Arguments.of(
                        "broken.json",
                        "[\n {\"Overview\": \"x\"},\n {\"Overview\": }\n]".getBytes(StandardCharsets.UTF_8),
                        "line 3"),
                Arguments.of("numbers.json", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8), "a JSON array of numbers"),
                Arguments.of("object.json", "{\n \"Overview\": \"x\"\n}".getBytes(StandardCharsets.UTF_8), "line 1"),
                Arguments.of("alone.csv", "sep=;\r\n".getBytes(StandardCharsets.UTF_8), "sep=; line"),
                Arguments.of("allbad.jsonl", "[1]\nnot json".getBytes(StandardCharsets.UTF_8), "line 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsOneLineNamingTheFileAndWhereNeverAStackTrace(String name, byte[] bytes, String where)
            throws Exception {
        Path file = Files.write(dir.resolve(name), bytes);

        int inspected = cli("inspect", file.toString());
        String inspectErr = err;
        int ran = run(file, "--input-column", "Overview");

        if (!name.startsWith("allbad")) { // inspect reports a file whose every row is left out; run refuses it
            assertEquals(ArbiterCli.BAD_INPUT, inspected, inspectErr);
            assertOneLine(inspectErr, file, where);
        }
        assertEquals(ArbiterCli.BAD_INPUT, ran, err);
        assertOneLine(err, file, where);
    }

    private static void assertOneLine(String stderr, Path file, String where) {
        assertEquals(1, stderr.strip().lines().count(), stderr);
        assertTrue(stderr.startsWith("arbiter: " + file), stderr);
        assertTrue(stderr.contains(where), stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);
    }

    private static String cell(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static byte[] encode(String text, String encoding) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Charset charset =
                switch (encoding) {
                    case "UTF-8 BOM" -> {
                        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                        yield StandardCharsets.UTF_8;
                    }
                    case "UTF-16LE BOM" -> {
                        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
                        yield StandardCharsets.UTF_16LE;
                    }
                    case "UTF-16BE BOM" -> {
                        bytes.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
                        yield StandardCharsets.UTF_16BE;
                    }
                    default -> Charset.forName(encoding);
                };
        bytes.writeBytes(text.getBytes(charset));
        return bytes.toByteArray();
    }

    private int run(Path dataset, String... columns) {
        List<String> args = new ArrayList<>(List.of("run", "--provider", "offline", "--json"));
        args.addAll(List.of(columns));
        return spec(dataset, args);
    }

    private int spec(Path dataset, List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(
                "--dataset",
                dataset.toString(),
                "--base-prompt",
                basePrompt.toString(),
                "--judge-prompt",
                judgePrompt.toString()));
        return cli(args.toArray(String[]::new));
    }

    private int cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = ArbiterCli.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return status;
    }

    private JsonNode json(int status) throws Exception {
        assertEquals(0, status, err);
        return JSON.readTree(out);
    }
}
