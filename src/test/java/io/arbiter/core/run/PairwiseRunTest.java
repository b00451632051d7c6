package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.prompt.PromptTemplate;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.verdict.PairJudgement;
import io.arbiter.core.verdict.PairOutcome;
import io.arbiter.core.verdict.Preference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A pairwise run through the engine against a scripted provider: two answers per row, the judge asked in both
 * orders, each order its own request, recorded, and never sent again on resume.
 */
class PairwiseRunTest {

    private static final String JUDGE_PROMPT =
            "Which answer is better?\n[user]\n{{question}}\nFirst: {{answer_a}}\nSecond: {{answer_b}}";

    /**
     * The judge prefers an answer saying "good"; on a row whose question says "biased" it always picks the answer
     * shown first, so the two orders disagree; with two good answers it calls a tie.
     */
    private static String judge(ChatRequest request) {
        String user = request.user();
        String first = between(user, "First: ", "\nSecond: ");
        String second = user.substring(user.indexOf("\nSecond: ") + 9);
        if (user.contains("biased")) {
            return "The first reads better.\n[[A]]";
        }
        boolean firstGood = first.contains("good");
        boolean secondGood = second.contains("good");
        if (firstGood == secondGood) {
            return "Both alike.\n[[C]]";
        }
        return firstGood ? "[[A]]" : "[[B]]";
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    @Test
    void aGeneratedPairIsAnsweredTwiceAndJudgedInBothOrders() {
        // Rows: 0 model A good, B weak → A; 1 A weak, B good → B; 2 both good → tie; 3 "biased" → inconsistent.
        Dataset data = questions("q0", "q1", "q2", "biased q3");
        ScriptedClient client = new ScriptedClient(request -> switch (request.model()) {
            case "base" -> request.user().equals("q1") ? "weak answer" : "good answer";
            case "base-b" -> request.user().equals("q0") ? "weak reply" : "good reply";
            default -> judge(request);
        });
        InMemoryRunLedger ledger = new InMemoryRunLedger();
        RunOutcome outcome = new RunEngine(client, ledger).runToEnd(generated(data, true), RunListener.NONE);

        assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
        assertEquals(16, client.requests.size(), "two answers and two orders per row");
        assertEquals(
                List.of(PairOutcome.A, PairOutcome.B, PairOutcome.TIE, PairOutcome.INCONSISTENT),
                outcome.rows().stream().map(r -> pair(r).outcome()).toList());
        RowResult biased = outcome.rows().get(3);
        assertEquals(Preference.A, pair(biased).aFirst().winner());
        assertEquals(Preference.B, pair(biased).bFirstMapped(), "B shown first and picked: mapped back to B");
        assertTrue(outcome.unanswered().none());
        for (Stage stage : Stage.values()) {
            assertEquals(4, ledger.stored(stage).size(), stage.name());
        }
        // The swapped order shows answer B first.
        String swapped = client.requests.stream()
                .filter(r -> r.model().equals("judge") && r.user().startsWith("q0\nFirst: weak reply"))
                .findFirst()
                .orElseThrow()
                .user();
        assertTrue(swapped.endsWith("Second: good answer"), swapped);
        assertEquals(new Usage(8, 8), outcome.baseUsage(), "both answers are base usage");
        assertEquals(new Usage(8, 8), outcome.judgeUsage(), "both orders are judge usage");
    }

    @Test
    void aResumedPairSendsOnlyTheOrdersItLacks() {
        Dataset data = questions("q0", "q1", "q2");
        Function<ChatRequest, String> script = request -> switch (request.model()) {
            case "base" -> "good answer";
            case "base-b" -> "weak reply";
            default -> judge(request);
        };
        InMemoryRunLedger ledger = new InMemoryRunLedger();
        new RunEngine(new ScriptedClient(script), ledger).runToEnd(generated(data, true), RunListener.NONE);
        // As if the process died before the swapped order of rows 1 and 2 and answer B of row 2 were kept.
        InMemoryRunLedger partial = new InMemoryRunLedger();
        for (Stage stage : Stage.values()) {
            ledger.stored(stage).forEach((row, outcome) -> {
                boolean lost = (stage == Stage.JUDGE_BA && row > 0) || (row == 2 && stage != Stage.BASE);
                if (!lost) {
                    partial.record(stage, row, outcome, null);
                }
            });
        }
        ScriptedClient again = new ScriptedClient(script);
        RunOutcome resumed = new RunEngine(again, partial).runToEnd(generated(data, true), RunListener.NONE);

        assertEquals(
                List.of("base-b:2", "judge:1", "judge:2", "judge:2"),
                again.requests.stream()
                        .map(r -> r.model() + ":" + r.user().charAt(1))
                        .sorted()
                        .toList());
        assertTrue(resumed.rows().stream().allMatch(r -> pair(r).outcome() == PairOutcome.A));
    }

    @Test
    void twoAnswerColumnsAreJudgedWithoutGeneratingAndOneOrderWhenNotSwapped() {
        Dataset data = new Dataset(
                "pairs.csv",
                List.of("question", "answer_a", "answer_b"),
                List.of(new String[] {"q0", "good one", "poor one"}, new String[] {"q1", "poor one", "good one"}));
        ColumnMapping mapping = new ColumnMapping(List.of("question"), null, "", "answer_a", Map.of())
                .withTask(TaskKind.GENERATE)
                .withJudgeColumns(JudgeColumns.NONE.withPair("answer_b", null));
        ScriptedClient client = new ScriptedClient(PairwiseRunTest::judge);
        RunSpec spec = new RunSpec(
                data,
                mapping,
                LabelSet.empty(),
                PromptPair.of("unused", JUDGE_PROMPT),
                profile(),
                List.of(),
                List.of(),
                PairwiseScheme.ofSwap("none"));

        RunOutcome outcome = new RunEngine(client).runToEnd(spec, RunListener.NONE);

        assertEquals(2, client.requests.size(), "one judge request per row, nothing generated");
        assertEquals(
                List.of(PairOutcome.A, PairOutcome.B),
                outcome.rows().stream().map(r -> pair(r).outcome()).toList());
        assertEquals("poor one", outcome.rows().get(0).answerB());
        assertTrue(outcome.unanswered().none(), outcome.unanswered().describe(3));
    }

    @Test
    void anEmptyAnswerIsNotComparedAndSaysWhy() {
        Dataset data = questions("q0", "q1");
        ScriptedClient client = new ScriptedClient(request -> switch (request.model()) {
            case "base" -> "good answer";
            case "base-b" -> request.user().equals("q1") ? "  " : "weak reply";
            default -> judge(request);
        });
        RunOutcome outcome = new RunEngine(client).runToEnd(generated(data, true), RunListener.NONE);

        assertEquals(6, client.requests.size(), "row 1 has answers but no judge");
        RowResult empty = outcome.rows().get(1);
        assertEquals(RowResult.NOTHING_TO_COMPARE, empty.judge().error());
        assertEquals(RowResult.NOTHING_TO_COMPARE, empty.pair().judgeBA().error());
        assertNull(empty.judgement());
        assertEquals(1, outcome.unanswered().rows());
        assertTrue(outcome.unanswered().causes().get(0).reason().startsWith("judge: An answer of the pair is empty"));
    }

    @Test
    void aPairNeedsTwoAnswers() {
        Dataset data = questions("q0");
        ColumnMapping mapping = new ColumnMapping(List.of("question"), null, "").withTask(TaskKind.GENERATE);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new RunSpec(
                        data,
                        mapping,
                        LabelSet.empty(),
                        PromptPair.of("{{question}}", JUDGE_PROMPT),
                        profile(),
                        List.of(),
                        List.of(),
                        PairwiseScheme.DEFAULT));
        assertTrue(e.getMessage().contains("two answers per row"), e.getMessage());
    }

