package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    @Test
    void multiLabelCellSplitsIntoTrimmedLabels() {
        assertEquals(List.of("Crime", "Drama"), ColumnMapping.splitLabels("Crime, Drama", ","));
        assertEquals(List.of("Crime", "Drama"), ColumnMapping.splitLabels("Crime, Drama", ", "));
        assertEquals(List.of("Sci-Fi", "Adventure"), ColumnMapping.splitLabels(" Sci-Fi ,Adventure ", ","));
    }

    @Test
    void emptyPartsAreDropped() {
        assertEquals(List.of("Crime", "Drama"), ColumnMapping.splitLabels(",Crime,, ,Drama,", ","));
    }

    @Test
    void multiCharacterSeparatorSplitsOnlyOnTheWholeSeparator() {
        assertEquals(
                List.of("Action, Adventure", "Drama"), ColumnMapping.splitLabels("Action, Adventure | Drama", " | "));
    }

    @Test
    void emptySeparatorKeepsTheCellAsOneLabel() {
        assertEquals(List.of("Crime, Drama"), ColumnMapping.splitLabels("  Crime, Drama ", ""));
    }

    @Test
    void blankOrMissingCellHasNoLabels() {
        assertEquals(List.of(), ColumnMapping.splitLabels(null, ","));
        assertEquals(List.of(), ColumnMapping.splitLabels("", ","));
        assertEquals(List.of(), ColumnMapping.splitLabels("   ", ""));
        assertEquals(List.of(), ColumnMapping.splitLabels(" , ,", ","));
    }

    @Test
    void truthLabelsComeFromTheTruthColumnOrAreEmptyWithoutOne() {
        Dataset movies = movies();

        assertEquals(
                List.of("Crime", "Drama"), new ColumnMapping(List.of("Overview"), "Genre", ",").truthLabels(movies, 0));
        assertEquals(List.of(), new ColumnMapping(List.of("Overview"), null, null).truthLabels(movies, 0));
    }

    @Test
    void missingColumnsAreNamedInProblems() {
        List<String> problems = new ColumnMapping(List.of("Synopsis"), "Genres", ",").problemsWith(movies());

        assertEquals(2, problems.size());
        assertEquals("Input column 'Synopsis' is not in movies.csv (columns: Title, Overview, Genre)", problems.get(0));
        assertEquals("Truth column 'Genres' is not in movies.csv (columns: Title, Overview, Genre)", problems.get(1));
    }

    static Dataset movies() {
        return new Dataset(
                "movies.csv",
                List.of("Title", "Overview", "Genre"),
                List.of(
                        new String[] {"Cold Ledger", "An accountant launders money.", "Crime, Drama"},
                        new String[] {"Orbit of Small Things", "A crippled spaceship.", "sci-fi"},
                        new String[] {"Dust on the Harrow Road", "A gunslinger.", "Western,Action"},
                        new String[] {"Untitled", "No genre yet.", ""}));
    }

    @Test
    void renamesMergeSpellingsAndDropTheRepeatThatResults() {
        Dataset data = new Dataset(
                "d.csv", List.of("Text", "Genre"), List.<String[]>of(new String[] {"x", "Sci-fi, Sci-Fi, Drama"}));
        ColumnMapping mapping =
                new ColumnMapping(List.of("Text"), "Genre", ",").withLabelRenames(java.util.Map.of("Sci-fi", "Sci-Fi"));
        assertEquals(List.of("Sci-Fi", "Drama"), mapping.truthLabels(data, 0));
    }

    @Test
    void aMissingAnswerColumnIsNamed() {
        Dataset data = new Dataset("d.csv", List.of("Text", "Genre"), List.<String[]>of(new String[] {"x", "Drama"}));
        ColumnMapping mapping = new ColumnMapping(List.of("Text"), "Genre", ",", "Answer", java.util.Map.of());
        assertEquals(
                List.of("Answer column 'Answer' is not in d.csv (columns: Text, Genre)"), mapping.problemsWith(data));
    }

    @Test
    void aMappingWithoutInputColumnsIsAProblem() {
        Dataset data = new Dataset("d.csv", List.of("Text"), List.<String[]>of(new String[] {"x"}));
        assertEquals(
                List.of("Choose at least one input column: the column the model reads."),
                new ColumnMapping(List.of(), null, ",").problemsWith(data));
    }
}
