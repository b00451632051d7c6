package io.arbiter.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.export.ReliabilityJson;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.InMemoryRunLedger;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JudgeReliability;
import io.arbiter.core.run.JudgeSetup;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.offline.OfflineServer;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.ResultsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Judge reliability" card shows the numbers the CLI prints and run --json writes: for a jury of the three demo
 * judges asked twice, the card's figures are {@link JudgeReliability}'s over the same rows, and its JSON export holds
 * {@link ReliabilityJson}'s keys with the same values.
 */
class ReliabilityCardTest {

    private static final List<String> JURORS =
            List.of("offline-demo-judge", "offline-demo-judge-2", "offline-demo-judge-3");

    @TempDir
    Path dir;

    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private final ResultsViewModel results = new ResultsViewModel(executor);
    private final AnalysisViewModel model = new AnalysisViewModel(executor, results, () -> {});

    @Test
    void theCardShowsTheFiguresTheCliAndTheJsonGive() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            Dataset data = MovieRuns.movies(30);
            RunSpec spec = spec(data, server).withPanel(JudgePanel.of(JURORS, 2, false));
            RunOutcome outcome;
            try (ChatClient client = new OpenAiChatClient(spec.provider())) {
                outcome = new RunEngine(client, new InMemoryRunLedger()).runToEnd(spec, RunListener.NONE);
            }
            results.show(data, spec.mapping());
            model.useJudging(JudgeSetup.of(spec));
            results.finish(outcome.rows(), outcome.metrics());

            ReliabilitySection card = model.reliabilityProperty().get();
            assertNotNull(card);
            // Independently: the core's figures over the same rows, rated against the truth as the screen rates them.
            List<RatedRow> rated = outcome.rows().stream()
                    .map(r -> AnalysisViewModel.Against.TRUTH.rate(RatedRow.of(r.scored())))
                    .toList();
            JudgeReliability expected = JudgeReliability.of(JudgeSetup.of(spec), outcome.rows(), rated);
            assertEquals(expected.repeats().flipRate(), card.flipRate().bar().estimate());
            assertTrue(card.repeatLine().startsWith(expected.repeats().repeatedRows() + " rows judged 2 times"));
            assertEquals(
                    expected.jury().jurors().stream()
                            .map(j -> j.kappa().format())
                            .toList(),
                    card.jurors().subList(0, 3).stream()
                            .map(ReliabilitySection.JurorLine::kappa)
                            .toList());
            assertEquals(
                    JURORS,
                    card.jurors().subList(0, 3).stream()
                            .map(ReliabilitySection.JurorLine::model)
                            .toList());
            assertEquals(
                    expected.jury().jury().kappa().format(),
                    card.jurors().get(3).kappa());
            assertEquals(3, card.matrix().size());
            assertEquals(4, card.quartiles().size());
            assertEquals(
                    expected.length().byQuartile().get(0),
                    card.quartiles().get(0).estimate());
            assertNull(card.position(), "not a pairwise run");

            ObjectNode cardJson = new ObjectMapper().createObjectNode();
            ReliabilityJson.put(cardJson, card.reliability());
            ObjectNode expectedJson = new ObjectMapper().createObjectNode();
            ReliabilityJson.put(expectedJson, expected);
            assertEquals(expectedJson, cardJson, "the card's figures are the JSON's");

            Path file = dir.resolve("metrics.json");
            model.exportJson(file).get();
            JsonNode exported = new ObjectMapper().readTree(Files.readString(file));
            assertEquals(expectedJson.get("flip_rate"), exported.get("flip_rate"));
            assertEquals(expectedJson.get("jury_kappa"), exported.get("jury_kappa"));
            // As text: read back, a count is an int where it was written as a long.
            assertEquals(
                    expectedJson.get("jurors").toString(),
                    exported.get("jurors").toString());
            assertTrue(exported.has("kappa"), "beside the metrics");
        }
    }

    @Test
    void aRunJudgedOnceByOneModelSaysHowToSeeEachPart() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            Dataset data = MovieRuns.movies(8);
            RunSpec spec = spec(data, server);
            RunOutcome outcome;
            try (ChatClient client = new OpenAiChatClient(spec.provider())) {
                outcome = new RunEngine(client, new InMemoryRunLedger()).runToEnd(spec, RunListener.NONE);
            }
            results.show(data, spec.mapping());
            results.finish(outcome.rows(), outcome.metrics());

            ReliabilitySection card = model.reliabilityProperty().get();
            assertNull(card.flipRate());
            assertEquals(ReliabilitySection.JUDGED_ONCE, card.repeatLine());
            assertTrue(card.jurors().isEmpty());
            assertEquals(ReliabilitySection.ONE_JUROR, card.juryLine());
        }
    }

    private static RunSpec spec(Dataset data, OfflineServer server) {
        ProviderProfile profile = new ProviderProfile(
                "offline", server.baseUrl().toString(), null, "offline-demo-base", "offline-demo-judge", 0.7, 64, 4);
        return RunSpec.of(
                data,
                Samples.moviesMapping(),
                PromptPair.of(Samples.text(Samples.MOVIES_BASE_PROMPT), Samples.text(Samples.MOVIES_JUDGE_PROMPT)),
                profile);
    }
}
