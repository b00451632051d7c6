package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The precompiled matcher must decide exactly as the stem-by-stem rule it replaces. */
class StemMatcherTest {

    private static final List<String> WORDS = List.of(
            "war",
            "wars",
            "warm",
            "warrior",
            "roman",
            "romance",
            "romantic",
            "murdered",
            "murder",
            "detectives",
            "cop",
            "cops",
            "copper",
            "western",
            "westerns",
            "westerner",
            "space",
            "spaceship",
            "laughing",
            "son",
            "sons",
            "sonnet",
            "a",
            "",
            "kill",
            "killer",
            "killers",
            "gang",
            "gangs",
            "gangster",
            "heists",
            "drama",
            "dramatic",
            "family",
            "families");

    @Test
    void decidesLikeTheStemRuleForEveryLabelAndWord() {
        GenreLexicon lexicon = GenreLexicon.full();
        for (String label : List.of(
                "Action", "Comedy", "Crime", "Drama", "Family", "Romance", "Sci-Fi", "War", "Western", "Positive")) {
            List<String> stems = lexicon.stemsFor(label);
            StemMatcher matcher = new StemMatcher(stems);
            for (String word : WORDS) {
                boolean expected = stems.stream().anyMatch(stem -> GenreLexicon.matches(word, stem));
                assertEquals(expected, matcher.matches(word), label + " / " + word);
            }
        }
    }
}
