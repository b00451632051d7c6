package io.arbiter.core.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How a person's preference between two answers is read from a dataset's cell. */
class PreferenceTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "A|A",
                "a|A",
                " b |B",
                "B|B",
                "tie|TIE",
                "TIE|TIE",
                "C|TIE",
                "c|TIE",
                "draw|TIE",
                "Equal|TIE",
                "=|TIE",
                "model_a|A",
                "MODEL_B|B",
                "tie (bothbad)|TIE",
                "Tie (BothBad)|TIE",
            })
    void readsEverySpellingInAnyCase(String cell, Preference expected) {
        assertEquals(Optional.of(expected), Preference.fromHuman(cell));
    }

    @Test
    void aBlankCellHasNoPreference() {
        assertEquals(Optional.empty(), Preference.fromHuman(""));
        assertEquals(Optional.empty(), Preference.fromHuman("   "));
        assertEquals(Optional.empty(), Preference.fromHuman(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"both", "A is better", "model_c", "1", "AB", "tie bothbad"})
    void anythingElseIsRefusedNamingTheCellAndWhatIsAccepted(String cell) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> Preference.fromHuman(cell));
        assertTrue(refused.getMessage().contains("\"" + cell + "\""), refused.getMessage());
        assertTrue(refused.getMessage().contains("model_a"), refused.getMessage());
        assertTrue(refused.getMessage().contains("tie (bothbad)"), refused.getMessage());
    }

    @Test
    void swappingExchangesTheAnswersAndKeepsATie() {
        assertEquals(Preference.B, Preference.A.swapped());
        assertEquals(Preference.A, Preference.B.swapped());
        assertEquals(Preference.TIE, Preference.TIE.swapped());
    }
}
