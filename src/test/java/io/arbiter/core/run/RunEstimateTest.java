package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.TokenCounter;
import io.arbiter.core.prompt.PromptPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunEstimateTest {

    private static final PromptPair PROMPTS =
            PromptPair.of("Pick one of {{labels}}.\n[user]\n{{Text}}", "Judge.\n[user]\n{{Text}} \"{{base_answer}}\"");
    private static final ProviderProfile PROFILE =
            new ProviderProfile("p", "http://127.0.0.1:1/v1", null, "b", "j", 0, 16, 1);

    @Test
    void tokensAreCountedTheWayOpenAiCountsThem() {
        assertEquals(2, TokenCounter.count("hello world"));
        assertEquals(0, TokenCounter.count(""));
        // 3 priming + 4 per message × 2 + the two texts
        assertEquals(3 + 4 + 2 + 4 + 2, TokenCounter.prompt("hello world", "hello world"));
    }

    @Test
    void identicalRowsScaleExactlyFromTheSample() {
        RunSpec spec = spec(5_000);
        RunEstimate estimate = RunEstimate.of(spec);
        assertEquals(2_000, estimate.sampledRows());
        int perRowBase = TokenCounter.prompt("Pick one of Comedy, Drama.", "A heist in Lisbon.");
        int perRowJudge = TokenCounter.prompt("Judge.", "A heist in Lisbon. \"Comedy\"");
        assertEquals(5_000L * perRowBase, estimate.baseInput());
        assertEquals(5_000L * perRowJudge, estimate.judgeInput());
        assertEquals(5_000L * (TokenCounter.count("Comedy") + 1), estimate.baseOutput());
        assertTrue(estimate.describe().contains("from 2,000 sampled rows"), estimate.describe());
    }

    @Test
    void costNeedsEveryPriceAndIsPricedPerMillion() {
        RunEstimate estimate = new RunEstimate(10, 10, 1_000_000, 10, 2_000_000, 20);
        assertTrue(estimate.cost(new io.arbiter.core.llm.TokenPrices(0.15, 0.6, null, 10.0))
                .isEmpty());
        // 1M × 0.15 + 10 × 0.6 + 2M × 2.5 + 20 × 10, per million: 0.15 + 0.000006 + 5 + 0.0002
        assertEquals(
                5.150206,
                estimate.cost(new io.arbiter.core.llm.TokenPrices(0.15, 0.6, 2.5, 10.0))
                        .getAsDouble(),
                1e-9);
    }

    @Test
    void aJurorOnAProviderOfItsOwnIsPricedThereForItsShareOfTheJudgesTokens() {
        // Three jurors: the run's judge and one more at the run's provider, one at a provider of its own.
        RunEstimate estimate = new RunEstimate(10, 10, 1_000_000, 0, 3_000_000, 30);
        io.arbiter.core.llm.TokenPrices run = new io.arbiter.core.llm.TokenPrices(0.15, 0.6, 2.5, 10.0);
        io.arbiter.core.llm.TokenPrices own = new io.arbiter.core.llm.TokenPrices(0.0, 0.0, 0.5, 1.0);
        JurorPrices prices = new JurorPrices(run, java.util.Arrays.asList(null, null, own));
        // By hand, per million: base 1M × 0.15 = 0.15; two jurors' 2M in + 20 out at 2.5 / 10 = 5 + 0.0002; the
        // third's 1M in + 10 out at 0.5 / 1 = 0.5 + 0.00001.
        assertEquals(
                0.15 + 5.0002 + 0.50001,
                estimate.cost(prices, 3, CachedRows.NONE).getAsDouble(),
                1e-9);
        assertEquals(
                estimate.cost(run).getAsDouble(),
                estimate.cost(JurorPrices.alike(run), 3, CachedRows.NONE).getAsDouble(),
                1e-9,
                "every juror at the run's provider: the plain price");
    }

    @Test
    void aJurorAddedToACachedPanelPaysForAllItsOwnVotesAtItsOwnPrices() {
        RunEstimate estimate = new RunEstimate(10, 10, 1_000_000, 0, 2_000_000, 20);
        io.arbiter.core.llm.TokenPrices run = new io.arbiter.core.llm.TokenPrices(0.15, 0.6, 2.5, 10.0);
        io.arbiter.core.llm.TokenPrices own = new io.arbiter.core.llm.TokenPrices(0.0, 0.0, 0.5, 1.0);
        JurorPrices prices = new JurorPrices(run, java.util.Arrays.asList(null, own));
        // Every row's base answer and the run's judge cached; the juror at its own provider has none of its 10 votes.
        CachedRows cached = new CachedRows(10, 10, 10, 2, List.of(10, 0));
        // By hand, per million: nothing at the run's prices; the juror's half, 1M in + 10 out, at 0.5 / 1.
        assertEquals(0.5 + 0.00001, estimate.cost(prices, 2, cached).getAsDouble(), 1e-9);
    }

    @Test
    void rowsTheCacheAnswersAreFreeAndTheBatchApiHalvesThePrice() {
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cells.add(new String[] {"A heist in Lisbon, take " + i + ".", "Comedy"});
        }
        RunSpec spec = RunSpec.of(
                new Dataset("d.csv", List.of("Text", "Truth"), cells),
                new ColumnMapping(List.of("Text"), "Truth", ","),
                PROMPTS,
                PROFILE);
        StageRequests requests = new StageRequests(spec);
        io.arbiter.core.llm.InMemoryResponseCache cache = new io.arbiter.core.llm.InMemoryResponseCache();
        String identity = PROFILE.baseUrl();
        // Rows 0-3 have their base answer cached, rows 0 and 1 their verdict on it too.
        for (int row = 0; row < 4; row++) {
            cache.cache(
                    io.arbiter.core.llm.RequestKey.of(identity, requests.base(row)),
                    new io.arbiter.core.llm.ChatReply("Comedy", io.arbiter.core.llm.Usage.NONE));
        }
        for (int row = 0; row < 2; row++) {
            cache.cache(
                    io.arbiter.core.llm.RequestKey.of(identity, requests.judge(row, "Comedy")),
                    new io.arbiter.core.llm.ChatReply("Comedy,Correct", io.arbiter.core.llm.Usage.NONE));
        }

        CachedRows cached = CachedRows.of(spec, identity, cache);
        assertEquals(new CachedRows(10, 4, 2), cached);
        assertEquals(
                new CachedRows(10, 0, 0), CachedRows.of(spec, "http://another.example/v1", cache), "another provider");

        RunEstimate whole = RunEstimate.of(spec);
        RunEstimate left = whole.less(cached);
        // Rows count alike (one digit differs): 6 of 10 base requests and 8 of 10 judge requests are still to send.
        assertEquals(Math.round(whole.baseInput() * 0.6), left.baseInput());
        assertEquals(Math.round(whole.judgeInput() * 0.8), left.judgeInput());
        assertEquals(Math.round(whole.judgeOutput() * 0.8), left.judgeOutput());

        // A jury of two: row 0's second juror is cached too, so 3 of the 20 votes on the sampled rows are free.
        RunSpec jury = spec.withPanel(new JudgePanel(List.of("juror-2"), 1, false));
        cache.cache(
                io.arbiter.core.llm.RequestKey.of(
                        identity, new StageRequests(jury).judge(Stage.vote(1, 0), 0, "Comedy")),
                new io.arbiter.core.llm.ChatReply("Comedy,Correct", io.arbiter.core.llm.Usage.NONE));
        CachedRows juryCached = CachedRows.of(jury, identity, cache);
        assertEquals(new CachedRows(10, 4, 3, 2, List.of(2, 1)), juryCached, "the judge's 2 votes, the juror's 1");
        RunEstimate juryWhole = RunEstimate.of(jury);
        assertEquals(
                Math.round(juryWhole.judgeInput() * 0.85),
                juryWhole.less(juryCached).judgeInput());

        io.arbiter.core.llm.TokenPrices prices = new io.arbiter.core.llm.TokenPrices(0.15, 0.6, 2.5, null);
        assertEquals(
                new io.arbiter.core.llm.TokenPrices(0.075, 0.3, 1.25, null),
                prices.times(io.arbiter.core.llm.TokenPrices.BATCH_SHARE));
    }

    @Test
    void aGeneratedPairAsksTwoAnswersAndBothOrdersTwoVerdictsARow() {
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cells.add(new String[] {"Reset?", "Unplug it.", "Hold the button."});
        }
        Dataset data = new Dataset("p.csv", List.of("question", "a", "b"), cells);
        PromptPair prompts =
                PromptPair.of("Answer.\n[user]\n{{question}}", "Judge.\n[user]\n{{answer_a}} {{answer_b}}");
        RunSpec generated = new RunSpec(
                data,
                new ColumnMapping(List.of("question"), null, ","),
                io.arbiter.core.dataset.LabelSet.empty(),
                prompts,
                PROFILE,
                List.of(),
                List.of(),
                io.arbiter.core.scheme.PairwiseScheme.DEFAULT,
                new SecondBase("b2", new io.arbiter.core.prompt.PromptTemplate("Briefly.\n[user]\n{{question}}")));
        RunEstimate estimate = RunEstimate.of(generated);
        int baseA = TokenCounter.prompt("Answer.", "Reset?");
        int baseB = TokenCounter.prompt("Briefly.", "Reset?");
        int judge = TokenCounter.prompt("Judge.", "Answer Answer");
        assertEquals(10L * (baseA + baseB), estimate.baseInput());
        assertEquals(10L * 2 * judge, estimate.judgeInput(), "both orders");
        assertEquals(2 * 10L * (TokenCounter.count("Answer") + 1), estimate.baseOutput());

        RunSpec columns = new RunSpec(
                data,
                new ColumnMapping(List.of("question"), null, ",", "a", java.util.Map.of())
                        .withJudgeColumns(io.arbiter.core.dataset.JudgeColumns.NONE.withPair("b", null)),
                io.arbiter.core.dataset.LabelSet.empty(),
                prompts,
                PROFILE,
                List.of(),
                List.of(),
                new io.arbiter.core.scheme.PairwiseScheme(false));
        RunEstimate judgeOnly = RunEstimate.of(columns);
        assertEquals(0, judgeOnly.baseInput() + judgeOnly.baseOutput(), "both answers are in the dataset");
        assertEquals(10L * judge, judgeOnly.judgeInput(), "A shown first only");
    }

    private static RunSpec spec(int rows) {
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            cells.add(new String[] {"A heist in Lisbon.", i % 2 == 0 ? "Drama" : "Comedy"});
        }
        Dataset data = new Dataset("d.csv", List.of("Text", "Truth"), cells);
        return RunSpec.of(data, new ColumnMapping(List.of("Text"), "Truth", ","), PROMPTS, PROFILE);
    }
}
