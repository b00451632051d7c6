package io.arbiter.offline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words the demo scorer weighs an answer with, kept as data in {@code scoring-lexicon.txt} beside this class:
 * words that carry no content, phrases of a refusal or a dismissive tone, and common words of other languages.
 */
record ScoringLexicon(Set<String> stopwords, List<String> refusals, List<String> dismissive, Set<String> foreign) {

    private static final String RESOURCE = "scoring-lexicon.txt";

    /** Read once: every scoring request uses the same lists. */
    static final ScoringLexicon WORDS = read();

    private static ScoringLexicon read() {
        Map<String, List<String>> sections = DemoWordLists.read(RESOURCE);
        return new ScoringLexicon(
                Set.copyOf(DemoWordLists.words(sections, "stopwords")),
                sections.getOrDefault("refusal", List.of()),
                sections.getOrDefault("dismissive", List.of()),
                Set.copyOf(DemoWordLists.words(sections, "foreign")));
    }

    boolean refuses(String answer) {
        return containsAny(answer, refusals);
    }

    boolean dismisses(String answer) {
        return containsAny(answer, dismissive);
    }

    private static boolean containsAny(String text, List<String> phrases) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return phrases.stream().anyMatch(lower::contains);
    }
}
