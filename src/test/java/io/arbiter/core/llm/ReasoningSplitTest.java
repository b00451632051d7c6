package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which part of a reply is reasoning and which is the answer that gets parsed and sent on to the judge. */
class ReasoningSplitTest {

    @Test
    void aReplyWithoutReasoningIsLeftExactlyAsItCame() {
        ReasoningSplit split = ReasoningSplit.of("  Drama, Crime \n");

        assertEquals("  Drama, Crime \n", split.answer());
        assertNull(split.reasoning());
    }

    @Test
    void everyLeadingBlockOfAnyKnownTagAndCaseIsReasoning() {
        ReasoningSplit split =
                ReasoningSplit.of("\n<THINK>first</THINK>\n<reasoning type=\"x\">second</reasoning>" + "\n\nDrama");

        assertEquals("Drama", split.answer());
        assertEquals("first\n\nsecond", split.reasoning());
        assertFalse(split.unclosed());
    }

    @Test
    void thinkingAndThoughtTagsToo() {
        assertEquals("Drama", ReasoningSplit.of("<thinking>a</thinking>Drama").answer());
        assertEquals("Drama", ReasoningSplit.of("<thought>a</thought> Drama").answer());
    }

    @Test
    void reasoningThatStartsWithoutItsOpeningTagEndsAtTheClosingOne() {
        ReasoningSplit split = ReasoningSplit.of("Let me see, a heist.\n</think>\n\nCrime");

        assertEquals("Crime", split.answer());
        assertEquals("Let me see, a heist.", split.reasoning());
    }

    @Test
    void aTagInsideTheAnswerIsTheAnswersOwnText() {
        ReasoningSplit split = ReasoningSplit.of("Drama. Models write <think> in prose </think> sometimes.");

        assertEquals("Drama. Models write <think> in prose </think> sometimes.", split.answer());
        assertNull(split.reasoning());
    }

    @Test
    void anUnclosedBlockLeavesNoAnswer() {
        ReasoningSplit split = ReasoningSplit.of("<think>still weighing Comedy against");

        assertTrue(split.unclosed());
        assertEquals("", split.answer());
        assertEquals("still weighing Comedy against", split.reasoning());
    }

    @Test
    void aReasoningFieldGoesBeforeTheBlocks() {
        ReasoningSplit split = ReasoningSplit.of("<think>b</think>Drama").withReasoningBefore("a");

        assertEquals("a\n\nb", split.reasoning());
        assertEquals("Drama", split.answer());
    }

    @Test
    void aReplyKeptBeforeReasoningWasSplitIsSplitWhenTheCacheGivesItBack() {
        ChatReply old = new ChatReply("<think>hmm</think>\nDrama", new Usage(3, 4));

        ChatReply split = old.reasoningApart();

        assertEquals("Drama", split.content());
        assertEquals("hmm", split.reasoning());
        assertEquals(new Usage(3, 4), split.usage());
    }
}
