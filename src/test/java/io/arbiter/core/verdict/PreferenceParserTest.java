package io.arbiter.core.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms a pairwise judge gives its verdict in, and what is never guessed. */
class PreferenceParserTest {

    private final PreferenceParser parser = new PreferenceParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Assistant A explains the refund; B does not. [[A]]|A",
                "B is clearer.\\n\\n[[B]]|B",
                "Both are equally good. [[C]]|TIE",
                "At first [[A]] seemed right, but on reflection [[B]]|B",
                "{\"reasoning\": \"B cites the fee.\", \"winner\": \"B\"}|B",
                "```json\\n{\"winner\": \"tie\", \"reasoning\": \"Same facts.\"}\\n```|TIE",
                "{\"winner\": \"a\"}|A",
                "A is friendlier but wrong about the fee.\\nWinner: B|B",
                "Both miss the deadline.\\n**Tie**.|TIE",
                "Final verdict: A|A",
                "The better one is the first.\\nA|A",
            })
    void readsTheLastVerdictInAnyOfTheForms(String raw, Preference expected) {
        JudgePreference read = parser.parse(raw.replace("\\n", "\n"));
        assertEquals(expected, read.winner(), raw);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "Both answers have merits.",
                "I prefer the second answer.",
                "[[D]]",
                "{\"winner\": \"maybe\"}",
                "{\"winner\": \"A\"} but then [[maybe]]... {\"winner\": null}",
                "A or B, hard to say",
            })
    void anythingElseIsUnparsedNeverGuessed(String raw) {
        assertFalse(parser.parse(raw).parsed(), raw);
    }

    @Test
    void theReasoningIsKeptApartFromTheVerdict() {
        assertEquals(
                "B cites the fee.",
                parser.parse("{\"reasoning\": \"B cites the fee.\", \"winner\": \"B\"}")
                        .reasoning());
        assertEquals(
                "A explains the refund.",
                parser.parse("A explains the refund.\n[[A]]").reasoning());
        assertEquals(
                "A is wrong about the fee.",
                parser.parse("A is wrong about the fee.\nWinner: B").reasoning());
    }

    @Test
    void eachOrderIsMappedBackToTheAnswersItShowed() {
        JudgePreference first = parser.parse("[[A]]"); // A shown first, the judge picks it
        JudgePreference swappedFirst = parser.parse("[[B]]"); // B shown first: its "B" is answer A
        JudgePreference swappedSecond = parser.parse("[[A]]"); // B shown first: its "A" is answer B
        assertEquals(PairOutcome.A, PairOutcome.of(first, swappedFirst), "both orders pick answer A");
        assertEquals(
                PairOutcome.INCONSISTENT, PairOutcome.of(first, swappedSecond), "each order picks the first shown");
        assertEquals(PairOutcome.TIE, PairOutcome.of(parser.parse("[[C]]"), parser.parse("[[C]]")));
        assertEquals(PairOutcome.B, PairOutcome.of(parser.parse("[[B]]"), parser.parse("[[A]]")));
        assertEquals(PairOutcome.INCONSISTENT, PairOutcome.of(parser.parse("[[C]]"), parser.parse("[[A]]")));
        assertEquals(PairOutcome.UNPARSED, PairOutcome.of(first, parser.parse("no idea")));
        assertEquals(PairOutcome.UNPARSED, PairOutcome.of(first, null), "an order not answered yet");
        assertEquals(PairOutcome.B, PairOutcome.of(parser.parse("[[B]]")), "a run without the swap");
    }
}
