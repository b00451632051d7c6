package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void classificationPromptsAreNotFreeText() {
        assertFalse(DemoSupportReply.asksForFreeText(DemoPrompts.BASE_SYSTEM, DemoPrompts.baseUser("A heist.")));
        assertFalse(DemoSupportReply.asksForFreeText("", "Classify this customer review: great support."));
        assertFalse(DemoSupportReply.asksForFreeText(
                "Pick one of Positive, Negative, Mixed", "Customer message: the support line was closed."));
        assertFalse(DemoSupportReply.asksForFreeText("base", "A detective in case 7"));
        assertTrue(DemoSupportReply.asksForFreeText("You are a support assistant.", "How do I pay my bill?"));
    }
}
