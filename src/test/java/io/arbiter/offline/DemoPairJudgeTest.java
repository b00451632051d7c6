package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.core.verdict.JudgePreference;
import io.arbiter.core.verdict.PairOutcome;
import io.arbiter.core.verdict.Preference;
import io.arbiter.core.verdict.PreferenceParser;
import io.arbiter.offline.PairwiseSample.Prompt;
import io.arbiter.offline.PairwiseSample.Row;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPairJudgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoClassifier judge = DemoClassifier.forModel(DemoModels.JUDGE);
    private final PreferenceParser parser = new PreferenceParser();

    @Test
    void theSamePromptAlwaysGetsTheSameVerdict() throws Exception {
        for (Row row : PairwiseSample.rows()) {
            assertEquals(reply(row.aFirst()), reply(row.aFirst()), row.id());
            assertEquals(reply(row.bFirst()), reply(row.bFirst()), row.id());
        }
    }

    @Test
    void readsTheQuestionReferenceAndBothAnswersInTheOrderShown() throws Exception {
        for (Row row : PairwiseSample.rows()) {
            PairPrompt prompt =
                    PairPrompt.read(row.bFirst().system(), row.bFirst().user()).orElseThrow();
            assertEquals(row.answerB(), prompt.first(), row.id());
            assertEquals(row.answerA(), prompt.second(), row.id());
            assertFalse(prompt.reference().isBlank(), row.id());
            assertEquals("Assistant", prompt.names());
        }
    }

    @Test
    void readsAnswersUnderPlainHeadingsToo() {
        String system = "Which answer is better? Reply [[A]], [[B]] or [[C]] for a tie.";
        String user = "Question: Can I pay by card?\nReference answer: Yes, by debit or credit card in the app.\n"
                + "Answer A: Yes, you can pay by card in the app.\nAnswer B: No.";
        PairPrompt prompt = PairPrompt.read(system, user).orElseThrow();
        assertEquals("Can I pay by card?", prompt.question());
        assertEquals("Yes, by debit or credit card in the app.", prompt.reference());
        assertEquals("Yes, you can pay by card in the app.", prompt.first());
        assertEquals("No.", prompt.second());
        // Worked by hand: the first answer repeats most of the reference, the second none of it.
        assertEquals(Preference.A, parser.parse(judge.reply(system, user, true)).winner());
    }

    @Test
    void aScoringOrGenrePromptIsNotAPairwisePrompt() throws Exception {
        SupportSample.Row row = SupportSample.rows("1 to 5").get(0);
        assertTrue(PairPrompt.read(row.judge().system(), row.judge().user()).isEmpty());
        assertTrue(PairPrompt.read(DemoPrompts.JUDGE_SYSTEM, DemoPrompts.judgeUser("A heist.", "Crime"))
                .isEmpty());
        // Asks for [[A]] and [[B]] but shows no two answers: nothing to compare.
        assertTrue(PairPrompt.read("Say [[A]] or [[B]].", "Question: why?").isEmpty());
    }

    @Test
    void bothOrdersShowAMildFirstPositionBiasWhileWinsFollowTheBetterAnswer() throws Exception {
        int bothParsed = 0;
        int consistent = 0;
        int firstPicks = 0;
        int decisive = 0;
        int agreeing = 0;
        for (Row row : PairwiseSample.rows()) {
            JudgePreference aFirst = parser.parse(reply(row.aFirst()));
            JudgePreference bFirst = parser.parse(reply(row.bFirst()));
            for (JudgePreference order : List.of(aFirst, bFirst)) {
                if (order.parsed() && order.winner() != Preference.TIE) {
                    decisive++;
                    firstPicks += order.winner() == Preference.A ? 1 : 0;
                }
            }
            PairOutcome outcome = PairOutcome.of(aFirst, bFirst);
            if (outcome == PairOutcome.UNPARSED) {
                continue;
            }
            bothParsed++;
            consistent += outcome == PairOutcome.INCONSISTENT ? 0 : 1;
            // MT-Bench's convention: an inconsistent row counts as a tie.
            String judged = outcome == PairOutcome.INCONSISTENT ? "tie" : outcome.name();
            agreeing += judged.equalsIgnoreCase(row.human()) ? 1 : 0;
        }
        double consistency = (double) consistent / bothParsed;
        double firstRate = (double) firstPicks / decisive;
        double agreement = (double) agreeing / bothParsed;
        String figures = "consistency " + consistency + ", first-position rate " + firstRate + ", agreement "
                + agreement + " over " + bothParsed + " rows";
        assertTrue(consistency >= 0.75 && consistency <= 0.9, figures);
        assertTrue(firstRate >= 0.6 && firstRate <= 0.72, figures);
        assertTrue(agreement >= 0.6, figures);
    }

    @Test
    void everyReplyParsesExceptTheFewWithoutAVerdict() throws Exception {
        int replies = 0;
        int unparsed = 0;
        for (Row row : PairwiseSample.rows()) {
            for (Prompt prompt : List.of(row.aFirst(), row.bFirst())) {
                String reply = reply(prompt);
                JudgePreference preference = parser.parse(reply);
                replies++;
                boolean hasVerdictLine = reply.strip().matches("(?s).*\\n\\[\\[[ABC]]]$");
                assertEquals(hasVerdictLine, preference.parsed(), reply);
                unparsed += preference.parsed() ? 0 : 1;
                assertFalse(preference.reasoning().isBlank() && preference.parsed(), reply);
            }
        }
        // About one reply in thirty slips, as a small judge does: 120 replies, a handful unparsed.
        assertTrue(unparsed >= 1 && unparsed <= 8, unparsed + " of " + replies);
    }

    @Test
    void aStructuredRequestGetsJsonWithTheWinnerAndNeverSlips() throws Exception {
        String schema = "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"pairwise_verdict\",\"strict\":true,"
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"reasoning\":{\"type\":\"string\"},"
                + "\"winner\":{\"type\":\"string\",\"enum\":[\"A\",\"B\",\"tie\"]}},"
                + "\"required\":[\"reasoning\",\"winner\"],\"additionalProperties\":false}}}";
        DemoChat chat = new DemoChat(Clock.systemUTC());
        for (Row row : PairwiseSample.rows()) {
            Prompt prompt = row.aFirst();
            var body = JSON.createObjectNode().put("model", DemoModels.JUDGE);
            body.set("response_format", JSON.readTree(schema));
            var messages = body.putArray("messages");
            messages.addObject().put("role", "system").put("content", prompt.system());
            messages.addObject().put("role", "user").put("content", prompt.user());
            String content =
                    chat.complete(body).at("/choices/0/message/content").asText();

            JsonNode reply = JSON.readTree(content);
            assertTrue(List.of("A", "B", "tie").contains(reply.path("winner").asText()), content);
            assertFalse(reply.path("reasoning").asText().isBlank(), content);
            assertFalse(reply.path("reasoning").asText().contains("[["), content);
            JudgePreference read = parser.parse(content);
            assertEquals(
                    reply.path("winner").asText().toUpperCase(java.util.Locale.ROOT),
                    read.winner().name(),
                    content);
            // The same verdict the text reply gives, when that one did not slip.
            JudgePreference text = parser.parse(reply(prompt));
            if (text.parsed()) {
                assertEquals(text.winner(), read.winner(), row.id());
            }
        }
    }

    private String reply(Prompt prompt) {
        return judge.reply(prompt.system(), prompt.user());
    }
}
