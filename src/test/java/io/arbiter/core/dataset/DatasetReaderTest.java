package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    @TempDir
    Path dir;

    @Test
    void quotedFieldsKeepTheirCommasDoubledQuotesAndNewlines() throws Exception {
        Path file = write(
                "films.csv",
                """
                Title,Overview,Genre
                "Cold Ledger","An accountant, a syndicate, a body.","Crime, Thriller"
                Quiet Harbor,"He said ""never again"" and meant it.",Drama
                "Two Lines","First line
                second line",Romance
                """);

        Dataset dataset = DatasetReader.read(file);

        assertEquals("films.csv", dataset.name());
        assertEquals(List.of("Title", "Overview", "Genre"), dataset.columns());
        assertEquals(3, dataset.size());
        assertRow(dataset, 0, "Cold Ledger", "An accountant, a syndicate, a body.", "Crime, Thriller");
        assertRow(dataset, 1, "Quiet Harbor", "He said \"never again\" and meant it.", "Drama");
        assertRow(dataset, 2, "Two Lines", "First line\nsecond line", "Romance");
    }

    @Test
    void byteOrderMarkIsStrippedFromTheFirstHeader() throws Exception {
        Path file = write("bom.csv", "\uFEFFTitle,Genre\nDune,Sci-Fi\n");

        Dataset dataset = DatasetReader.read(file);

        assertEquals(List.of("Title", "Genre"), dataset.columns());
        assertTrue(dataset.hasColumn("Title"));
        assertEquals("Dune", dataset.value(0, "Title"));
    }

    @Test
    void windowsLineEndingsLeaveNoCarriageReturnsInCells() throws Exception {
        Path file = write("crlf.csv", "Title,Genre\r\nDune,Sci-Fi\r\nHeat,Crime\r\n");

        Dataset dataset = DatasetReader.read(file);

        assertEquals(List.of("Title", "Genre"), dataset.columns());
        assertEquals(2, dataset.size());
        assertRow(dataset, 0, "Dune", "Sci-Fi");
        assertRow(dataset, 1, "Heat", "Crime");
    }

    @Test
    void trailingBlankLineIsNotARow() throws Exception {
        Path file = write("blank.csv", "Title,Genre\nDune,Sci-Fi\n\n");

        Dataset dataset = DatasetReader.read(file);

        assertEquals(1, dataset.size());
        assertRow(dataset, 0, "Dune", "Sci-Fi");
    }

    @Test
    void raggedRowNamesTheFileAndItsLine() throws Exception {
        Path file = write("ragged.csv", "Title,Overview,Genre\nDune,Sand,Sci-Fi\nHeat,Crime\n");

        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("2 cells where the header has 3"), e.getMessage());
    }

    @Test
    void raggedRowAfterAMultiLineCellNamesThePhysicalLine() throws Exception {
        Path file = write("ragged-late.csv", "Title,Overview,Genre\nDune,\"Sand\nand spice\",Sci-Fi\nHeat,Crime\n");

        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(file));

        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void emptyFileSaysSo() throws Exception {
        Path file = write("empty.csv", "");

        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(file));

        assertEquals(file + ": the file is empty", e.getMessage());
    }

    @Test
    void headerWithoutRowsSaysSo() throws Exception {
        Path file = write("header.csv", "Title,Genre\n");

        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(file));

        assertEquals(file + ": has a header but no rows", e.getMessage());
    }

    @Test
    void blankHeaderCellGetsANumberedName() throws Exception {
        Path file = write("nameless.csv", "Title, ,Genre\nDune,Sand,Sci-Fi\n");

        Dataset dataset = DatasetReader.read(file);

        assertEquals(List.of("Title", "column_2", "Genre"), dataset.columns());
        assertRow(dataset, 0, "Dune", "Sand", "Sci-Fi");
    }

    @Test
    void duplicateHeaderGetsASuffix() throws Exception {
        Path file = write("twice.csv", "Title,Genre, Title\nDune,Sci-Fi,Dune\n");

        Dataset dataset = DatasetReader.read(file);

        assertEquals(List.of("Title", "Genre", "Title_2"), dataset.columns());
        assertRow(dataset, 0, "Dune", "Sci-Fi", "Dune");
    }

    @Test
    void missingFileSaysNoSuchFile() {
        Path file = dir.resolve("absent.csv");

        DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(file));

        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void bundledMovieSampleHasTitleOverviewAndGenreForEveryRow() throws Exception {
        Dataset movies = Samples.movies();

        assertEquals(List.of("Title", "Overview", "Genre"), movies.columns());
        assertTrue(movies.size() >= 60, "rows: " + movies.size());
        for (int row = 0; row < movies.size(); row++) {
            assertTrue(!movies.value(row, "Overview").isBlank(), "row " + (row + 1) + " has no overview");
            assertTrue(!movies.value(row, "Genre").isBlank(), "row " + (row + 1) + " has no genre");
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void assertRow(Dataset dataset, int row, String... cells) {
        String[] actual = new String[dataset.columns().size()];
        for (int c = 0; c < actual.length; c++) {
            actual[c] = dataset.value(row, c);
        }
        assertArrayEquals(cells, actual, "row " + row);
    }
}
