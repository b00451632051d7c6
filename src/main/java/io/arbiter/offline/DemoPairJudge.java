package io.arbiter.offline;

/**
 * The offline demo model as a pairwise judge (MT-Bench's format): it grades each of the two answers as
 * {@link DemoScorer} would against the reference (without one, by how much of the question an answer takes up and
 * how it is said), names the clearly better one, and calls a close pair a tie. Like the LLM judges MT-Bench measured,
 * it leans to the answer shown first: most close pairs go to the first answer instead of a tie, and about one pair in
 * seven leans so strongly that a moderate difference is overruled, each chosen by a hash of the two answers whatever
 * their order. Asked in both orders, such pairs come out inconsistent: on the bundled pairwise sample about three
 * rows in four are consistent and about three verdicts in five pick the first place (DemoPairJudgeTest holds the
 * band), while its wins still follow the better answer. About one reply in thirty ends without a verdict.
 */
final class DemoPairJudge {

    /** A difference in quality (0 to 5) this large names a winner; anything closer is a tie. */
    private static final double CLEAR = 0.6;
    /** Quality the answer shown first gains on every prompt: it tips only a pair on the edge of a tie. */
    private static final double MILD_LEAN = 0.3;
    /** On most close pairs (chosen by the answers) enough for the answer shown first to win instead of a tie. */
    private static final double CLOSE_LEAN = 1.0;

    private static final int CLOSE_LEAN_PER_HUNDRED = 70;
    /** On a few pairs, close or not, the answer shown first gains this much: a moderate difference is overruled. */
    private static final double STRONG_LEAN = 1.6;

    private static final int STRONG_LEAN_PER_HUNDRED = 15;

    private static final int OFF_FORMAT_PER_THIRTY = 1;
    private static final int TERSE_WORDS = 8;
    private static final int FULL_WORDS = 15;
    private static final double ON_TOPIC = 0.3;

    private static final DemoPairJudge FAIR = new DemoPairJudge(DemoScorer.forModel(DemoModels.JUDGE));
    private static final DemoPairJudge HARSH = new DemoPairJudge(DemoScorer.forModel(DemoModels.BASE));

    private final DemoScorer scorer;

    private DemoPairJudge(DemoScorer scorer) {
        this.scorer = scorer;
    }

    /** Grades as the model's {@link DemoScorer} does: the base model is the harsher grader. */
    static DemoPairJudge forModel(String modelId) {
        return DemoModels.BASE.equals(modelId) ? HARSH : FAIR;
    }

    /** The place the judge prefers ("A" shown first, "B" second, "C" a tie) and its reasoning. */
    record Verdict(String place, String reasoning) {}

    /** Reasoning, then {@code [[A]]}, {@code [[B]]} or {@code [[C]]} on a line of its own, or a reply with none. */
    String reply(PairPrompt prompt, long hash) {
        Verdict verdict = judge(prompt);
        if (hash / 7 % 30 < OFF_FORMAT_PER_THIRTY) {
            return hash % 2 == 0
                    ? verdict.reasoning()
                    : verdict.reasoning() + "\nBoth have merit, so I would go with " + prompt.names() + " "
                            + (verdict.place().equals("B") ? "B" : "A") + " on balance.";
        }
        return verdict.reasoning() + "\n[[" + verdict.place() + "]]";
    }

    /** The verdict for the answers in the order shown; the same prompt always gets the same one. */
    Verdict judge(PairPrompt prompt) {
        Graded first = graded(prompt, prompt.first());
        Graded second = graded(prompt, prompt.second());
        double difference = first.quality() - second.quality();
        double lean = lean(prompt, Math.abs(difference) < CLEAR);
        String a = prompt.names() + " A";
        String b = prompt.names() + " B";
        if (difference + lean >= CLEAR) {
            return new Verdict(
                    "A",
                    difference >= CLEAR
                            ? agreement(a, first) + " " + concern(b, second)
                            : "Both answers cover much the same ground, but " + a + " puts it a little more clearly.");
        }
        if (difference + lean <= -CLEAR) {
            return new Verdict("B", agreement(b, second) + " " + concern(a, first));
        }
        return new Verdict("C", "Neither answer is clearly better. " + agreement(a, first) + " " + concern(b, second));
    }

    /**
     * How much the answer shown first gains. Leaning pairs are chosen by the two answers alone, whatever their order,
     * so that a pair leans in both orders and shows up as inconsistent: strongly on {@value #STRONG_LEAN_PER_HUNDRED}
     * in a hundred pairs, enough to win when they are close on {@value #CLOSE_LEAN_PER_HUNDRED} in a hundred.
     */
    private static double lean(PairPrompt prompt, boolean close) {
        String one = prompt.first();
        String other = prompt.second();
        String pair = one.compareTo(other) <= 0 ? one + "\n" + other : other + "\n" + one;
        long roll = DemoText.stableHash(pair) % 100;
        if (roll < STRONG_LEAN_PER_HUNDRED) {
            return STRONG_LEAN;
        }
        return close && roll < CLOSE_LEAN_PER_HUNDRED ? CLOSE_LEAN : MILD_LEAN;
    }

    private record Graded(double quality, AnswerComparison comparison, boolean referenced) {}

    private Graded graded(PairPrompt prompt, String answer) {
        if (prompt.reference().isBlank()) {
            AnswerComparison c =
                    AnswerComparison.of(prompt.question(), prompt.question(), answer, ScoringLexicon.WORDS);
            return new Graded(unreferenced(c), c, false);
        }
        AnswerComparison c = AnswerComparison.of(prompt.question(), prompt.reference(), answer, ScoringLexicon.WORDS);
        int points = Math.max(0, Math.min(4, scorer.points(c)));
        return new Graded(points + DemoScorer.weighedCoverage(c), c, true);
    }

    /** With no reference: an answer that takes up the question, fully, plainly and politely, is the better one. */
    private static double unreferenced(AnswerComparison c) {
        if (c.refuses() || c.answerWords() == 0) {
            return 0;
        }
        double quality = 2 + (c.coverage() >= ON_TOPIC ? 1 : 0) + (c.answerWords() >= FULL_WORDS ? 1 : 0);
        quality -= c.answerWords() < TERSE_WORDS ? 1 : 0;
        quality -= c.dismisses() ? 2 : 0;
        if (c.otherLanguage()) {
            quality = Math.min(quality, 1);
        }
        return Math.max(0, quality) + c.coverage();
    }

    private static String agreement(String name, Graded g) {
        if (!g.referenced()) {
            return name + " takes up what was asked.";
        }
        return g.comparison().matched().isEmpty()
                ? name + " shares little with the reference."
                : name + " agrees with the reference on "
                        + DemoScorer.named(g.comparison().matched()) + ".";
    }

    /** The scorer's concern about an answer, said of it by name: "Answer B leaves out …". */
    private static String concern(String name, Graded g) {
        String concern = DemoScorer.concern(g.comparison());
        if (concern.startsWith("Nothing")) {
            return name + " leaves nothing important out either.";
        }
        if (!g.referenced() && concern.startsWith("It leaves out")) {
            return name + " says less about what was asked.";
        }
        return concern.startsWith("Its ") ? name + "'s " + concern.substring(4) : name + concern.substring(2);
    }
}
