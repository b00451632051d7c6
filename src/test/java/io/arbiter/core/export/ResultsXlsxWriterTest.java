package io.arbiter.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetReader;
import io.arbiter.core.review.ReviewLog;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.scheme.JudgeSchemes;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The workbook export holds exactly the CSV export's cells, as text or as the same number, with the outcome fills,
 * frozen and filtered, its columns no wider than a screen's share.
 */
class ResultsXlsxWriterTest {

    @TempDir
    Path dir;

    @Test
    void theWorkbookHoldsTheCsvsCellsAsTextOrAsTheSameNumber() throws Exception {
        Dataset dangerous = withOverview(0, "=HYPERLINK(\"http://evil\",\"click\")");
        List<RowResult> results = ResultsCsvWriterTest.results();
        Path csv = dir.resolve("results.csv");
        Path xlsx = dir.resolve("results.xlsx");

        ResultsWriter.forFile(csv, JudgeSchemes.DEFAULT, null)
                .write(csv, dangerous, ResultsCsvWriterTest.COLUMNS, results, new ReviewLog());
        ResultsWriter.forFile(xlsx, JudgeSchemes.DEFAULT, null)
                .write(xlsx, dangerous, ResultsCsvWriterTest.COLUMNS, results, new ReviewLog());

        List<List<String>> fromCsv = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVReader reader = new CSVReader(in)) {
            for (String[] line : reader.readAll()) {
                fromCsv.add(
                        line.length == 0
                                ? List.of()
                                : List.of(line).stream().map(CsvCells::unescape).toList());
            }
        }
        List<List<String>> fromXlsx = new ArrayList<>();
        Set<String> numbers = new TreeSet<>(); // the columns with a number cell
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile());
                var rows = workbook.getFirstSheet().openStream()) {
            int width = fromCsv.get(0).size();
            for (Row row : rows.toList()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
                    if (cell != null && cell.getType() == CellType.NUMBER) {
                        numbers.add(fromCsv.get(0).get(c));
                    } else if (cell != null && cell.getType() != CellType.EMPTY) {
                        assertEquals(CellType.STRING, cell.getType(), "a text cell, never a formula: " + cell);
                    }
                    cells.add(cell == null || cell.getValue() == null ? "" : cell.getText());
                }
                fromXlsx.add(cells);
            }
        }

        assertEquals(8, fromCsv.size());
        assertEquals(fromCsv, fromXlsx);
        assertEquals("=HYPERLINK(\"http://evil\",\"click\")", fromXlsx.get(1).get(2));
        assertEquals(Set.of("completion_tokens", "prompt_tokens", "row"), numbers, "numbers sort as numbers");
    }

    @Test
    void aCellIsANumberOnlyWhenExcelShowsItAsTheSameCharacters() {
        for (String number :
                List.of("0", "7", "12", "-3", "0.85", "-3.5", "4.25", "12345678901", "0.000123", "-0.0001")) {
            assertEquals(new BigDecimal(number), ResultsXlsxWriter.number(number), number);
        }
        for (String text : List.of(
                "007", // an id: Excel would drop the zeros
                "1.50", // Excel would show 1.5
                "123456789012", // General shows 1.23457E+11
                "0.30000000000000004",
                "0.0000001", // General may show 1E-07
                "-0.00005",
                "1e5",
                "+3",
                "-0",
                "1,000",
                " 12",
                "12 ",
                ".5",
                "5.",
                "NaN",
                "Infinity",
                "Correct")) {
            assertNull(ResultsXlsxWriter.number(text), text);
        }
    }

    @Test
    void textThatLooksLikeExcelsEscapesReadsBackAsWritten() throws Exception {
        Path xlsx = dir.resolve("results.xlsx");
        String overview = "ids id_x0041_b and _x000D_ stay as typed";

        new ResultsXlsxWriter(JudgeSchemes.DEFAULT, null)
                .write(
                        xlsx,
                        withOverview(0, overview),
                        ResultsCsvWriterTest.COLUMNS,
                        ResultsCsvWriterTest.results(),
                        new ReviewLog());

        assertEquals(overview, DatasetReader.read(xlsx).value(0, "Overview"), "read as Excel shows it");
        assertEquals("a_x005F_x0041_b", ResultsXlsxWriter.excelText("a_x0041_b"));
        assertEquals("snake_case_x", ResultsXlsxWriter.excelText("snake_case_x"));
    }

    @Test
    void aColumnOfLongTextsOpensNoWiderThanSixtyCharacters() throws Exception {
        Path xlsx = dir.resolve("results.xlsx");
        Dataset longOverview = withOverview(0, "A lighthouse keeper's daughter finds letters. ".repeat(8));

        new ResultsXlsxWriter(JudgeSchemes.DEFAULT, null)
                .write(
                        xlsx,
                        longOverview,
                        ResultsCsvWriterTest.COLUMNS,
                        ResultsCsvWriterTest.results(),
                        new ReviewLog());

        Map<Integer, Double> widths = new HashMap<>();
        Matcher col = Pattern.compile("<col min=\"([0-9]+)\" max=\"\\1\" width=\"([0-9.]+)\"")
                .matcher(part(xlsx, "xl/worksheets/sheet1.xml"));
        while (col.find()) {
            widths.put(Integer.parseInt(col.group(1)), Double.parseDouble(col.group(2)));
        }
        assertEquals(ResultsXlsxWriter.WIDEST, widths.get(3), 0.001, "Overview, column C, capped: " + widths);
        assertTrue(widths.get(2) < ResultsXlsxWriter.WIDEST, "Title, column B, sized to its cells: " + widths);
    }

    @Test
    void eachRowIsFilledByTheJudgesEvaluationUnderAFrozenFilteredHeader() throws Exception {
        Path xlsx = dir.resolve("results.xlsx");

        new ResultsXlsxWriter(JudgeSchemes.DEFAULT, null)
                .write(
                        xlsx,
                        ResultsCsvWriterTest.MOVIES,
                        ResultsCsvWriterTest.COLUMNS,
                        ResultsCsvWriterTest.results(),
                        new ReviewLog());

        String sheet = part(xlsx, "xl/worksheets/sheet1.xml");
        // The rows of ResultsCsvWriterTest.results(): Correct, Incorrect, UNPARSED, Correct, base failed, judge
        // failed, not run; the colours are css/arbiter.css's -arb-*-soft.
        Map<String, String> fills = fills(xlsx, sheet);
        assertEquals("FFEBFBEE", fills.get("A2"));
        assertEquals("FFFFF0F0", fills.get("A3"));
        assertEquals("FFFFF4E0", fills.get("A4"));
        assertEquals("FFEBFBEE", fills.get("V5"), "the whole row, to its last column");
        assertEquals("FFF3E8FF", fills.get("A6"));
        assertEquals("FFF3E8FF", fills.get("A7"));
        assertEquals(null, fills.get("A8"));
        assertEquals(null, fills.get("A1"));
        assertTrue(sheet.matches("(?s).*<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\".*"), "a frozen header");
        assertTrue(sheet.matches("(?s).*<autoFilter ref=\"A1:V8\"\s*(/>|></autoFilter>).*"), "a filter on every row");
    }

    private static Dataset withOverview(int row, String overview) {
        Dataset movies = ResultsCsvWriterTest.MOVIES;
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < movies.size(); r++) {
            String[] cells = new String[movies.columns().size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = movies.value(r, c);
            }
            rows.add(cells);
        }
        rows.get(row)[movies.columnIndex("Overview")] = overview;
        return new Dataset(movies.name(), movies.columns(), rows);
    }

    /** Each styled cell's fill colour (ARGB), read from the sheet's s= attributes and styles.xml. */
    private static Map<String, String> fills(Path xlsx, String sheet) throws Exception {
        Document styles;
        try (ZipFile zip = new ZipFile(xlsx.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("xl/styles.xml"))) {
            styles = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList fillList = ((Element) styles.getElementsByTagName("fills").item(0)).getElementsByTagName("fill");
        NodeList xfs = ((Element) styles.getElementsByTagName("cellXfs").item(0)).getElementsByTagName("xf");
        Map<String, String> fills = new HashMap<>();
        Matcher cell = Pattern.compile("<c r=\"([A-Z]+[0-9]+)\" s=\"([0-9]+)\"").matcher(sheet);
        while (cell.find()) {
            Element xf = (Element) xfs.item(Integer.parseInt(cell.group(2)));
            Element fill = (Element) fillList.item(Integer.parseInt(xf.getAttribute("fillId")));
            NodeList colour = fill.getElementsByTagName("fgColor");
            if (colour.getLength() > 0) {
                fills.put(cell.group(1), ((Element) colour.item(0)).getAttribute("rgb"));
            }
        }
        return fills;
    }

    private static String part(Path xlsx, String name) throws Exception {
        try (ZipFile zip = new ZipFile(xlsx.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
