package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column names from the command line: whole when they name a column, else split on commas outside quotes. */
class ColumnNamesTest {

    private final Dataset dataset = dataset("\"Title, original\",Overview,\"Say \"\"hi\"\"\",Genre\nHeat,x,y,Crime\n");

    @Test
    void aValueThatIsAColumnIsTakenWholeAndOthersAreSplit() {
        assertEquals(List.of("Title, original"), names("Title, original"));
        assertEquals(List.of("Overview", "Genre"), names("Overview,Genre"));
        assertEquals(List.of("Overview", "Genre"), names(" Overview , Genre ,"));
        assertEquals(List.of("Overview", "Title, original"), names("Overview, \"Title, original\" "));
        assertEquals(List.of("Say \"hi\"", "Genre"), names("\"Say \"\"hi\"\"\",Genre"));
        assertEquals(List.of("Overview", "Title, original"), names("Overview", "\"Title, original\"", "Overview"));
    }

    @Test
    void oneColumnMayBeQuotedOrLeftOut() {
        assertEquals(
                "Title, original", ColumnNames.one("Truth column", "--truth-column", "\"Title, original\"", dataset));
        assertEquals("Genre", ColumnNames.one("Truth column", "--truth-column", " Genre", dataset));
        assertEquals(null, ColumnNames.one("Truth column", "--truth-column", null, dataset));
        assertEquals("", ColumnNames.one("Truth column", "--truth-column", "", dataset));
    }

    @Test
    void anUnknownNameListsTheColumnsQuotedWhereNeeded() {
        CliFailure e = assertThrows(CliFailure.class, () -> names("Plot"));

        assertEquals(
                "Input column 'Plot' is not in x.csv (columns: \"Title, original\", Overview, \"Say \"\"hi\"\"\", Genre)",
                e.getMessage());
    }

    private List<String> names(String... values) {
        return ColumnNames.list("Input column", "--input-column", List.of(values), dataset);
    }

    private static Dataset dataset(String csv) {
        try {
            return DatasetReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "x.csv");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
