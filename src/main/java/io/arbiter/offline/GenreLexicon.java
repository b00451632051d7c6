package io.arbiter.offline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written keyword stems per movie genre, most telling first, kept as data in {@code genre-lexicon.txt} beside
 * this class. The base model reads only the first half of each list, which is what makes it the weaker of the two
 * demo models.
 */
final class GenreLexicon {

    private static final String RESOURCE = "genre-lexicon.txt";

    /** The 21 IMDb genres, used when a prompt names no label list of its own. */
    static final List<String> IMDB_GENRES = List.of(
            "Action",
            "Adventure",
            "Animation",
            "Biography",
            "Comedy",
            "Crime",
            "Drama",
            "Family",
            "Fantasy",
            "Film-Noir",
            "History",
            "Horror",
            "Music",
            "Musical",
            "Mystery",
            "Romance",
            "Sci-Fi",
            "Sport",
            "Thriller",
            "War",
            "Western");

    /** The stems of every genre, read once from {@value #RESOURCE} beside this class. */
    private static final Map<String, List<String>> FULL = read(RESOURCE);

    private final Map<String, List<String>> byLabel;
    private final Map<String, StemMatcher> matchers = new java.util.concurrent.ConcurrentHashMap<>();

    private GenreLexicon(Map<String, List<String>> byLabel) {
        this.byLabel = byLabel;
    }

    /** Whether the word hits one of the label's stems; the same rule as {@link #matches}, precompiled per label. */
    boolean hits(String label, String word) {
        return matchers.computeIfAbsent(label, l -> new StemMatcher(stemsFor(l)))
                .matches(word);
    }

    static GenreLexicon full() {
        return new GenreLexicon(FULL);
    }

    static GenreLexicon weak() {
        Map<String, List<String>> half = new LinkedHashMap<>();
        FULL.forEach((label, stems) -> half.put(label, stems.subList(0, (stems.size() + 1) / 2)));
        return new GenreLexicon(half);
    }

    /** Stems for a label; a label outside the lexicon (say "Positive") is recognised by the words of its name. */
    List<String> stemsFor(String label) {
        for (var entry : byLabel.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(label)) {
                return entry.getValue();
            }
        }
        return DemoText.words(label).stream().filter(word -> word.length() >= 3).toList();
    }

    /**
     * Stems of five letters or more match as prefixes; shorter ones, and any stem ending in "=", must match the
     * whole word or take a common ending, so "war" does not fire on "warm" nor "roman" on "romance".
     */
    static boolean matches(String word, String stem) {
        boolean exact = stem.endsWith("=");
        if (exact) {
            stem = stem.substring(0, stem.length() - 1);
        } else if (stem.length() >= 5) {
            return word.startsWith(stem);
        }
        if (!word.startsWith(stem)) {
            return false;
        }
        String ending = word.substring(stem.length());
        return List.of("", "s", "es", "ed", "er", "ers", "ing", "ies").contains(ending);
    }

    /** "[Genre]" starts a genre; the words on the lines after it are its stems, in order. */
    private static Map<String, List<String>> read(String resource) {
        Map<String, List<String>> sections = DemoWordLists.read(resource);
        Map<String, List<String>> stems = new LinkedHashMap<>();
        sections.keySet().forEach(genre -> stems.put(genre, DemoWordLists.words(sections, genre)));
        return Collections.unmodifiableMap(stems);
    }
}
