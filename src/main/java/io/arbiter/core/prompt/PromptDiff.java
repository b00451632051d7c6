package io.arbiter.core.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two versions of a prompt, word by word: prompt engineers change a word or a sentence at a
 * time, so a line diff would mark a whole paragraph for one word. The diff is a longest common subsequence over
 * words, whitespace and punctuation; prompts too long for that in a blink are compared line by line instead.
 *
 * @param segments the texts in order; {@code SAME} and {@code REMOVED} segments spell the old text, {@code SAME}
 *                 and {@code ADDED} ones the new
 */
public record PromptDiff(List<Segment> segments) {

    /** A word-level diff of two 4,000-word prompts is 16 M cells: about 0.1 s, which is the most we spend. */
    private static final long MAX_CELLS = 16_000_000L;

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|.", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("[^\\n]*\\n|[^\\n]+");

    public enum Kind {
        SAME,
        ADDED,
        REMOVED
    }

    /** A run of text that is in both versions, only in the new one, or only in the old one. */
    public record Segment(Kind kind, String text) {}

    public PromptDiff {
        segments = List.copyOf(segments);
    }

    /** The changes that turn {@code before} into {@code after}; null counts as empty. */
    public static PromptDiff of(String before, String after) {
        List<String> a = tokens(before, TOKEN);
        List<String> b = tokens(after, TOKEN);
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a = tokens(before, LINE);
            b = tokens(after, LINE);
        }
        return new PromptDiff(merge(diff(a, b, MAX_CELLS)));
    }

    /** True when the two versions are the same text. */
    public boolean unchanged() {
        return segments.stream().allMatch(s -> s.kind() == Kind.SAME);
    }

    /** Words added (not counting whitespace and punctuation). */
    public int addedWords() {
        return words(Kind.ADDED);
    }

    public int removedWords() {
        return words(Kind.REMOVED);
    }

    /**
     * A one-line account for a list: "unchanged", or the first change quoted with the word counts, e.g.
     * {@code +3 −1 words: "only" → "strictly"}. At most {@code width} characters.
     */
    public String shortText(int width) {
        if (unchanged()) {
            return "unchanged";
        }
        String counts = String.format(Locale.ROOT, "+%d −%d words", addedWords(), removedWords());
        String removed = null;
        String added = null;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.kind() == Kind.SAME || s.text().isBlank()) {
                continue;
            }
            if (s.kind() == Kind.REMOVED) {
                removed = s.text();
                Segment next = i + 1 < segments.size() ? segments.get(i + 1) : null;
                added = next != null && next.kind() == Kind.ADDED ? next.text() : null;
            } else {
                added = s.text();
            }
            break;
        }
        if (removed == null && added == null) {
            return (counts + ": whitespace only").length() <= width ? counts + ": whitespace only" : "whitespace only";
        }
        String first = removed != null && added != null
                ? quote(removed) + " → " + quote(added)
                : removed != null ? "removed " + quote(removed) : "added " + quote(added);
        String text = counts + ": " + first;
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String quote(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return "\"" + (flat.length() > 40 ? flat.substring(0, 39) + "…" : flat) + "\"";
    }

    private int words(Kind kind) {
        int count = 0;
        for (Segment s : segments) {
            if (s.kind() == kind) {
                Matcher words = Pattern.compile("[\\p{L}\\p{N}_]+").matcher(s.text());
                while (words.find()) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<String> tokens(String text, Pattern pattern) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** The classic LCS table, walked forwards so removals come before the additions that replace them. */
    private static List<Segment> diff(List<String> a, List<String> b, long maxCells) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix
                && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Segment> out = new ArrayList<>();
        a.subList(0, prefix).forEach(t -> out.add(new Segment(Kind.SAME, t)));
        List<String> x = a.subList(prefix, a.size() - suffix);
        List<String> y = b.subList(prefix, b.size() - suffix);
        int n = x.size();
        int m = y.size();
        if ((long) n * m > maxCells) {
            // Even by line the changed middle is too big to align: say it was replaced as a whole.
            x.forEach(t -> out.add(new Segment(Kind.REMOVED, t)));
            y.forEach(t -> out.add(new Segment(Kind.ADDED, t)));
            a.subList(a.size() - suffix, a.size()).forEach(t -> out.add(new Segment(Kind.SAME, t)));
            return out;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) {
                out.add(new Segment(Kind.SAME, x.get(i++)));
                j++;
            } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Segment(Kind.REMOVED, x.get(i++)));
            } else {
                out.add(new Segment(Kind.ADDED, y.get(j++)));
            }
        }
        a.subList(a.size() - suffix, a.size()).forEach(t -> out.add(new Segment(Kind.SAME, t)));
        return out;
    }

    /**
     * Joins neighbours of one kind, and folds a lone space between two changes into them, so "a b c" → "x y z"
     * reads as one replacement rather than three.
     */
    private static List<Segment> merge(List<Segment> tokens) {
        List<Segment> folded = new ArrayList<>(tokens.size());
        for (int k = 0; k < tokens.size(); k++) {
            Segment s = tokens.get(k);
            boolean between = s.kind() == Kind.SAME
                    && s.text().isBlank()
                    && k > 0
                    && k + 1 < tokens.size()
                    && tokens.get(k - 1).kind() != Kind.SAME
                    && tokens.get(k + 1).kind() != Kind.SAME;
            if (between) {
                folded.add(new Segment(Kind.REMOVED, s.text()));
                folded.add(new Segment(Kind.ADDED, s.text()));
            } else {
                folded.add(s);
            }
        }
        // Within a stretch of changes, removals first then additions: the old words read together, then the new.
        List<Segment> ordered = new ArrayList<>(folded.size());
        int k = 0;
        while (k < folded.size()) {
            if (folded.get(k).kind() == Kind.SAME) {
                ordered.add(folded.get(k++));
                continue;
            }
            StringBuilder removed = new StringBuilder();
            StringBuilder added = new StringBuilder();
            while (k < folded.size() && folded.get(k).kind() != Kind.SAME) {
                (folded.get(k).kind() == Kind.REMOVED ? removed : added)
                        .append(folded.get(k).text());
                k++;
            }
            if (!removed.isEmpty()) {
                ordered.add(new Segment(Kind.REMOVED, removed.toString()));
            }
            if (!added.isEmpty()) {
                ordered.add(new Segment(Kind.ADDED, added.toString()));
            }
        }
        List<Segment> merged = new ArrayList<>(ordered.size());
        for (Segment s : ordered) {
            Segment last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.kind() == s.kind()) {
                merged.set(merged.size() - 1, new Segment(s.kind(), last.text() + s.text()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }
}
