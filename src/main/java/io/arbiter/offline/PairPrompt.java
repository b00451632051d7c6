package io.arbiter.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the demo model reads from a rendered pairwise-judge prompt, the way an LLM would: that it is asked to choose
 * between two answers (the instructions name MT-Bench's {@code [[A]]} and {@code [[B]]}), and the question, the
 * reference answer when there is one, and the two answers in the order shown, found under headings such as
 * "Answer A:" or between MT-Bench's "[The Start of Assistant A's Answer]" and "[The End of …]".
 *
 * @param first  the answer shown first (place A)
 * @param second the answer shown second (place B)
 * @param names  how the prompt calls the answers' authors, "Assistant" or "Answer", so the reasoning uses its words
 */
record PairPrompt(String question, String reference, String first, String second, String names) {

    private static final Pattern BRACKETED =
            Pattern.compile("(?m)^[ \\t]*\\[(?:The (Start|End) of )?([^\\]\\n]{1,60})][ \\t]*$");
    /** A heading line as {@link ScoringPrompt} reads it: a few words, a colon, maybe the part's text after it. */
    private static final Pattern HEADING =
            Pattern.compile("(?m)^[ \\t]*(?:#+[ \\t]*)?\\[?([\\p{L}'\u2019 ]{1,40}?)]?[ \\t]*:[ \\t]*(.*)$");

    private static final Set<String> REFERENCE_WORDS = Set.of("reference", "expected", "gold");
    private static final Set<String> ANSWER_WORDS = Set.of("answer", "response", "reply", "assistant");
    private static final Set<String> QUESTION_WORDS = Set.of("question", "query", "prompt");
    private static final int MOST_HEADING_WORDS = 5;

    private enum Part {
        QUESTION,
        REFERENCE,
        FIRST,
        SECOND
    }

    /** Where a part's text starts (or, for an "[The End of …]" line, where the open part stops). */
    private record Marker(int start, int textStart, Part part, boolean closes) {}

    /** The prompt as a request to choose between two answers, or empty when it asks for something else. */
    static Optional<PairPrompt> read(String system, String user) {
        String all = system + "\n" + user;
        if (!all.contains("[[A]]") || !all.contains("[[B]]")) {
            return Optional.empty();
        }
        Map<Part, String> parts = parts(user);
        if (!parts.containsKey(Part.FIRST) || !parts.containsKey(Part.SECOND)) {
            parts = parts(all);
        }
        if (!parts.containsKey(Part.FIRST) || !parts.containsKey(Part.SECOND)) {
            return Optional.empty();
        }
        return Optional.of(new PairPrompt(
                parts.getOrDefault(Part.QUESTION, ""),
                parts.getOrDefault(Part.REFERENCE, ""),
                parts.get(Part.FIRST),
                parts.get(Part.SECOND),
                all.contains("Assistant A") ? "Assistant" : "Answer"));
    }

    /** The text of each named part, from its heading to the next heading or its "[The End of …]" line. */
    private static Map<Part, String> parts(String text) {
        List<Marker> markers = new ArrayList<>();
        Matcher bracketed = BRACKETED.matcher(text);
        while (bracketed.find()) {
            Part part = partNamed(bracketed.group(2));
            if (part != null) {
                boolean closes = "End".equals(bracketed.group(1));
                markers.add(new Marker(bracketed.start(), bracketed.end(), part, closes));
            }
        }
        Matcher heading = HEADING.matcher(text);
        while (heading.find()) {
            Part part = partNamed(heading.group(1));
            if (part != null) {
                markers.add(new Marker(heading.start(), heading.start(2), part, false));
            }
        }
        markers.sort(Comparator.comparingInt(Marker::start));
        Map<Part, String> parts = new EnumMap<>(Part.class);
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            int end = i + 1 < markers.size() ? markers.get(i + 1).start() : text.length();
            if (!marker.closes()) {
                parts.putIfAbsent(
                        marker.part(), text.substring(marker.textStart(), end).strip());
            }
        }
        return parts;
    }

    /** "Assistant A's Answer", "Answer B", "Reference answer", "User Question"; null for any other heading. */
    private static Part partNamed(String heading) {
        String lower = heading.toLowerCase(Locale.ROOT).replace("'s", " ").replace("\u2019s", " ");
        List<String> words = List.of(lower.strip().split("[^\\p{L}]+"));
        if (words.size() > MOST_HEADING_WORDS) {
            return null; // a sentence that happens to end in a colon, not a heading
        }
        if (words.stream().anyMatch(REFERENCE_WORDS::contains)) {
            return Part.REFERENCE;
        }
        if (words.stream().anyMatch(ANSWER_WORDS::contains)) {
            return words.contains("a") ? Part.FIRST : words.contains("b") ? Part.SECOND : null;
        }
        return words.stream().anyMatch(QUESTION_WORDS::contains) ? Part.QUESTION : null;
    }
}
