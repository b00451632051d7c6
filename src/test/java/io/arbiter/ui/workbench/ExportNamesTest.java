package io.arbiter.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.dataset.Dataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportNamesTest {

    @Test
    void anExportIsNamedForItsProjectElseItsDataset() {
        Dataset movies = new Dataset("Movies 2024.csv", List.of("Title"), List.<String[]>of());

        assertEquals("movies-results.csv", ExportNames.results(Path.of("/work/movies.arbiter"), movies));
        assertEquals("movies-2024-results.csv", ExportNames.results(null, movies));
        assertEquals("arbiter-results.csv", ExportNames.results(null, null));
    }
}
