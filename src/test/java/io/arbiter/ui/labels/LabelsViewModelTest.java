package io.arbiter.ui.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsViewModelTest {

    private static final Dataset DATA = new Dataset(
            "d.csv",
            List.of("Text", "Genre"),
            List.of(
                    new String[] {"a", "Sci-fi, Drama"},
                    new String[] {"b", "Sci-Fi"},
                    new String[] {"c", "Drama"},
                    new String[] {"d", "Drama, Comedy"}));

    private final List<Map<String, String>> published = new ArrayList<>();
    private final LabelsViewModel model = new LabelsViewModel(published::add);

    @Test
    void labelsAreListedMostFrequentFirstWithTheirCounts() {
        model.show(LabelCounts.of(DATA, new ColumnMapping(List.of("Text"), "Genre", ",")));
        // Drama 3; Comedy, Sci-fi, Sci-Fi 1 each, ties alphabetical (case-insensitive, stable)
        assertEquals(
                List.of("Drama 3", "Comedy 1", "Sci-fi 1", "Sci-Fi 1"),
                model.labels().stream().map(l -> l.label() + " " + l.count()).toList());
        assertEquals("Labels · 4", model.titleProperty().get());
    }

    @Test
    void renamingOntoAnExistingLabelMergesTheCounts() {
        model.rename("Sci-fi", "Sci-Fi");
        assertEquals(List.of(Map.of("Sci-fi", "Sci-Fi")), published);
        ColumnMapping renamed = new ColumnMapping(List.of("Text"), "Genre", ",").withLabelRenames(published.get(0));
        model.show(LabelCounts.of(DATA, renamed));
        assertEquals(
                List.of("Drama 3", "Sci-Fi 2", "Comedy 1"),
                model.labels().stream().map(l -> l.label() + " " + l.count()).toList());
        assertEquals("Sci-fi → Sci-Fi", model.renamesTextProperty().get());
    }

    @Test
    void aChainOfRenamesEndsAtTheLastName() {
        model.rename("Sci-fi", "SciFi");
        model.rename("SciFi", "Science fiction");
        assertEquals(Map.of("Sci-fi", "Science fiction", "SciFi", "Science fiction"), model.renames());
    }

    @Test
    void blankOrUnchangedNamesDoNothing() {
        model.rename("Drama", "  ");
        model.rename("Drama", "Drama");
        assertTrue(published.isEmpty());
    }

    @Test
    void undoForgetsEveryRename() {
        model.rename("Sci-fi", "Sci-Fi");
        model.resetRenames();
        assertEquals(Map.of(), model.renames());
        assertEquals(Map.of(), published.get(1));
        assertEquals("", model.renamesTextProperty().get());
    }
}
