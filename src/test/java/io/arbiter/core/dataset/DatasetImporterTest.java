package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every awkward file of the import issue, generated here and read back cell by cell. */
class DatasetImporterTest {

    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

    @TempDir
    Path dir;

    // Encodings and line endings

    @Test
    void crOnlyLatin1WithoutHeaderIsDetectedAndReadCellByCell() throws Exception {
        Path file = write("films.csv", "Amélie;2001;Comédie\rLéon;1994;Drame\rÇa;2017;Horreur\r", LATIN_1);

        ImportResult result = read(file);

        ImportSettings s = result.resolved();
        assertEquals(FileFormat.DELIMITED, s.format());
        assertEquals("windows-1252", s.encoding().name());
        assertEquals(';', s.delimiter());
        assertEquals(LineEnding.CR, s.lineEnding());
        assertFalse(s.header());
        Dataset d = result.dataset();
        assertEquals(List.of("column_1", "column_2", "column_3"), d.columns());
        assertEquals(3, d.size());
        assertRow(d, 0, "Amélie", "2001", "Comédie");
        assertRow(d, 2, "Ça", "2017", "Horreur");
        assertTrue(result.problems().isEmpty(), result.problems().toString());
    }

    @Test
    void windows1252CurlyQuotesAndEuroSignsDecode() throws Exception {
        byte[] bytes = "Title,Price\nCaf\u00e9 \u201cNoir\u201d,\u20ac5\n".getBytes(Charset.forName("windows-1252"));
        Path file = Files.write(dir.resolve("cp1252.csv"), bytes);

        Dataset d = read(file).dataset();

        assertRow(d, 0, "Café \u201cNoir\u201d", "€5");
    }

    @Test
    void utf8WithAndWithoutBomAndUtf16WithBomReadTheSame() throws Exception {
        String text = "Title,Genre\nAmélie,Comédie\n";
        Path plain = write("plain.csv", text, StandardCharsets.UTF_8);
        Path bom = write("bom.csv", "\uFEFF" + text, StandardCharsets.UTF_8);
        Path le = Files.write(
                dir.resolve("le.csv"),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        Path be = Files.write(
                dir.resolve("be.csv"),
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)));

