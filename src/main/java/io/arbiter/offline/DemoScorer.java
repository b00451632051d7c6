package io.arbiter.offline;

import java.util.List;

/**
 * The offline demo model as a rubric judge: it scores an answer by how much of the reference answer it repeats
 * (content words and figures), less points for what a grader dislikes (a refusal, a dismissive tone, figures the
 * reference does not give, another language, an answer far too short or too long), and now and then one point off
 * either way, chosen by a hash of the prompt, so that it follows human scores without always agreeing. It writes a
 * sentence or two of reasoning, then the score; the format slips are {@link SmallModelQuirks#scoreReply}'s.
 */
final class DemoScorer {

    /**
     * Coverage of the reference (its words, and its figures weighed at {@link #FIGURE_WEIGHT}) needed for each point
     * of a 0-4 ladder; set so that on the bundled support sample the demo agrees with the human scores about as
     * often as a fair small judge would (DemoScorerTest holds the band).
     */
    private static final double[] LADDER = {0.08, 0.18, 0.36, 0.58};
    /** The harsh judge asks for this much more coverage at every step. */
    private static final double HARSH_EXTRA = 0.06;

    private static final int POINTS = LADDER.length;
    private static final double FIGURE_WEIGHT = 0.35;
    private static final double SHORT_RATIO = 0.25;
    private static final double LONG_RATIO = 2.2;
    private static final int TERSE_WORDS = 8;
    private static final int NUDGES_PER_HUNDRED = 14;
    private static final int NAMED_WORDS = 3;

    private static final DemoScorer FAIR = new DemoScorer(0);
    private static final DemoScorer HARSH = new DemoScorer(HARSH_EXTRA);

    private final double extra;

    private DemoScorer(double extra) {
        this.extra = extra;
    }

    /** The base model and the strict second juror are the harsher graders; any other id grades as the judge model. */
    static DemoScorer forModel(String modelId) {
        return DemoModels.BASE.equals(modelId) || DemoModels.JUDGE_2.equals(modelId) ? HARSH : FAIR;
    }

    /** A score on the prompt's scale and the reasoning a grader would give for it. */
    record Grade(int score, String reasoning) {}

    /** The reply text: reasoning, then the score on a line of its own, or one of the format slips. */
    String reply(ScoringPrompt prompt, long hash) {
        Grade grade = grade(prompt, hash);
        return SmallModelQuirks.scoreReply(grade.reasoning(), grade.score(), prompt.high(), hash);
    }

    Grade grade(ScoringPrompt prompt, long hash) {
        AnswerComparison c =
                AnswerComparison.of(prompt.question(), prompt.reference(), prompt.answer(), ScoringLexicon.WORDS);
        int points = points(c) + nudge(hash);
        points = Math.max(0, Math.min(POINTS, points));
        int score = prompt.low() + Math.round((float) points * (prompt.high() - prompt.low()) / POINTS);
        return new Grade(score, reasoning(c));
    }

    /**
     * The points (0 to 4 before clamping) the rubric gives an answer, before any wobble: what {@link DemoPairJudge}
     * compares two answers by.
     */
    int points(AnswerComparison c) {
        int points = ladder(weighedCoverage(c));
        if (!c.addedFigures().isEmpty()) {
            points -= c.figures() < 1 ? 2 : 1;
        }
        if (c.dismisses()) {
            points -= 2;
        }
        if (c.lengthRatio() > LONG_RATIO) {
            points--;
        }
        if (c.lengthRatio() < SHORT_RATIO || c.answerWords() < TERSE_WORDS) {
            points--;
        }
        if (c.otherLanguage()) {
            points = Math.min(points, 1);
        }
        if (c.refuses() || c.answerWords() == 0) {
            points = 0;
        }
        return points;
    }

    /** The share of the reference the answer repeats, its figures weighed at {@link #FIGURE_WEIGHT}. */
    static double weighedCoverage(AnswerComparison c) {
        return c.hasFigures() ? c.coverage() * (1 - FIGURE_WEIGHT) + c.figures() * FIGURE_WEIGHT : c.coverage();
    }

    private int ladder(double coverage) {
        int points = 0;
        for (double step : LADDER) {
            if (coverage >= step + extra) {
                points++;
            }
        }
        return points;
    }

    /** One point up or down for a few prompts: a model's judgement wobbles at the edges of the rubric. */
    private static int nudge(long hash) {
        long roll = hash / 100 % 100;
        if (roll >= NUDGES_PER_HUNDRED) {
            return 0;
        }
        return roll % 2 == 0 ? 1 : -1;
    }

    private static String reasoning(AnswerComparison c) {
        String first = c.matched().isEmpty()
                ? "The answer shares almost nothing with the reference."
                : "The answer agrees with the reference on " + named(c.matched()) + ".";
        return first + " " + concern(c);
    }

    static String concern(AnswerComparison c) {
        if (c.answerWords() == 0) {
            return "It is empty.";
        }
        if (c.refuses()) {
            return "It declines to answer instead of helping the customer.";
        }
        if (c.otherLanguage()) {
            return "It is written in another language than the question.";
        }
        if (c.dismisses()) {
            return "Its tone is dismissive.";
        }
        if (!c.addedFigures().isEmpty()) {
            return "It states " + named(c.addedFigures()) + ", which the reference does not.";
        }
        if (c.lengthRatio() > LONG_RATIO) {
            return "It is much longer than it needs to be.";
        }
        if (c.missing().isEmpty()) {
            return "Nothing the reference says is missing.";
        }
        String gap = "It leaves out " + named(c.missing()) + ".";
        return c.answerWords() < TERSE_WORDS ? "It is very short. " + gap : gap;
    }

    static String named(List<String> words) {
        List<String> few = words.subList(0, Math.min(NAMED_WORDS, words.size()));
        if (few.size() == 1) {
            return "\"" + few.get(0) + "\"";
        }
        return "\"" + String.join("\", \"", few.subList(0, few.size() - 1)) + "\" and \"" + few.get(few.size() - 1)
                + "\"";
    }
}
