package io.arbiter.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an answer compares with a reference answer, in the few things a keyword model can see: which of the
 * reference's content words and figures it repeats, which figures it adds, how long it is, and whether it refuses,
 * dismisses the customer or is written in another language.
 *
 * @param coverage   the share of the reference's content words found in the answer, 0 to 1
 * @param figures    the share of the reference's figures (prices, days, times) found in the answer; 1 when it has none
 * @param hasFigures whether the reference has any figure
 * @param matched    reference words the answer repeats, most telling first
 * @param missing    reference words the answer leaves out, most telling first
 * @param addedFigures figures the answer states that neither the reference nor the question has
 * @param lengthRatio the answer's length in words over the reference's
 * @param answerWords the answer's length in words
 */
record AnswerComparison(
        double coverage,
        double figures,
        boolean hasFigures,
        List<String> matched,
        List<String> missing,
        List<String> addedFigures,
        double lengthRatio,
        int answerWords,
        boolean refuses,
        boolean dismisses,
        boolean otherLanguage) {

    /** Stems this long tell "return" from "returns" apart from nothing, and "install" from "installation". */
    private static final int STEM_LENGTH = 6;
    /** An answer whose words are this much another language's is read as written in it. */
    private static final double FOREIGN_SHARE = 0.2;
    /** "1. Open the app": a step's number is not a figure the answer states. */
    private static final Pattern LIST_NUMBER = Pattern.compile("(?m)^[ \\t]*\\d{1,2}[.)][ \\t]+");

    static AnswerComparison of(String question, String reference, String answer, ScoringLexicon lexicon) {
        List<String> answerWords = DemoText.words(LIST_NUMBER.matcher(answer).replaceAll(""));
        Set<String> answerStems = new LinkedHashSet<>();
        answerWords.forEach(w -> answerStems.add(stem(w)));
        Map<String, String> referenceTerms = contentTerms(reference, lexicon);
        Set<String> questionStems = new LinkedHashSet<>();
        DemoText.words(question).forEach(w -> questionStems.add(stem(w)));

        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int words = 0;
        int wordsFound = 0;
        int figures = 0;
        int figuresFound = 0;
        for (var term : referenceTerms.entrySet()) {
            boolean found = answerStems.contains(term.getKey());
            (found ? matched : missing).add(term.getValue());
            if (isFigure(term.getKey())) {
                figures++;
                figuresFound += found ? 1 : 0;
            } else {
                words++;
                wordsFound += found ? 1 : 0;
            }
        }
        List<String> added = answerWords.stream()
                .filter(AnswerComparison::isFigure)
                .filter(w -> !referenceTerms.containsKey(w) && !questionStems.contains(w))
                .distinct()
                .toList();
        long foreign = answerWords.stream().filter(lexicon.foreign()::contains).count();
        int referenceLength = Math.max(1, DemoText.words(reference).size());
        return new AnswerComparison(
                words == 0 ? 0 : (double) wordsFound / words,
                figures == 0 ? 1 : (double) figuresFound / figures,
                figures > 0,
                mostTellingFirst(matched),
                mostTellingFirst(missing),
                added,
                (double) answerWords.size() / referenceLength,
                answerWords.size(),
                lexicon.refuses(answer),
                lexicon.dismisses(answer),
                answerWords.size() >= 5 && foreign >= FOREIGN_SHARE * answerWords.size());
    }

    /** The reference's content words by stem, each with the first form it was written in. */
    private static Map<String, String> contentTerms(String text, ScoringLexicon lexicon) {
        Map<String, String> terms = new LinkedHashMap<>();
        for (String word : DemoText.words(text)) {
            if (isFigure(word) || (word.length() > 2 && !lexicon.stopwords().contains(word))) {
                terms.putIfAbsent(stem(word), word);
            }
        }
        return terms;
    }

    static boolean isFigure(String word) {
        return word.chars().anyMatch(Character::isDigit);
    }

    /** A word cut to its first letters, so that "returns" and "returned" count as one word; figures stay whole. */
    static String stem(String word) {
        return isFigure(word) || word.length() <= STEM_LENGTH ? word : word.substring(0, STEM_LENGTH);
    }

    /** Figures first, then longer words: what a reader would name when saying what matched or is missing. */
    private static List<String> mostTellingFirst(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort((a, b) -> Boolean.compare(isFigure(b), isFigure(a)) != 0
                ? Boolean.compare(isFigure(b), isFigure(a))
                : Integer.compare(b.length(), a.length()));
        return List.copyOf(sorted);
    }
}