        assertEquals(StandardCharsets.UTF_8, read(plain).resolved().encoding());
        assertEquals(StandardCharsets.UTF_8, read(bom).resolved().encoding());
        assertEquals(StandardCharsets.UTF_16LE, read(le).resolved().encoding());
        assertEquals(StandardCharsets.UTF_16BE, read(be).resolved().encoding());
        for (Path file : List.of(plain, bom, le, be)) {
            Dataset d = read(file).dataset();
            assertEquals(List.of("Title", "Genre"), d.columns(), file.toString());
            assertRow(d, 0, "Amélie", "Comédie");
        }
    }

    @Test
    void latin1BytesAfterTheSampleRestartTheReadAsWindows1252() throws Exception {
        StringBuilder text = new StringBuilder("Title,Genre\n");
        int rows = 0;
        while (text.length() < 100_000) {
            text.append("Film ").append(++rows).append(",Drama\n");
        }
        text.append("Amélie,Comédie\n");
        Path file = write("late.csv", text.toString(), LATIN_1);

        ImportResult result = read(file);

        assertEquals("windows-1252", result.resolved().encoding().name());
        assertEquals(rows + 1, result.dataset().size());
        assertRow(result.dataset(), rows, "Amélie", "Comédie");
        ImportProblem fallback = result.problems().get(0);
        assertEquals(ImportProblem.Kind.ENCODING_FALLBACK, fallback.kind());
        assertEquals(rows + 2, fallback.line());
    }

    @Test
    void latin1BytesWhenUtf8WasChosenNameTheLine() throws Exception {
        Path file = write("chosen.csv", "Title,Genre\nDune,Sci-Fi\nAmélie,Comédie\n", LATIN_1);

        DatasetException e = assertThrows(
                DatasetException.class,
                () -> DatasetImporter.read(
                        file,
                        ImportSettings.detectAll().withEncoding(StandardCharsets.UTF_8),
                        ImportProgress.NONE,
                        () -> false));

        assertEquals(
                file
                        + ", line 3: the bytes here are not valid UTF-8; choose another encoding (for example windows-1252)",
                e.getMessage());
    }

    @Test
    void mixedLineEndingsAndQuotedNewlinesKeepPhysicalLineNumbers() throws Exception {
        Path file = write(
                "mixed.csv",
                "Title,Overview,Genre\r\n\"Two Lines\",\"First line\r\nsecond line\",Romance\r\n"
                        + "Heat,\"one\rtwo\nthree\",Crime\nDune,Sci-Fi\rAlien,Space,Horror",
                StandardCharsets.UTF_8);

        ImportResult result = read(file);

        assertEquals(LineEnding.CRLF, result.resolved().lineEnding());
        Dataset d = result.dataset();
        assertEquals(3, d.size());
        assertRow(d, 0, "Two Lines", "First line\r\nsecond line", "Romance");
        assertRow(d, 1, "Heat", "one\rtwo\nthree", "Crime");
        assertRow(d, 2, "Alien", "Space", "Horror");
        assertEquals(
                List.of(new ImportProblem(7, ImportProblem.Kind.RAGGED_ROW, "2 cells where the header has 3")),
                result.problems());
    }

    // Delimiters, quotes, headers

    @Test
    void tabPipeAndSemicolonAreDetectedDespiteCommasInCells() throws Exception {
        for (char delimiter : new char[] {'\t', '|', ';'}) {
            String d = String.valueOf(delimiter);
            Path file = write(
                    "d" + (int) delimiter + ".txt",
                    String.join(d, "Title", "Overview", "Year") + "\n"
                            + String.join(d, "Heat", "A thief, a cop, a city.", "1995") + "\n"
                            + String.join(d, "Dune", "Sand, spice, worms.", "2021") + "\n",
                    StandardCharsets.UTF_8);

            ImportResult result = read(file);

            assertEquals(delimiter, result.resolved().delimiter());
            assertRow(result.dataset(), 0, "Heat", "A thief, a cop, a city.", "1995");
        }
    }

    @Test
    void quotedCellsKeepDelimitersDoubledQuotesAndEmptyStrings() throws Exception {
        Path file = write("q.csv", "a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"\"\n,\"\",z\n", StandardCharsets.UTF_8);

        Dataset d = read(file).dataset();

        assertRow(d, 0, "x,y", "say \"hi\"", "");
        assertRow(d, 1, "", "", "z");
    }

    @Test
    void anotherQuoteCharacterCanBeChosen() throws Exception {
        Path file = write("single.csv", "Title,Overview\nHeat,'A thief, a cop'\n", StandardCharsets.UTF_8);

        ImportResult result = DatasetImporter.read(
                file, ImportSettings.detectAll().withQuote('\''), ImportProgress.NONE, () -> false);

        assertRow(result.dataset(), 0, "Heat", "A thief, a cop");
    }

    @Test
    void blankFirstHeaderCellIsNamedAndReported() throws Exception {
        Path file = write("index.csv", ",Title,Year\n0,Dune,2021\n1,Heat,1995\n", StandardCharsets.UTF_8);

        ImportResult result = read(file);

        assertTrue(result.resolved().header());
        assertEquals(List.of("column_1", "Title", "Year"), result.dataset().columns());
        assertRow(result.dataset(), 1, "1", "Heat", "1995");
        assertEquals(
                List.of(new ImportProblem(
                        1, ImportProblem.Kind.BLANK_HEADER, "column 1 has no name; it is called column_1")),
                result.problems());
    }

    @Test
    void duplicateHeaderNamesGetSuffixes() throws Exception {
        Path file = write("dup.csv", "Genre,Title,Genre,Genre\nDrama,Heat,Crime,War\n", StandardCharsets.UTF_8);

        ImportResult result = read(file);

        assertEquals(
                List.of("Genre", "Title", "Genre_2", "Genre_3"),
                result.dataset().columns());
        assertEquals("Crime", result.dataset().value(0, "Genre_2"));
        assertEquals(
                2,
                result.problems().stream()
                        .filter(p -> p.kind() == ImportProblem.Kind.DUPLICATE_HEADER)
                        .count());
    }

    @Test
    void headerCanBeTurnedOffAndOn() throws Exception {
        Path file = write("h.csv", "Title,Genre\nDune,Sci-Fi\n", StandardCharsets.UTF_8);

        ImportResult off = DatasetImporter.read(
                file, ImportSettings.detectAll().withHeader(false), ImportProgress.NONE, () -> false);

        assertEquals(List.of("column_1", "column_2"), off.dataset().columns());
        assertRow(off.dataset(), 0, "Title", "Genre");
        assertEquals(2, off.dataset().size());
    }

    @Test
    void aRowOfDataIsNotTakenForAHeader() throws Exception {
        Path file = write(
                "noheader.csv",
                "Drama,Heat,Some overview\nDrama,Dune,Another\nCrime,Alien,Third\n",
                StandardCharsets.UTF_8);

        assertFalse(DatasetImporter.detect(file).header());
    }

    // Ragged rows and fatal problems

    @Test
    void raggedRowsAreLeftOutCountedAndListedUpToTheCap() throws Exception {
        StringBuilder text = new StringBuilder("Title,Genre\n");
        for (int i = 0; i < 1500; i++) {
            text.append("Good ")
                    .append(i)
                    .append(",Drama\n")
                    .append("Bad ")
                    .append(i)
                    .append('\n');
        }
        Path file = write("ragged.csv", text.toString(), StandardCharsets.UTF_8);

        ImportResult result = read(file);

        assertEquals(1500, result.dataset().size());
        assertEquals(1500, result.totalRaggedRows());
        assertEquals(1500, result.skippedRows());
        assertEquals(DatasetImporter.MAX_PROBLEMS, result.problems().size());
        assertEquals(
                new ImportProblem(3, ImportProblem.Kind.RAGGED_ROW, "1 cells where the header has 2"),
                result.problems().get(0));
        assertRow(result.dataset(), 1499, "Good 1499", "Drama");
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpens() throws Exception {
        Path file = write("open.csv", "Title,Overview\nDune,Sand\nHeat,\"A thief\nand a cop\n", StandardCharsets.UTF_8);

        DatasetException e = assertThrows(DatasetException.class, () -> read(file));

        assertTrue(
                e.getMessage().startsWith(file + ", line 3: a quoted cell starts here and is never closed"),
                e.getMessage());
    }

    @Test
    void binaryFileIsRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = Files.write(dir.resolve("picture.csv"), png);

        DatasetException e = assertThrows(DatasetException.class, () -> read(file));

        assertTrue(e.getMessage().startsWith(file + ": looks like a binary file, not text"), e.getMessage());
    }

    @Test
    void utf16WithoutBomIsRefusedWithAHintAndReadWhenChosen() throws Exception {
        Path file = write("u16.csv", "Title,Genre\nAmélie,Comédie\n", StandardCharsets.UTF_16LE);

        DatasetException e = assertThrows(DatasetException.class, () -> read(file));
        ImportResult chosen = DatasetImporter.read(
                file,
                ImportSettings.detectAll().withEncoding(StandardCharsets.UTF_16LE),
                ImportProgress.NONE,
                () -> false);

        assertTrue(e.getMessage().contains("choose UTF-16LE or UTF-16BE"), e.getMessage());
        assertRow(chosen.dataset(), 0, "Amélie", "Comédie");
    }

    @Test
    void sameDelimiterAndQuoteIsRefused() throws Exception {
        Path file = write("same.csv", "a,b\n1,2\n", StandardCharsets.UTF_8);

        DatasetException e = assertThrows(
                DatasetException.class,
                () -> DatasetImporter.read(
                        file, ImportSettings.detectAll().withQuote(','), ImportProgress.NONE, () -> false));

        assertTrue(e.getMessage().contains("must be two different characters"), e.getMessage());
    }

    @Test
    void anInterruptedReadIsACancel() throws Exception {
        Path file = dir.resolve("big.csv");
        ImdbShapedFile.write(file, 5_000);

        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> read(file));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void emptyBlankAndHeaderOnlyFilesSaySo() throws Exception {
        Path empty = write("empty.csv", "", StandardCharsets.UTF_8);
        Path blank = write("blank.csv", "\n\r\n  \n", StandardCharsets.UTF_8);
        Path header = write("header.csv", "Title,Genre\r\n\r\n", StandardCharsets.UTF_8);

        assertEquals(
                empty + ": the file is empty",
                assertThrows(DatasetException.class, () -> read(empty)).getMessage());
        assertEquals(
                blank + ": the file is empty",
                assertThrows(DatasetException.class, () -> read(blank)).getMessage());
        assertEquals(
                header + ": has a header but no rows",
                assertThrows(DatasetException.class, () -> read(header)).getMessage());
    }

    @Test
    void everyRowRaggedIsAnError() throws Exception {
        Path file = write("allbad.csv", "Title,Genre,Year\nDune,Sci-Fi\nHeat,Crime\n", StandardCharsets.UTF_8);

        DatasetException e = assertThrows(DatasetException.class, () -> read(file));

        assertTrue(e.getMessage().startsWith(file + ", line 2: 2 cells where the header has 3"), e.getMessage());
    }

    @Test
    void aFiveMegabyteCellIsReadWhole() throws Exception {
        String huge = "word, ".repeat(5 * 1024 * 1024 / 6);
        Path file = write("huge.csv", "Title,Overview\nHeat,\"" + huge + "\"\nDune,short\n", StandardCharsets.UTF_8);

        Dataset d = read(file).dataset();

        assertEquals(2, d.size());
        assertEquals(huge, d.value(0, "Overview"));
        assertRow(d, 1, "Dune", "short");
    }

    @Test
    void aFileThatVanishesMidReadNamesTheLineReached() {
        byte[] start = ("Title,Genre\n" + "Dune,Sci-Fi\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        InputStream dying = new InputStream() {
            private final ByteArrayInputStream bytes = new ByteArrayInputStream(start);

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = bytes.read(b, off, len);
                if (n < 0) {
                    throw new IOException("Stale file handle");
                }
                return n;
            }
        };

        DatasetException e = assertThrows(
                DatasetException.class,
                () -> DatasetImporter.read(
                        ByteSource.of(dying, "/mnt/share/films.csv"),
                        ImportSettings.detectAll(),
                        ImportProgress.NONE,
                        () -> false,
                        Integer.MAX_VALUE));

        assertEquals(
                "/mnt/share/films.csv, line 10002: reading stopped, the file could not be read any more (Stale file handle)",
                e.getMessage());
    }

    @Test
    void aMissingFileOrAFolderSaysSo() {
        Path missing = dir.resolve("absent.csv");

        assertEquals(
                missing + ": no such file",
                assertThrows(DatasetException.class, () -> read(missing)).getMessage());
        assertTrue(assertThrows(DatasetException.class, () -> read(dir))
                .getMessage()
                .contains("is a folder"));
    }

    // JSON Lines

    @Test
    void jsonLinesFlattensNestedObjectsAndCollectsKeysInOrder() throws Exception {
        Path file = write(
                "films.jsonl",
                """
                {"title": "Heat", "year": 1995, "meta": {"genre": "Crime", "tags": ["heist", "LA"]}}
                [1, 2]

                {"title": "Dune", "extra": null, "meta": {"genre": "Sci-Fi"}, "rating": 8.1}
                not json
                """,
                StandardCharsets.UTF_8);

        ImportResult result = read(file);

        assertEquals(FileFormat.JSON_LINES, result.resolved().format());
        Dataset d = result.dataset();
        assertEquals(List.of("title", "year", "meta.genre", "meta.tags", "extra", "rating"), d.columns());
        assertRow(d, 0, "Heat", "1995", "Crime", "[\"heist\",\"LA\"]", "", "");
        assertRow(d, 1, "Dune", "", "Sci-Fi", "", "", "8.1");
        assertEquals(2, result.totalRaggedRows());
        assertEquals(2, result.problems().get(0).line());
        assertEquals(ImportProblem.Kind.NOT_AN_OBJECT, result.problems().get(0).kind());
        assertEquals(5, result.problems().get(1).line());
    }

    @Test
    void jsonLinesIsDetectedWithoutTheExtension() throws Exception {
        Path file = write("films.txt", "{\"a\": \"x, y\"}\n{\"a\": \"z\"}\n", StandardCharsets.UTF_8);

        assertEquals(FileFormat.JSON_LINES, DatasetImporter.detect(file).format());
    }

    // Scale, progress, cancel, preview

    @Test
    void imdbShapedFileReadsEveryCell() throws Exception {
        Path file = dir.resolve("imdb_top_1000.csv");
        ImdbShapedFile.write(file, 2000);

        ImportResult result = read(file);

        assertEquals(ImdbShapedFile.COLUMNS, result.dataset().columns());
        assertEquals(2000, result.dataset().size());
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        assertEquals(',', result.resolved().delimiter());
        assertTrue(result.resolved().header());
        for (int row = 0; row < 2000; row += 7) {
            assertRow(result.dataset(), row, ImdbShapedFile.row(row));
        }
        assertEquals("Crime, Drama", result.dataset().value(1, "Genre"));
        assertEquals("105,729", result.dataset().value(1, "Gross"));
        assertTrue(result.dataset().value(0, "Poster_Link").contains("CR0,4,67,98"));
        assertSame(
                result.dataset().value(1, "Genre"),
                result.dataset().value(9, "Genre"),
                "repeated short values are shared");
        assertEquals(file, result.dataset().source());
    }

    @Test
    void progressIsReportedAndCancelStopsTheRead() throws Exception {
        Path file = dir.resolve("big.csv");
        ImdbShapedFile.write(file, 20_000);
        AtomicLong lastRows = new AtomicLong();
        AtomicLong lastBytes = new AtomicLong();
        long size = Files.size(file);

        ImportResult result = DatasetImporter.read(
                file,
                ImportSettings.detectAll(),
                (bytes, total, rows) -> {
                    lastBytes.set(bytes);
                    lastRows.set(rows);
                    assertEquals(size, total);
                },
                () -> false);

        assertEquals(20_000, lastRows.get());
        assertEquals(Files.size(file), lastBytes.get());
        assertEquals(20_000, result.dataset().size());

        AtomicInteger polls = new AtomicInteger();
        assertThrows(
                CancellationException.class,
                () -> DatasetImporter.read(
                        file, ImportSettings.detectAll(), ImportProgress.NONE, () -> polls.incrementAndGet() > 2));
    }

    @Test
    void previewReadsTheFirstRowsWithTheSameParsing() throws Exception {
        Path file = dir.resolve("imdb.csv");
        ImdbShapedFile.write(file, 500);

        ImportResult preview = DatasetImporter.preview(file, DatasetImporter.detect(file), 20);

        assertEquals(20, preview.dataset().size());
        assertRow(preview.dataset(), 19, ImdbShapedFile.row(19));
    }

    @Test
    void detectResolvesEverySetting() throws Exception {
        Path file = write("films.tsv", "Title\tGenre\r\nHeat\tCrime\r\n", StandardCharsets.UTF_8);

        ImportSettings s = DatasetImporter.detect(file);

        assertTrue(s.isResolved());
        assertEquals(
                new ImportSettings(FileFormat.DELIMITED, StandardCharsets.UTF_8, '\t', '"', LineEnding.CRLF, true), s);
    }

    @Test
    void aStreamReadsToo() throws Exception {
        InputStream in = new ByteArrayInputStream("Title;Genre\nHeat;Crime\n".getBytes(StandardCharsets.UTF_8));

        Dataset d = DatasetReader.read(in, "x.csv");

        assertEquals("x.csv", d.name());
        assertRow(d, 0, "Heat", "Crime");
    }

    private ImportResult read(Path file) throws DatasetException {
        return DatasetImporter.read(file, ImportSettings.detectAll(), ImportProgress.NONE, () -> false);
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(charset));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static void assertRow(Dataset dataset, int row, String... cells) {
        List<String> actual = new ArrayList<>();
        for (int c = 0; c < dataset.columns().size(); c++) {
            actual.add(dataset.value(row, c));
        }
        assertArrayEquals(cells, actual.toArray(String[]::new), "row " + row + ": " + actual);
    }
}
