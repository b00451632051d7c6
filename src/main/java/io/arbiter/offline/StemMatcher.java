package io.arbiter.offline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a word hits any of a label's stems, by the rule of {@link GenreLexicon#matches}, in time that
 * depends on the word's length rather than on the number of stems: the demo model answers thousands of requests a
 * second in benchmarks, and trying every stem on every word was most of its cost.
 */
final class StemMatcher {

    private static final List<String> ENDINGS = List.of("", "s", "es", "ed", "er", "ers", "ing", "ies");
    private static final int PREFIX_LENGTH = 5;

    private final Set<String> prefixes = new HashSet<>();
    private final Set<String> wholeWords = new HashSet<>();
    private final int longestPrefix;

    StemMatcher(List<String> stems) {
        int longest = 0;
        for (String stem : stems) {
            if (stem.endsWith("=")) {
                wholeWords.add(stem.substring(0, stem.length() - 1));
            } else if (stem.length() >= PREFIX_LENGTH) {
                prefixes.add(stem);
                longest = Math.max(longest, stem.length());
            } else {
                wholeWords.add(stem);
            }
        }
        longestPrefix = longest;
    }

    boolean matches(String word) {
        for (int end = PREFIX_LENGTH; end <= Math.min(word.length(), longestPrefix); end++) {
            if (prefixes.contains(word.substring(0, end))) {
                return true;
            }
        }
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && wholeWords.contains(word.substring(0, word.length() - ending.length()))) {
                return true;
            }
        }
        return false;
    }
}
