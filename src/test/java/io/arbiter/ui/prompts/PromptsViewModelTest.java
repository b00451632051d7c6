package io.arbiter.ui.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prompt editing: problems found while typing, and what a row would send. No FX toolkit. */
class PromptsViewModelTest {

    private static final Dataset MOVIES = new Dataset(
            "movies.csv",
            List.of("Title", "Overview", "Genre"),
            List.of(
                    new String[] {"Quiet Harbor", "A widow reopens her late husband's inn.", "Drama"},
                    new String[] {"Cold Ledger", "An accountant launders money for the mob.", "Crime"}));
    private static final ColumnMapping MAPPING = new ColumnMapping(List.of("Overview"), "Genre", ",");
    private static final String BASE = "Pick one genre from: {{labels}}\n[user]\nMovie: {{Overview}}";
    private static final String JUDGE = "Grade the answer.\n[user]\nMovie: {{Overview}}\nAnswer: {{base_answer}}";

    private final PromptsViewModel model = new PromptsViewModel();

    @BeforeEach
    void useMovies() {
        model.baseTextProperty().set(BASE);
        model.judgeTextProperty().set(JUDGE);
        model.useDataset(MOVIES, MAPPING, LabelSet.fromTruth(MOVIES, MAPPING));
    }

    @Test
    void validPromptsHaveNoProblems() {
        assertEquals(List.of(), model.problems());
        assertTrue(model.validProperty().get());
    }

    @Test
    void unknownPlaceholderIsAProblemUntilFixed() {
        model.baseTextProperty().set(BASE.replace("{{Overview}}", "{{Synopsis}}"));

        assertFalse(model.validProperty().get());
        assertEquals(1, model.problems().size(), model.problems().toString());
        assertTrue(
                model.problems().get(0).startsWith("Base prompt: unknown placeholder {{Synopsis}}"),
                model.problems().get(0));
        assertTrue(
                model.problems().get(0).contains("Title, Overview, Genre"),
                model.problems().get(0));

        model.baseTextProperty().set(BASE);

        assertEquals(List.of(), model.problems());
        assertTrue(model.validProperty().get());
    }

    @Test
    void withoutADatasetPromptsAreNotValid() {
        PromptsViewModel fresh = new PromptsViewModel();
        fresh.baseTextProperty().set("Pick one of {{labels}}.");
        fresh.judgeTextProperty().set("Grade {{base_answer}}.");

        assertEquals(List.of(), fresh.problems());
        assertFalse(fresh.validProperty().get());
        assertEquals("", fresh.basePreviewProperty().get());
        assertEquals("Preview (no dataset)", fresh.previewTitleProperty().get());
    }

    @Test
    void basePreviewShowsTheFirstRowsOverviewAndTheLabels() {
        assertEquals("Preview for row 1", model.previewTitleProperty().get());
        assertEquals(
                "── system ──\nPick one genre from: Crime, Drama\n\n"
                        + "── user ──\nMovie: A widow reopens her late husband's inn.",
                model.basePreviewProperty().get());
    }

    @Test
    void choosingAnotherRowPreviewsThatRow() {
        model.previewRowProperty().set(1);

        assertEquals("Preview for row 2", model.previewTitleProperty().get());
        assertTrue(model.basePreviewProperty().get().contains(MOVIES.value(1, "Overview")));
        assertFalse(model.basePreviewProperty().get().contains(MOVIES.value(0, "Overview")));
    }

    @Test
    void smallerDatasetMovesThePreviewBackToTheFirstRow() {
        model.previewRowProperty().set(1);
        Dataset one = new Dataset("one.csv", MOVIES.columns(), List.<String[]>of(new String[] {
            "Orbit", "A crippled spaceship drifts.", "Sci-Fi"
        }));

        model.useDataset(one, MAPPING, LabelSet.fromTruth(one, MAPPING));

        assertEquals(0, model.previewRowProperty().get());
        assertTrue(model.basePreviewProperty().get().contains("A crippled spaceship drifts."));
        assertTrue(model.basePreviewProperty().get().contains("Pick one genre from: Sci-Fi"));
    }

    @Test
    void judgePreviewShowsThePlaceholderUntilAnAnswerIsGiven() {
        assertTrue(
                model.judgePreviewProperty().get().contains("Answer: {{base_answer}}"),
                model.judgePreviewProperty().get());

        model.previewBaseAnswerProperty().set("Drama");

        assertEquals(
                "── system ──\nGrade the answer.\n\n"
                        + "── user ──\nMovie: A widow reopens her late husband's inn.\nAnswer: Drama",
                model.judgePreviewProperty().get());
    }
}
