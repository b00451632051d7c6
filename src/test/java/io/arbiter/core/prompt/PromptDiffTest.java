package io.arbiter.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.prompt.PromptDiff.Kind;
import io.arbiter.core.prompt.PromptDiff.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptDiffTest {

    @Test
    void oneReplacedWordIsOneRemovalAndOneAddition() {
        PromptDiff diff = PromptDiff.of("Answer only Correct or Incorrect.", "Answer strictly Correct or Incorrect.");

        assertEquals(
                List.of(
                        new Segment(Kind.SAME, "Answer "),
                        new Segment(Kind.REMOVED, "only"),
                        new Segment(Kind.ADDED, "strictly"),
                        new Segment(Kind.SAME, " Correct or Incorrect.")),
                diff.segments());
        assertEquals(1, diff.addedWords());
        assertEquals(1, diff.removedWords());
        assertEquals("+1 −1 words: \"only\" → \"strictly\"", diff.shortText(80));
    }

    @Test
    void bothSidesSpellTheirTexts() {
        String before = "You are a judge.\nSay Correct when the genre fits.\n{{examples}}";
        String after = "You are a strict judge.\nSay Correct only when every genre fits the movie.\n";
        PromptDiff diff = PromptDiff.of(before, after);

        assertEquals(before, spell(diff, Kind.REMOVED));
        assertEquals(after, spell(diff, Kind.ADDED));
        assertFalse(diff.unchanged());
    }

    @Test
    void neighbouringChangedWordsReadAsOneReplacement() {
        PromptDiff diff = PromptDiff.of("keep a b c keep", "keep x y z keep");

        assertEquals(
                List.of(
                        new Segment(Kind.SAME, "keep "),
                        new Segment(Kind.REMOVED, "a b c"),
                        new Segment(Kind.ADDED, "x y z"),
                        new Segment(Kind.SAME, " keep")),
                diff.segments());
        assertEquals(3, diff.addedWords());
    }

    @Test
    void sameTextIsUnchanged() {
        assertTrue(PromptDiff.of("same", "same").unchanged());
        assertEquals("unchanged", PromptDiff.of("same", "same").shortText(40));
        assertTrue(PromptDiff.of(null, "").unchanged());
    }

    @Test
    void aPureAdditionOrRemovalIsNamed() {
        assertEquals(
                "+2 −0 words: added \"be brief\"",
                PromptDiff.of("Judge.", "Judge. be brief").shortText(80));
        assertEquals(
                "+0 −1 words: removed \"kindly\"",
                PromptDiff.of("Please kindly judge.", "Please judge.").shortText(80));
    }

    @Test
    void aWhitespaceOnlyEditIsNamedSo() {
        PromptDiff diff = PromptDiff.of("Answer yes or no.", "Answer yes or no.\n");

        assertFalse(diff.unchanged());
        assertEquals("+0 −0 words: whitespace only", diff.shortText(80));
    }

    @Test
    void aMiddleTooBigToAlignIsOneReplacement() {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            before.append("old line ").append(i).append('\n');
            after.append("new line ").append(i).append('\n');
        }
        PromptDiff diff = PromptDiff.of("head\n" + before + "tail", "head\n" + after + "tail");

        assertEquals(
                List.of(Kind.SAME, Kind.REMOVED, Kind.ADDED, Kind.SAME),
                diff.segments().stream().map(Segment::kind).toList());
    }

    @Test
    void theShortTextIsCutToItsWidth() {
        String text = PromptDiff.of("a", "a completely different and much longer prompt text")
                .shortText(20);

        assertEquals(20, text.length());
        assertTrue(text.endsWith("…"));
    }

    @Test
    void veryLongPromptsAreComparedByLine() {
        String para = "word ".repeat(5000);
        PromptDiff diff = PromptDiff.of(para + "\nold line\n" + para, para + "\nnew line\n" + para);

        assertEquals(
                List.of(new Segment(Kind.REMOVED, "old line\n"), new Segment(Kind.ADDED, "new line\n")),
                diff.segments().stream().filter(s -> s.kind() != Kind.SAME).toList());
    }

    private static String spell(PromptDiff diff, Kind side) {
        StringBuilder text = new StringBuilder();
        diff.segments().stream()
                .filter(s -> s.kind() == Kind.SAME || s.kind() == side)
                .forEach(s -> text.append(s.text()));
        return text.toString();
    }
}
