package io.arbiter.core.verdict;

import io.arbiter.core.dataset.LabelSet;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches model text to a label the way a reader would: ignoring case, surrounding quotes, punctuation and
 * markdown, and a short "Answer:"-style lead-in. Shared by the base normaliser and the judge parser so both
 * forgive the same things.
 */
final class LooseLabel {

    /** Quotes of every kind and markdown emphasis, which never belong to a label. */
    private static final String QUOTES = "\"'`\u201C\u201D\u2018\u2019\u00AB\u00BB\u201E\u201A\u2039\u203A*_~";

    /** Everything a model wraps around an answer: quotes, markdown (bullets too), sentence punctuation, brackets. */
    private static final String WRAPPING = QUOTES + ".,;:!?#()[]{}<>-\u2013\u2014\u2022";

    /**
     * A lead-in such as "Answer:", "Final answer:", "**Genre**:", "Prediction :" — a few words, then a colon.
     * Kept short so a sentence containing a colon is not mistaken for one.
     */
    private static final Pattern LEAD_IN =
            Pattern.compile("^[*_#\\s]*\\p{L}[\\p{L}\\p{N}' -]{0,30}?[*_]*\\s*:(.*)$", Pattern.DOTALL);

    private LooseLabel() {}

    /** The text without surrounding whitespace, quotes, punctuation or markdown; "" for null. */
    static String clean(String text) {
        return strip(text, WRAPPING);
    }

    private static String strip(String text, String wrapping) {
        if (text == null) {
            return "";
        }
        int from = 0;
        int to = text.length();
        while (from < to && isWrapping(text.charAt(from), wrapping)) {
            from++;
        }
        while (to > from && isWrapping(text.charAt(to - 1), wrapping)) {
            to--;
        }
        return text.substring(from, to);
    }

    /** The cleaned text after an "Answer:"-style lead-in, if the text starts with one. */
    static Optional<String> afterLeadIn(String text) {
        Matcher matcher = LEAD_IN.matcher(clean(text));
        return matcher.matches() ? Optional.of(clean(matcher.group(1))) : Optional.empty();
    }

    /**
     * The label the text names. With labels, the text as is, then unquoted, then cleaned, then without a lead-in must equal one
     * of them (ignoring case); nothing else is guessed. Without labels (no ground truth to take them from), the
     * cleaned text without a lead-in is the label, if any is left.
     */
    static Optional<String> match(LabelSet labels, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String cleaned = clean(text);
        if (labels.isEmpty()) {
            String label = afterLeadIn(cleaned).filter(s -> !s.isEmpty()).orElse(cleaned);
            return label.isEmpty() ? Optional.empty() : Optional.of(label);
        }
        // Punctuation is stripped last, so a label that itself ends in it ("U.S.") still matches.
        return labels.match(text)
                .or(() -> labels.match(strip(text, QUOTES)))
                .or(() -> labels.match(cleaned))
                .or(() -> afterLeadIn(cleaned).flatMap(labels::match));
    }

    private static boolean isWrapping(char c, String wrapping) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || wrapping.indexOf(c) >= 0;
    }
}
