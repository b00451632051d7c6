package io.arbiter.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelSetTest {

    private final LabelSet genres = new LabelSet(List.of("Drama", "Sci-Fi", "crime", " Film-Noir "));

    @Test
    void matchIgnoresCaseAndSurroundingSpaceAndReturnsTheSetsSpelling() {
        assertEquals(Optional.of("Drama"), genres.match("drama"));
        assertEquals(Optional.of("Sci-Fi"), genres.match("  SCI-FI "));
        assertEquals(Optional.of("crime"), genres.match("Crime"));
        assertEquals(Optional.of("Film-Noir"), genres.match("film-noir"));
    }

    @Test
    void matchFindsNothingForOtherText() {
        assertEquals(Optional.empty(), genres.match("Superhero"));
        assertEquals(Optional.empty(), genres.match("Sci Fi"));
        assertEquals(Optional.empty(), genres.match("Drama."));
        assertEquals(Optional.empty(), genres.match(""));
        assertEquals(Optional.empty(), genres.match(null));
    }

    @Test
    void labelsAreDistinctIgnoringCaseAndSorted() {
        LabelSet set = new LabelSet(List.of("drama", "Comedy", "Drama", " ", "action"));

        assertEquals(List.of("action", "Comedy", "drama"), set.labels());
        assertEquals("action, Comedy, drama", set.asPromptText());
    }

    @Test
    void fromTruthCollectsEveryRowsLabels() {
        LabelSet set =
                LabelSet.fromTruth(ColumnMappingTest.movies(), new ColumnMapping(List.of("Overview"), "Genre", ","));

        assertEquals(List.of("Action", "Crime", "Drama", "sci-fi", "Western"), set.labels());
    }

    @Test
    void withoutTruthTheSetIsEmpty() {
        LabelSet set = LabelSet.fromTruth(ColumnMappingTest.movies(), new ColumnMapping(List.of("Overview"), "", ","));

        assertTrue(set.isEmpty());
        assertEquals(Optional.empty(), set.match("Drama"));
    }
}