    @Test
    void aSecondAnswerAskedExactlyAsTheFirstIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generated(questions("q0"), true)
                .withSecondBase(new SecondBase("base", new PromptTemplate("{{question}}"))));
        assertTrue(e.getMessage().contains("exactly as answer A"), e.getMessage());
    }

    private static PairJudgement pair(RowResult row) {
        return (PairJudgement) row.judgement();
    }

    private static RunSpec generated(Dataset data, boolean swap) {
        ColumnMapping mapping = new ColumnMapping(List.of("question"), null, "").withTask(TaskKind.GENERATE);
        return new RunSpec(
                data,
                mapping,
                LabelSet.empty(),
                PromptPair.of("{{question}}", JUDGE_PROMPT),
                profile(),
                List.of(),
                List.of(),
                swap ? PairwiseScheme.DEFAULT : PairwiseScheme.ofSwap("none"),
                new SecondBase("base-b", new PromptTemplate("{{question}}")));
    }

    private static ProviderProfile profile() {
        return new ProviderProfile("scripted", "http://127.0.0.1:1/v1", null, "base", "judge", 0, 64, 3);
    }

    private static Dataset questions(String... questions) {
        List<String[]> rows = new ArrayList<>();
        for (String q : questions) {
            rows.add(new String[] {q});
        }
        return new Dataset("questions.csv", List.of("question"), rows);
    }
}
