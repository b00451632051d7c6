package io.arbiter.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The offline demo model answering a free-text support question (a base prompt with no label list that speaks of
 * customers or support): a greeting, the prompt's own fact that shares the most words with the question, one or two
 * stock sentences from {@code support-phrases.txt} for the question's topic, and a closing, each picked by a hash of
 * the prompt, so the same prompt always gets the same reply. Some replies are curt, as a small model's are. A prompt
 * asking for brief replies ("brief", "one sentence") gets a single sentence, the fact cut at its first step; the
 * judge model, answering as an assistant, is never curt and gives every stock sentence that fits.
 */
final class DemoSupportReply {

    private static final String RESOURCE = "support-phrases.txt";
    private static final Map<String, List<String>> PHRASES = DemoWordLists.read(RESOURCE);
    private static final Set<String> SPECIAL = Set.of("greeting", "closing", "unsure");

    private static final Pattern SPEAKS_OF_SUPPORT = Pattern.compile("(?i)\\b(customers?|support)\\b");
    private static final Pattern CLASSIFIES =
            Pattern.compile("(?i)classif|\\bgenres?\\b|categor|\\blabels?\\b|\\bone of\\b|prediction,\\s*evaluation");
    private static final Pattern QUESTION_HEADING =
            Pattern.compile("(?im)^[^\\n:]{0,40}\\b(?:question|message|query|request)\\b[^\\n:]{0,20}:[ \\t]*");
    private static final Pattern FACT_LINE = Pattern.compile("(?m)^[ \\t]*[-*\u2022][ \\t]+(.+)$");
    /** "Plans: Fibre 150 ...": the topic before the colon is the prompt's heading, not part of the fact. */
    private static final Pattern LEAD_LABEL = Pattern.compile("^[\\p{L} -]{1,30}:\\s+");

    private static final Pattern ASKS_FOR_BRIEF = Pattern.compile(
            "(?i)\\bbrief(?:ly)?\\b|\\b(?:one|a single) sentence\\b|\\bas short as possible\\b|\\bin a few words\\b");
    /** "Return the hub; we post a bag": a brief reply stops at the first step. */
    private static final Pattern NEXT_STEP = Pattern.compile(";\\s.*$");

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\.)\\s+");

    private static final int CURT_PER_HUNDRED = 8;
    private static final int MIN_SHARED_WORDS = 2;
    private static final int KEYWORD_PREFIX = 4;

    private DemoSupportReply() {}

    /** A free-text task: no label list, no classifying words, and a prompt about customers or support. */
    static boolean asksForFreeText(String system, String user) {
        String all = system + "\n" + user;
        return SPEAKS_OF_SUPPORT.matcher(all).find()
                && !CLASSIFIES.matcher(all).find()
                && !ClassificationPrompt.listsLabels(system, user);
    }

    static String reply(String system, String user, long hash) {
        return reply(system, user, hash, false);
    }

    /** As above; {@code full} for the judge model, which is never curt and gives every stock sentence that fits. */
    static String reply(String system, String user, long hash, boolean full) {
        String question = question(system, user);
        List<String> words = DemoText.words(question);
        List<String> topic = topic(words);
        if (!full && hash % 100 < CURT_PER_HUNDRED) {
            return topic.get(0);
        }
        Optional<String> fact = fact(system + "\n" + user, words);
        int first = (int) (hash / 1_000 % topic.size());
        if (ASKS_FOR_BRIEF.matcher(system + "\n" + user).find()) {
            return fact.map(f -> NEXT_STEP.matcher(f).replaceFirst(".")).orElse(topic.get(first));
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(pick(PHRASES.get("greeting"), hash / 100));
        fact.ifPresent(sentences::add);
        boolean unsure = topic == PHRASES.get("unsure");
        if (!(unsure && fact.isPresent())) {
            sentences.add(topic.get(first));
        }
        if (!unsure && topic.size() > 1 && (full || hash / 10_000 % 2 == 0)) {
            sentences.add(topic.get((first + 1) % topic.size()));
        }
        sentences.add(pick(PHRASES.get("closing"), hash / 100_000));
        return String.join(" ", sentences);
    }

    /** The text after a "question:" heading in the user message, else the user message, else everything. */
    private static String question(String system, String user) {
        Matcher heading = QUESTION_HEADING.matcher(user);
        if (heading.find()) {
            return user.substring(heading.end()).strip();
        }
        return user.isBlank() ? system : user;
    }

    /** The sentences of the section whose keywords the question uses most; the unsure ones when none fits. */
    private static List<String> topic(List<String> words) {
        List<String> best = PHRASES.get("unsure");
        int bestHits = 0;
        for (var section : PHRASES.entrySet()) {
            if (SPECIAL.contains(section.getKey())) {
                continue;
            }
            List<String> keywords = List.of(section.getKey().split("\\s+"));
            int hits = (int) words.stream()
                    .filter(word -> keywords.stream().anyMatch(k -> fits(word, k)))
                    .count();
            if (hits > bestHits) {
                best = section.getValue();
                bestHits = hits;
            }
        }
        return best;
    }

    private static boolean fits(String word, String keyword) {
        return keyword.length() >= KEYWORD_PREFIX ? word.startsWith(keyword) : word.equals(keyword);
    }

    /** The sentence of the prompt's bulleted facts sharing the most content words with the question. */
    private static Optional<String> fact(String prompt, List<String> questionWords) {
        Set<String> asked = contentStems(questionWords);
        String best = null;
        int bestShared = MIN_SHARED_WORDS - 1;
        Matcher line = FACT_LINE.matcher(prompt);
        while (line.find()) {
            String bullet = LEAD_LABEL.matcher(line.group(1).strip()).replaceFirst("");
            for (String sentence : SENTENCE_END.split(bullet)) {
                Set<String> stems = contentStems(DemoText.words(sentence));
                stems.retainAll(asked);
                if (stems.size() > bestShared) {
                    best = sentence;
                    bestShared = stems.size();
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String fact = Character.toUpperCase(best.charAt(0)) + best.substring(1);
        return Optional.of(fact.endsWith(".") ? fact : fact + ".");
    }

    private static Set<String> contentStems(List<String> words) {
        return words.stream()
                .filter(w -> w.length() > 2 && !ScoringLexicon.WORDS.stopwords().contains(w))
                .map(AnswerComparison::stem)
                .collect(Collectors.toSet());
    }

    private static String pick(List<String> choices, long hash) {
        return choices.get((int) (hash % choices.size()));
    }
}
