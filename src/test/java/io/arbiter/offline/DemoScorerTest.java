package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.verdict.JudgeScore;
import io.arbiter.core.verdict.ScoreParser;
import io.arbiter.core.verdict.ScoreScale;
import io.arbiter.offline.SupportSample.Row;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DemoScorerTest {

    /** hash / 100 % 100 = 50: past the nudges, so a grade shows the rule alone. */
    private static final long NO_NUDGE = 5_000L;

    private static final String REFERENCE = "Please return your Larkspur Hub within 30 days of your service ending. We"
            + " post you a prepaid returns bag; if the hub is not back within 30 days we charge an $80 fee.";

    private final DemoClassifier judge = DemoClassifier.forModel(DemoModels.JUDGE);
    private final DemoClassifier base = DemoClassifier.forModel(DemoModels.BASE);
    private final ScoreParser parser = new ScoreParser(ScoreScale.DEFAULT);

    @Test
    void theSameRequestAlwaysGetsTheSameScore() throws Exception {
        for (Row row : SupportSample.rows("1 to 5")) {
            String system = row.judge().system();
            String user = row.judge().user();
            assertEquals(judge.reply(system, user), judge.reply(system, user), row.id());
        }
    }

    @Test
    void readsTheQuestionReferenceAnswerAndScaleOfTheSampleJudgePrompt() throws Exception {
        for (Row row : SupportSample.rows("1 to 5")) {
            ScoringPrompt prompt =
                    ScoringPrompt.read(row.judge().system(), row.judge().user()).orElseThrow();
            assertEquals(row.question(), prompt.question(), row.id());
            assertEquals(row.reference(), prompt.reference(), row.id());
            // SUP-022's answer spans three lines and SUP-007's holds quotes: both arrive whole.
            assertEquals(row.answer(), prompt.answer(), row.id());
            assertEquals(1, prompt.low());
            assertEquals(5, prompt.high());
        }
    }

    @Test
    void theChatEndpointAnswersTheSampleJudgePromptWithAScoreAfterItsReasoning() throws Exception {
        Row row = SupportSample.rows("1 to 5").get(0);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", DemoModels.JUDGE);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", row.judge().system());
        messages.addObject().put("role", "user").put("content", row.judge().user());

        String content = new DemoChat(Clock.systemUTC())
                .complete(body)
                .at("/choices/0/message/content")
                .asText();

        assertEquals(judge.reply(row.judge().system(), row.judge().user()), content);
        JudgeScore score = parser.parse(content);
        assertEquals(5, score.score(), content); // SUP-001 repeats the reference almost word for word
        assertTrue(score.reasoning().startsWith("The answer agrees with the reference on"), content);
    }

    @Test
    void aGenreJudgePromptIsNotAScoringPrompt() {
        String user = DemoPrompts.judgeUser("A sheriff hunts an outlaw across the frontier.", "Western");
        assertTrue(ScoringPrompt.read(DemoPrompts.JUDGE_SYSTEM, user).isEmpty());
        assertTrue(ScoringPrompt.read(DemoPrompts.BASE_SYSTEM, DemoPrompts.baseUser("A heist."))
                .isEmpty());
        // Asked for a score but on no scale at all: not a rubric prompt the demo can answer.
        assertTrue(ScoringPrompt.read("Reply with Score: and your choice.", "Answer: x")
                .isEmpty());
    }

    @Test
    void agreesWithTheHumanScoresOnTheSupportSampleOftenButNotAlways() throws Exception {
        int[][] table = new int[6][6];
        int rows = 0;
        for (Row row : SupportSample.rows("1 to 5")) {
            JudgeScore score =
                    parser.parse(judge.reply(row.judge().system(), row.judge().user()));
            if (score.score() != null) {
                table[row.humanScore()][score.score()]++;
                rows++;
            }
        }
        Agreement agreement = Agreement.of(table, rows);
        // On the committed sample: exact 0.54, within one 0.88, quadratic kappa 0.77; the band keeps it plausible.
        assertTrue(agreement.exact() >= 0.35 && agreement.exact() <= 0.8, agreement.toString());
        assertTrue(agreement.withinOne() >= 0.75 && agreement.withinOne() < 1, agreement.toString());
        assertTrue(agreement.quadraticKappa() >= 0.5 && agreement.quadraticKappa() <= 0.9, agreement.toString());
    }

    @Test
    void theBaseModelAsAJudgeScoresHarsher() throws Exception {
        int fair = 0;
        int harsh = 0;
        for (Row row : SupportSample.rows("1 to 5")) {
            fair += DemoScorer.forModel(DemoModels.JUDGE)
                    .grade(prompt(row), NO_NUDGE)
                    .score();
            harsh += DemoScorer.forModel(DemoModels.BASE)
                    .grade(prompt(row), NO_NUDGE)
                    .score();
        }
        assertTrue(harsh < fair, "harsh " + harsh + ", fair " + fair);
        // Through the model ids the server answers to, nudges and format slips included.
        assertTrue(meanScore(base) < meanScore(judge));
    }

    private double meanScore(DemoClassifier model) throws Exception {
        return SupportSample.rows("1 to 5").stream()
                .map(row -> parser.parse(
                        model.reply(row.judge().system(), row.judge().user())))
                .filter(score -> score.score() != null)
                .mapToInt(JudgeScore::score)
                .average()
                .orElseThrow();
    }

    @Test
    void aboutOneReplyInTwentyIsOffFormatAndEveryOtherEndsWithItsScore() throws Exception {
        int replies = 0;
        int unparsed = 0;
        int plain = 0;
        for (Row row : SupportSample.rows("1 to 5")) {
            for (int ticket = 0; ticket < 15; ticket++) {
                String user = row.judge().user().replace(row.question(), row.question() + " (ticket " + ticket + ")");
                String reply = judge.reply(row.judge().system(), user);
                replies++;
                JudgeScore score = parser.parse(reply);
                if (score.score() == null) {
                    unparsed++;
                } else {
                    assertFalse(score.reasoning().isBlank(), reply);
                }
                if (reply.matches("(?s)[^\\n]+\\nScore: [1-5]")) {
                    plain++;
                }
            }
        }
        assertTrue(unparsed > replies * 2 / 100 && unparsed < replies * 9 / 100, unparsed + " of " + replies);
        assertTrue(plain > replies * 80 / 100, plain + " of " + replies);
    }

    @Test
    void reasoningNamesWhatMatchedAndWhatIsMissing() {
        String reply = judge.reply(
                "Rate the answer on a scale of 1 to 5. End with Score: N",
                "Question: How long do I have to return the router?\nReference answer: " + REFERENCE
                        + "\nAnswer: Send the hub back within 30 days.");
        String reasoning = reply.substring(0, reply.lastIndexOf('\n'));
        assertTrue(reasoning.contains("\"30\""), reasoning);
        assertTrue(reasoning.contains("It leaves out") && reasoning.contains("\"80\""), reasoning);
    }

    @Test
    void gradesFollowTheRubricsDislikes() {
        assertEquals(5, grade(REFERENCE).score());
        assertEquals(1, grade("I'm not sure, I don't have that information.").score());
        assertEquals(1, grade("").score());
        assertTrue(grade("Devuelva el hub en 30 días; es gratis con la bolsa prepagada de su paquete.")
                        .score()
                <= 2);
        assertTrue(grade(REFERENCE + " Obviously, it's all explained in the welcome email.")
                        .score()
                <= 3);
        // A wrong time limit costs points even when every other word matches.
        assertTrue(grade(REFERENCE.replace("30 days", "14 days")).score() <= 3);
        assertTrue(grade("Send it back.").score() <= 2);
        assertTrue(grade((REFERENCE + " ").repeat(3)).score() < 5);
    }

    @Test
    void scoresOnTheScaleThePromptNames() throws Exception {
        boolean top = false;
        for (Row row : SupportSample.rows("0 to 10")) {
            Integer score = new ScoreParser(new ScoreScale(0, 10))
                    .parse(judge.reply(row.judge().system(), row.judge().user()))
                    .score();
            if (score != null) {
                assertTrue(score >= 0 && score <= 10, row.id() + ": " + score);
                top |= score == 10;
            }
        }
        assertTrue(top, "a perfect answer reaches the top of 0 to 10");
    }

    private static DemoScorer.Grade grade(String answer) {
        ScoringPrompt prompt = new ScoringPrompt("How long do I have to return my router?", REFERENCE, answer, 1, 5);
        return DemoScorer.forModel(DemoModels.JUDGE).grade(prompt, NO_NUDGE);
    }

    private static ScoringPrompt prompt(Row row) {
        return ScoringPrompt.read(row.judge().system(), row.judge().user()).orElseThrow();
    }

    /** Exact and within-one agreement and Cohen's quadratic weighted kappa, by the textbook formulas. */
    record Agreement(double exact, double withinOne, double quadraticKappa) {

        static Agreement of(int[][] table, int n) {
            int levels = table.length;
            double[] humans = new double[levels];
            double[] judges = new double[levels];
            double exact = 0;
            double withinOne = 0;
            double observed = 0;
            for (int h = 0; h < levels; h++) {
                for (int j = 0; j < levels; j++) {
                    humans[h] += table[h][j];
                    judges[j] += table[h][j];
                    exact += h == j ? table[h][j] : 0;
                    withinOne += Math.abs(h - j) <= 1 ? table[h][j] : 0;
                    observed += (h - j) * (h - j) * table[h][j];
                }
            }
            double expected = 0;
            for (int h = 0; h < levels; h++) {
                for (int j = 0; j < levels; j++) {
                    expected += (h - j) * (h - j) * humans[h] * judges[j] / n;
                }
            }
            return new Agreement(exact / n, withinOne / n, 1 - observed / expected);
        }
    }
}
