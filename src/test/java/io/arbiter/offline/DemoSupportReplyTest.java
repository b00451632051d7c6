package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Samples;
import io.arbiter.core.prompt.RenderedPrompt;
import io.arbiter.offline.SupportSample.Row;
import org.junit.jupiter.api.Test;

class DemoSupportReplyTest {

    private final DemoClassifier base = DemoClassifier.forModel(DemoModels.BASE);

    @Test
    void answersTheSampleBasePromptInFreeTextTheSameWayEachTime() throws Exception {
        int unsure = 0;
        for (Row row : SupportSample.rows("1 to 5")) {
            RenderedPrompt prompt = SupportSample.base(row.question());
            String reply = base.reply(prompt.system(), prompt.user());
            assertEquals(reply, base.reply(prompt.system(), prompt.user()), row.id());
            assertFalse(GenreLexicon.IMDB_GENRES.contains(reply.replace(".", "")), reply);
            assertTrue(reply.endsWith(".") && reply.split(" ").length >= 5, reply);
            unsure += reply.contains("not sure") || reply.contains("don't have the details") ? 1 : 0;
        }
        // A question the stock sentences cannot place gets an honest deferral, but most questions find a topic.
        assertTrue(unsure > 0 && unsure < 15, "unsure replies: " + unsure);
    }

    @Test
    void repeatsThePromptsOwnFactThatFitsTheQuestion() {
        RenderedPrompt prompt = SupportSample.base("What does it cost to leave my contract early?");
        String reply = base.reply(prompt.system(), prompt.user());
        assertTrue(reply.contains("Leaving early costs $8 for each month left on the contract."), reply);
    }

    @Test
    void picksStockSentencesByTheQuestionsTopic() {
        String system = "You answer customer questions for an internet provider.";
        String reply = DemoSupportReply.reply(system, "Customer question: How do I change my WiFi password?", 1_234L);
        assertTrue(reply.contains("WiFi"), reply);
    }

    @Test
    void aPromptAskingForBriefRepliesGetsOneSentenceThatLeavesOutAStep() {
        String briefSystem = Samples.text(Samples.PAIRWISE_BASE_PROMPT_B).split("\\[user]")[0];
        String user = "Customer question: Is there a data cap on the Fibre 500 plan?";
        String full = base.reply(
                SupportSample.base("Is there a data cap on the Fibre 500 plan?").system(), user);
        String brief = base.reply(briefSystem, user);

        // The fact line is "Fibre 150 at $30 ...; unlimited data on every plan.": the brief reply stops at the ";".
        assertEquals("Fibre 150 at $30 a month, Fibre 500 at $40 a month, Fibre 900 at $55 a month.", brief);
        assertTrue(full.contains("unlimited data on every plan") && full.length() > brief.length(), full);
        assertEquals(brief, base.reply(briefSystem, user));
    }

    @Test
    void theJudgeModelAnswersMoreFullyThanTheBaseModelOnSomeQuestionsAndNeverCurtly() throws Exception {
        DemoClassifier judge = DemoClassifier.forModel(DemoModels.JUDGE);
        int differ = 0;
        for (Row row : SupportSample.rows("1 to 5")) {
            RenderedPrompt prompt = SupportSample.base(row.question());
            String fromBase = base.reply(prompt.system(), prompt.user());
            String fromJudge = judge.reply(prompt.system(), prompt.user());
            assertTrue(fromJudge.length() >= fromBase.length(), row.id() + ": " + fromJudge);
            assertTrue(fromJudge.split(" ").length >= 10, row.id() + ": " + fromJudge);
            differ += fromBase.equals(fromJudge) ? 0 : 1;
        }
        // Half the base replies leave out the topic's second stock sentence, and a few are curt.
        assertTrue(differ >= 20 && differ <= 50, "replies that differ: " + differ);
    }

    @Test
    void classificationPromptsAreNotFreeText() {
        assertFalse(DemoSupportReply.asksForFreeText(DemoPrompts.BASE_SYSTEM, DemoPrompts.baseUser("A heist.")));
        assertFalse(DemoSupportReply.asksForFreeText("", "Classify this customer review: great support."));
        assertFalse(DemoSupportReply.asksForFreeText(
                "Pick one of Positive, Negative, Mixed", "Customer message: the support line was closed."));
        assertFalse(DemoSupportReply.asksForFreeText("base", "A detective in case 7"));
        assertTrue(DemoSupportReply.asksForFreeText("You are a support assistant.", "How do I pay my bill?"));
    }
}
