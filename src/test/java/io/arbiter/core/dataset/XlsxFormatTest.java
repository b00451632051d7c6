package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Excel sheet reads as Excel shows it; the expected texts are what Excel 365 displays for these cells with their
 * formats (dates in ISO instead of the locale's order), worked out by hand from the values written.
 */
class XlsxFormatTest {

    @TempDir
    Path dir;

    @Test
    void cellsReadAsExcelShowsThem() throws Exception {
        Path file = XlsxFiles.write(dir.resolve("films.xlsx"), workbook -> {
            Worksheet sheet = workbook.newWorksheet("Films");
            XlsxFiles.row(sheet, 0, "title", "score", "noisy", "count", "released", "seen", "liked", "twice", "note");
            sheet.value(1, 0, "Heat");
            sheet.value(1, 1, 0.1);
            sheet.value(1, 2, new BigDecimal("0.1000000000000000055"));
            sheet.value(1, 3, 3.0);
            sheet.value(1, 4, LocalDate.of(2024, 3, 5));
            sheet.style(1, 4).format("yyyy-mm-dd").set();
            sheet.value(1, 5, LocalDateTime.of(2024, 3, 5, 13, 45, 10));
            sheet.style(1, 5).format("dd/mm/yyyy hh:mm:ss").set();
            sheet.value(1, 6, true);
            sheet.formula(1, 7, "B2*2");
            // I2 left empty
            sheet.value(2, 0, "Amélie, €5");
            sheet.value(2, 1, 0.1 + 0.2);
            sheet.value(2, 2, -1234567.125);
            sheet.value(2, 3, 12);
            sheet.value(2, 4, 45356.5);
            sheet.style(2, 4).format("[$-409]d-mmm-yy;@").set();
            sheet.value(2, 5, 0.75);
            sheet.style(2, 5).format("h:mm AM/PM").set();
            sheet.value(2, 6, false);
            sheet.formula(2, 7, "UPPER(A3)");
            sheet.value(2, 8, "two\nlines");
        });
        XlsxFiles.cache(file, "H2", "n", "0.20000000000000001");
        XlsxFiles.cache(file, "H3", "str", "AMÉLIE, €5");

        ImportResult result = DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false);

        assertEquals(FileFormat.XLSX, result.resolved().format());
        assertEquals("Films", result.resolved().sheet());
        assertEquals(List.of("Films"), result.sheets());
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        Dataset films = result.dataset();
        assertEquals(
                List.of("title", "score", "noisy", "count", "released", "seen", "liked", "twice", "note"),
                films.columns());
        assertEquals(
                List.of("Heat", "0.1", "0.1", "3", "2024-03-05", "2024-03-05T13:45:10", "TRUE", "0.2", ""),
                row(films, 0));
        assertEquals(
                List.of(
                        "Amélie, €5",
                        "0.3",
                        "-1234567.125",
                        "12",
                        "2024-03-05T12:00:00",
                        "18:00:00",
                        "FALSE",
                        "AMÉLIE, €5",
                        "two\nlines"),
                row(films, 1));
    }

    @Test
    void aWorkbookThatCountsDaysFrom1904ReadsItsDatesSoAsExcelFlagsIt() throws Exception {
        for (String flag : List.of("1", "true")) {
            Path file = XlsxFiles.write(dir.resolve("mac-" + flag + ".xlsx"), workbook -> {
                Worksheet sheet = workbook.newWorksheet("S");
                XlsxFiles.row(sheet, 0, "when");
                sheet.value(1, 0, 43894); // day 43,894 from 1904-01-01 is 2024-03-05
                sheet.style(1, 0).format("yyyy-mm-dd").set();
            });
            XlsxFiles.edit(
                    file,
                    "xl/workbook.xml",
                    xml -> xml.replaceFirst("<workbookPr[^>]*/>", "<workbookPr date1904=\"" + flag + "\"/>"));

            Dataset read = DatasetReader.read(file);
            Dataset streamed;
            try (InputStream in = Files.newInputStream(file)) {
                streamed = DatasetReader.read(in, "upload.xlsx");
            }

            assertEquals(List.of("2024-03-05"), row(read, 0), "date1904=\"" + flag + "\"");
            assertEquals(List.of("2024-03-05"), row(streamed, 0), "date1904=\"" + flag + "\", from a stream");
        }
    }

    @Test
    void charactersExcelEscapesInTextReadAsThemselves() throws Exception {
        Path file = XlsxFiles.write(dir.resolve("escapes.xlsx"), workbook -> {
            Worksheet sheet = workbook.newWorksheet("S");
            XlsxFiles.row(sheet, 0, "note");
            // As Excel writes them: a carriage return, a tab, and text that only looks like an escape.
            XlsxFiles.row(sheet, 1, "line1_x000D_\nline2");
            XlsxFiles.row(sheet, 2, "a_x0009_b");
            XlsxFiles.row(sheet, 3, "keep_x005F_x000D_text");
            XlsxFiles.row(sheet, 4, "snake_x_case_xyz_x12_");
        });

        Dataset read = DatasetReader.read(file);

        assertEquals(List.of("line1\r\nline2"), row(read, 0));
        assertEquals(List.of("a\tb"), row(read, 1));
        assertEquals(List.of("keep_x000D_text"), row(read, 2));
        assertEquals(List.of("snake_x_case_xyz_x12_"), row(read, 3));
    }

    @Test
    void aFormulaWithoutACachedValueReadsEmptyAndACachedErrorAsExcelSpellsIt() throws Exception {
        Path file = XlsxFiles.write(dir.resolve("f.xlsx"), workbook -> {
            Worksheet sheet = workbook.newWorksheet("S");
            XlsxFiles.row(sheet, 0, "a", "ratio", "never computed", "check");
            sheet.value(1, 0, 0);
            sheet.formula(1, 1, "1/A2");
            sheet.formula(1, 2, "A2+1");
            sheet.formula(1, 3, "A2=0");
        });
        XlsxFiles.cache(file, "B2", "e", "#DIV/0!");
        XlsxFiles.cache(file, "D2", "b", "1");

        Dataset read = DatasetReader.read(file);

        assertEquals(List.of("0", "#DIV/0!", "", "TRUE"), row(read, 0));
    }

    @Test
    void theFirstSheetIsReadUnlessAnotherIsChosen() throws Exception {
        Path file = twoSheets();

        ImportResult first = DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false);
        ImportResult second = DatasetImporter.read(
                file, ImportSettings.detectAll().withSheet("Labels 2"), ImportProgress.NONE, () -> false);

        assertEquals(List.of("Reviews", "Labels 2"), first.sheets());
        assertEquals(List.of("text", "label"), first.dataset().columns());
        assertEquals("Reviews", first.resolved().sheet());
        assertEquals(List.of("id", "gold"), second.dataset().columns());
        assertEquals(List.of("7", "spam"), row(second.dataset(), 0));
        assertEquals("Labels 2", second.resolved().sheet());
    }

    @Test
    void aHiddenSheetIsReadOnlyWhenNamed() throws Exception {
        Path file = XlsxFiles.write(dir.resolve("hidden.xlsx"), workbook -> {
            Worksheet lookup = workbook.newWorksheet("Lookup");
            XlsxFiles.row(lookup, 0, "code", "meaning");
            XlsxFiles.row(lookup, 1, "P", "positive");
            lookup.setVisibilityState(VisibilityState.HIDDEN);
            Worksheet data = workbook.newWorksheet("Data");
            XlsxFiles.row(data, 0, "text", "label");
            XlsxFiles.row(data, 1, "great film", "positive");
        });

        ImportResult first = DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false);
        ImportResult named = DatasetImporter.read(
                file, ImportSettings.detectAll().withSheet("Lookup"), ImportProgress.NONE, () -> false);
        DatasetException missing = assertThrows(
                DatasetException.class,
                () -> DatasetImporter.read(
                        file, ImportSettings.detectAll().withSheet("Gold"), ImportProgress.NONE, () -> false));

        assertEquals("Data", first.resolved().sheet(), "the first sheet Excel shows");
        assertEquals(List.of("text", "label"), first.dataset().columns());
        assertEquals(List.of("Data"), first.sheets());
        assertEquals(List.of("Data"), DatasetImporter.sheets(file), "the import dialog's choice");
        assertEquals(List.of("code", "meaning"), named.dataset().columns());
        assertEquals(List.of("Lookup", "Data"), named.sheets());
        assertEquals(file + ": no sheet named 'Gold'; its sheets are 'Lookup' (hidden), 'Data'", missing.getMessage());
    }

    @Test
    void aSheetThatIsNotThereIsNamedWithTheOnesThatAre() throws Exception {
        Path file = twoSheets();

        DatasetException e = assertThrows(
                DatasetException.class,
                () -> DatasetImporter.read(
                        file, ImportSettings.detectAll().withSheet("Gold"), ImportProgress.NONE, () -> false));

        assertEquals(file + ": no sheet named 'Gold'; its sheets are 'Reviews', 'Labels 2'", e.getMessage());
    }

    @Test
    void blankRowsAreSkippedAndACellBeyondTheHeaderGetsAColumn() throws Exception {
        Path file = XlsxFiles.write(dir.resolve("gaps.xlsx"), workbook -> {
            Worksheet sheet = workbook.newWorksheet("S");
            XlsxFiles.row(sheet, 2, "text", "", "text"); // the header starts on row 3, as many hand-made sheets do
            XlsxFiles.row(sheet, 3, "a", "b", "c");
            XlsxFiles.row(sheet, 5, "d", "", "", "note");
        });

        ImportResult result = DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false);

        assertEquals(
                List.of("text", "column_2", "text_2", "column_4"),
                result.dataset().columns());
        assertEquals(List.of("a", "b", "c", ""), row(result.dataset(), 0));
        assertEquals(List.of("d", "", "", "note"), row(result.dataset(), 1));
        assertEquals(
                List.of(
                        "line 3: column 2 has no name; it is called column_2",
                        "line 3: column name 'text' appears twice; column 3 is called text_2",
                        "line 3: column 4 has no name; it is called column_4"),
                result.problems().stream().map(ImportProblem::toString).toList());
    }

    @Test
    void withoutAHeaderTheFirstRowIsData() throws Exception {
        Path file = twoSheets();

        ImportResult result = DatasetImporter.read(
                file, ImportSettings.detectAll().withHeader(false), ImportProgress.NONE, () -> false);

        assertEquals(List.of("column_1", "column_2"), result.dataset().columns());
        assertEquals(List.of("text", "label"), row(result.dataset(), 0));
        assertEquals(3, result.dataset().size());
    }

    @Test
    void aPreviewReadsTheFirstRowsAndAStreamReadsLikeAFile() throws Exception {
        Path file = twoSheets();

        ImportResult preview = DatasetImporter.preview(file, ImportSettings.detectAll(), 1);
        Dataset streamed;
        try (InputStream in = Files.newInputStream(file)) {
            streamed = DatasetReader.read(in, "upload");
        }

        assertEquals(1, preview.dataset().size());
        assertEquals(List.of("great film", "positive"), row(streamed, 0));
        assertEquals(2, streamed.size());
    }

    @Test
    void aHeaderWithoutRowsAndAnEmptySheetSayWhichSheet() throws Exception {
        Path file = XlsxFiles.write(dir.resolve("empty.xlsx"), workbook -> {
            XlsxFiles.row(workbook.newWorksheet("Header"), 0, "text", "label");
            workbook.newWorksheet("Nothing");
        });

        DatasetException headerOnly = assertThrows(DatasetException.class, () -> DatasetReader.read(file));
        DatasetException empty = assertThrows(
                DatasetException.class,
                () -> DatasetImporter.read(
                        file, ImportSettings.detectAll().withSheet("Nothing"), ImportProgress.NONE, () -> false));
        ImportResult inspected = DatasetImporter.inspect(file, ImportSettings.detectAll());

        assertEquals(file + ": sheet 'Header' has a header but no rows", headerOnly.getMessage());
        assertEquals(file + ", sheet 'Nothing': the sheet is empty (no cell has anything in it)", empty.getMessage());
        assertEquals(List.of("text", "label"), inspected.dataset().columns());
        assertEquals(0, inspected.dataset().size());
    }

    @Test
    void aCellTheReaderCannotParseIsSaidWithItsRow() throws Exception {
        Path file = XlsxFiles.write(dir.resolve("comma.xlsx"), workbook -> {
            Worksheet sheet = workbook.newWorksheet("Scores");
            XlsxFiles.row(sheet, 0, "film", "score");
            XlsxFiles.row(sheet, 1, "Heat");
            sheet.value(1, 1, 4);
            XlsxFiles.row(sheet, 2, "Ran");
            sheet.value(2, 1, 5);
        });
        // A number written the way some locales' tools write one, which no spreadsheet reads.
        XlsxFiles.edit(file, "xl/worksheets/sheet1.xml", xml -> xml.replace("<v>5</v>", "<v>4,5</v>"));

        String message = message(file);

        assertTrue(message.startsWith(file + ", sheet 'Scores': the next row after row 2 cannot be read ("), message);
        assertTrue(message.endsWith("); open the workbook in Excel and save it again"), message);
    }

    @Test
    void filesThatAreNotWorkbooksSayWhatTheyAre() throws Exception {
        Path text = Files.writeString(dir.resolve("labels.xlsx"), "text,label\nHeat,Crime\n");
        Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        byte[] ole2 = new byte[4096];
        System.arraycopy(
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0,
                ole2,
                0,
                8);
        Path xls = Files.write(dir.resolve("old.xls"), ole2);
        byte[] info = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);
        byte[] encrypted = Arrays.copyOf(ole2, ole2.length);
        System.arraycopy(info, 0, encrypted, 1024, info.length);
        Path locked = Files.write(dir.resolve("locked.xlsx"), encrypted);
        byte[] whole = Files.readAllBytes(twoSheets());
        Path cut = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));

        assertEquals(
                text + ": not an Excel workbook (an .xlsx file is a zip archive and this one is not); choose the"
                        + " format it is in, or save it from Excel as .xlsx",
                message(text));
        assertEquals(empty + ": the file is empty", message(empty));
        assertEquals(
                xls + ": an Excel 97-2003 (.xls) or password-protected workbook; save it as .xlsx without a password",
                message(xls));
        assertEquals(
                locked + ": the workbook is encrypted (saved with a password); save a copy without one",
                message(locked));
        assertTrue(message(cut).startsWith(cut + ": not a readable Excel workbook ("), message(cut));
    }

    @Test
    void aZipOrOfficeFileIsRecognisedAsAWorkbookWhateverItsName() throws Exception {
        byte[] zip = Files.readAllBytes(twoSheets());
        FileStart start = new FileStart(zip, zip.length, true, "export.bin", StandardCharsets.UTF_8);
        FileStart named = new FileStart(new byte[] {'a'}, 1, true, "Films.XLSX", StandardCharsets.UTF_8);

        assertEquals(FileFormat.XLSX, TableFormats.recognise(start).id());
        assertEquals(FileFormat.XLSX, TableFormats.recognise(named).id());
    }

    @Test
    void numberFormatsTellDatesAndTimesFromNumbers() {
        assertEquals(XlsxCells.Shown.DATE, XlsxCells.shown(14, null));
        assertEquals(XlsxCells.Shown.DATE, XlsxCells.shown(22, null));
        assertEquals(XlsxCells.Shown.TIME, XlsxCells.shown(20, null));
        assertEquals(XlsxCells.Shown.NUMBER, XlsxCells.shown(2, null));
        assertEquals(XlsxCells.Shown.NUMBER, XlsxCells.shown(null, null));
        assertEquals(XlsxCells.Shown.DATE, XlsxCells.shown(164, "mmm yyyy"));
        assertEquals(XlsxCells.Shown.DATE, XlsxCells.shown(164, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"));
        assertEquals(XlsxCells.Shown.TIME, XlsxCells.shown(164, "hh:mm"));
        assertEquals(ElapsedTime.BUILT_IN_46, XlsxCells.elapsed(46, null));
        assertEquals(new ElapsedTime('h', 2, true, false), XlsxCells.elapsed(164, "[hh]:mm;@"));
        assertEquals(null, XlsxCells.elapsed(164, "\"[h]\" 0"), "quoted text is not a code");
        assertEquals(null, XlsxCells.elapsed(21, null));
        assertEquals(XlsxCells.Shown.NUMBER, XlsxCells.shown(164, "0.00 \"days\""), "quoted text is not a code");
        assertEquals(XlsxCells.Shown.NUMBER, XlsxCells.shown(164, "[Red]#,##0.00;[Blue]-#,##0.00"));
        assertEquals(XlsxCells.Shown.NUMBER, XlsxCells.shown(164, "General"));
    }

    @Test
    void durationsReadAsTheirElapsedTimeFormatsShowThem() throws Exception {
        String[] formats = {"[h]:mm:ss", "[h]:mm", "[mm]:ss", "[s]", "[hh]:mm:ss", "[Red][h]:mm:ss"};
        Path file = XlsxFiles.write(dir.resolve("durations.xlsx"), workbook -> {
            Worksheet sheet = workbook.newWorksheet("S");
            XlsxFiles.row(sheet, 0, formats);
            double[][] values = {
                {1.5, 0.0625, 0.0625, 0.0625, 0.25, 1.5}, {-0.25, -0.25, -0.25, -0.25, 100.0 / 24, 1e15}
            };
            for (int r = 0; r < values.length; r++) {
                for (int c = 0; c < formats.length; c++) {
                    sheet.value(r + 1, c, values[r][c]);
                    sheet.style(r + 1, c).format(formats[c]).set();
                }
            }
        });

        Dataset read = DatasetReader.read(file);

        // As Excel 365 shows them: a day and a half in hours, 90 minutes three ways, six hours padded, a hundred
        // hours. A negative duration shows as ##### in the 1900 calendar and signed in the 1904 one; signed here.
        // Beyond Excel's last day it shows #####; the number is more use.
        assertEquals(List.of("36:00:00", "1:30", "90:00", "5400", "06:00:00", "36:00:00"), row(read, 0));
        assertEquals(List.of("-6:00:00", "-6:00", "-360:00", "-21600", "100:00:00", "1000000000000000"), row(read, 1));
    }

    @Test
    void dayCountsFollowExcelsCalendars() {
        // Excel: 1 is 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01 (60 is the 29 February 1900 it invents);
        // 45356 is 2024-03-05; in the 1904 calendar 0 is 1904-01-01.
        assertEquals("1900-01-01", XlsxCells.dateTime(BigDecimal.ONE, XlsxCells.Shown.DATE, false));
        assertEquals("1900-02-28", XlsxCells.dateTime(BigDecimal.valueOf(59), XlsxCells.Shown.DATE, false));
        assertEquals("1900-03-01", XlsxCells.dateTime(BigDecimal.valueOf(61), XlsxCells.Shown.DATE, false));
        assertEquals("2024-03-05", XlsxCells.dateTime(BigDecimal.valueOf(45356), XlsxCells.Shown.DATE, false));
        assertEquals("1904-01-01", XlsxCells.dateTime(BigDecimal.ZERO, XlsxCells.Shown.DATE, true));
        assertEquals(
                "2024-03-06",
                XlsxCells.dateTime(new BigDecimal("45356.999999999"), XlsxCells.Shown.DATE, false),
                "a time that rounds to midnight is the next day");
        assertEquals("123456789012346000", XlsxCells.number(new BigDecimal("123456789012345678")));
        assertEquals("0.3", XlsxCells.number(new BigDecimal("0.30000000000000004")));
        assertEquals("0", XlsxCells.number(new BigDecimal("-0.0")));
    }

    private Path twoSheets() throws Exception {
        return XlsxFiles.write(dir.resolve("two.xlsx"), workbook -> {
            Worksheet reviews = workbook.newWorksheet("Reviews");
            XlsxFiles.row(reviews, 0, "text", "label");
            XlsxFiles.row(reviews, 1, "great film", "positive");
            XlsxFiles.row(reviews, 2, "dull", "negative");
            Worksheet labels = workbook.newWorksheet("Labels 2");
            XlsxFiles.row(labels, 0, "id", "gold");
            labels.value(1, 0, 7);
            labels.value(1, 1, "spam");
        });
    }

    private static String message(Path file) {
        return assertThrows(DatasetException.class, () -> DatasetReader.read(file))
                .getMessage();
    }

    private static List<String> row(Dataset dataset, int index) {
        return dataset.columns().stream().map(c -> dataset.value(index, c)).toList();
    }
}
