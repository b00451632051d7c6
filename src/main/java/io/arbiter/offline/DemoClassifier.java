package io.arbiter.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The offline demo model: a small deterministic keyword classifier, not an LLM. It reads a rendered prompt,
 * picks the allowed label whose keyword stems occur most often in the text, and answers either as a base model
 * (one label) or as a judge ("Prediction,Evaluation"), with the occasional format slip small models make.
 * As a judge it accepts its own best label or, unless the instructions ask it to be strict, its runner-up: the one
 * prompt wording it follows, so that editing a judge prompt visibly changes verdicts in the demo.
 *
 * <p>Three other tasks it recognises the same way, from the prompt's wording: a pairwise judge asked to choose
 * between two answers with {@code [[A]]} or {@code [[B]]} is answered by {@link DemoPairJudge}, a rubric judge asked
 * for "Score: N" on a range such as "1 to 5" by {@link DemoScorer}, and a free-text support question (no label list)
 * by {@link DemoSupportReply}, which the judge model answers more fully than the base model.
 */
public final class DemoClassifier {

    private static final String FALLBACK_LABEL = "Drama";
    private static final DemoClassifier BASE = new DemoClassifier(GenreLexicon.weak(), DemoModels.BASE, 2);
    private static final DemoClassifier JUDGE = new DemoClassifier(GenreLexicon.full(), DemoModels.JUDGE, 2);
    private static final DemoClassifier JUDGE_2 = new DemoClassifier(GenreLexicon.full(), DemoModels.JUDGE_2, 1);
    private static final DemoClassifier JUDGE_3 = new DemoClassifier(GenreLexicon.weak(), DemoModels.JUDGE_3, 3);

    private final GenreLexicon lexicon;
    private final DemoScorer scorer;
    private final DemoPairJudge pairJudge;
    /** Whether its support replies are never curt and give every stock sentence that fits (the judge model's). */
    private final boolean fullReplies;
    /** How many of its best labels it accepts as a judge when the prompt does not ask for strictness. */
    private final int lenience;

    private DemoClassifier(GenreLexicon lexicon, String modelId, int lenience) {
        this.lexicon = lexicon;
        this.lenience = lenience;
        this.scorer = DemoScorer.forModel(modelId);
        this.pairJudge = DemoPairJudge.forModel(modelId);
        this.fullReplies = !DemoModels.BASE.equals(modelId);
    }

    /** The base model reads a weaker lexicon than the judge; the other jurors weigh differently; any other id judges. */
    public static DemoClassifier forModel(String modelId) {
        if (DemoModels.BASE.equals(modelId)) {
            return BASE;
        }
        if (DemoModels.JUDGE_2.equals(modelId)) {
            return JUDGE_2;
        }
        return DemoModels.JUDGE_3.equals(modelId) ? JUDGE_3 : JUDGE;
    }

    /** The reply text for a rendered prompt; the same prompt always gets the same reply. */
    public String reply(String system, String user) {
        return reply(system, user, false);
    }

    /**
     * As above; {@code constrained} when the request asks for a JSON schema. A constrained grader cannot slip out of
     * format, so it gives its grade plainly (reasoning, then the score) for the schema to carry: the same score the
     * text reply names, or would have named had it not slipped.
     */
    public String reply(String system, String user, boolean constrained) {
        long hash = DemoText.stableHash(system + "\n[user]\n" + user);
        // Before the scorer: a pairwise prompt may well ask for a "Score:" or name a scale too.
        Optional<PairPrompt> pair = PairPrompt.read(system, user);
        if (pair.isPresent()) {
            if (constrained) {
                DemoPairJudge.Verdict verdict = pairJudge.judge(pair.get());
                return verdict.reasoning() + "\n[[" + verdict.place() + "]]";
            }
            return pairJudge.reply(pair.get(), hash);
        }
        Optional<ScoringPrompt> scoring = ScoringPrompt.read(system, user);
        if (scoring.isPresent()) {
            if (constrained) {
                DemoScorer.Grade grade = scorer.grade(scoring.get(), hash);
                return grade.reasoning() + "\nScore: " + grade.score();
            }
            return scorer.reply(scoring.get(), hash);
        }
        ClassificationPrompt prompt = ClassificationPrompt.read(system, user);
        if (!prompt.judgeFormat() && DemoSupportReply.asksForFreeText(system, user)) {
            return DemoSupportReply.reply(system, user, hash, fullReplies);
        }
        List<ScoredLabel> ranking = rank(prompt.labels(), prompt.description());
        String best = best(prompt.labels(), ranking);
        if (!prompt.judgeFormat()) {
            return SmallModelQuirks.baseReply(best, hash);
        }
        int accepted = prompt.strict() ? Math.max(1, lenience - 1) : lenience;
        boolean correct = prompt.baseAnswer()
                .map(String::strip)
                .filter(answer -> answer.equals(best)
                        || ranking.stream().limit(accepted).anyMatch(s -> s.label()
                                .equals(answer)))
                .isPresent();
        return SmallModelQuirks.judgeReply(best, correct, hash);
    }

    /** The single label this model would answer for the text, before any format slip. */
    public String classify(List<String> labels, String text) {
        return best(labels, rank(labels, text));
    }

    /** Labels with a positive score, best first; ties go to the label whose first keyword appears earlier. */
    List<ScoredLabel> rank(List<String> labels, String text) {
        List<String> words = DemoText.words(text);
        List<ScoredLabel> scored = new ArrayList<>();
        for (int order = 0; order < labels.size(); order++) {
            String label = labels.get(order);
            int score = 0;
            int firstHit = Integer.MAX_VALUE;
            for (int position = 0; position < words.size(); position++) {
                String word = words.get(position);
                if (lexicon.hits(label, word)) {
                    score++;
                    firstHit = Math.min(firstHit, position);
                }
            }
            if (score > 0) {
                scored.add(new ScoredLabel(label, score, firstHit, order));
            }
        }
        scored.sort(Comparator.comparingInt(ScoredLabel::score)
                .reversed()
                .thenComparingInt(ScoredLabel::firstHit)
                .thenComparingInt(ScoredLabel::order));
        return scored;
    }

    private static String best(List<String> labels, List<ScoredLabel> ranking) {
        if (!ranking.isEmpty()) {
            return ranking.get(0).label();
        }
        // No keyword at all: answer the catch-all genre when allowed, as an unsure model would.
        return labels.contains(FALLBACK_LABEL) ? FALLBACK_LABEL : labels.get(0);
    }

    record ScoredLabel(String label, int score, int firstHit, int order) {}
}
