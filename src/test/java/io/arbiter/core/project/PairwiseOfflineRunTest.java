package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.prompt.PromptTemplate;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.offline.OfflineServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled pairwise sample through the offline server, recorded in a project as both faces record runs: the demo
 * judge's position bias shows in the figures, each order is one request, and running again sends nothing answered.
 */
class PairwiseOfflineRunTest {

    @TempDir
    Path dir;

    private static final ColumnMapping COLUMNS = new ColumnMapping(List.of("question"), null, "", "answer_a", Map.of())
            .withTask(TaskKind.GENERATE)
            .withJudgeColumns(new JudgeColumns("reference", null, null).withPair("answer_b", "human_preference"));

    @Test
    void theSamplesColumnsAreJudgedInBothOrdersAndTheBiasShows() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            Dataset sample = Samples.pairwise();
            RunSpec spec = spec(server, sample, COLUMNS, null);
            Path file = dir.resolve("pairs.arbiter");
            RunOutcome outcome = run(file, spec, RunMode.REALTIME, false);

            assertEquals(2L * sample.size(), server.counters().chatAttempts(), "one request per row and order");
            assertTrue(outcome.unanswered().none(), outcome.unanswered().describe(3));
            run(file, spec, RunMode.REALTIME, true);
            assertEquals(2L * sample.size(), server.counters().chatAttempts(), "the resumed run sends nothing again");
            try (Project project = Project.open(file)) {
                long runId = project.runs().get(0).id();
                PairFigures figures = project.scheme(runId)
                        .figures(project.ratings(runId).rateAll(project.rows(runId)))
                        .pairs();
                assertEquals(sample.size(), figures.rows());
                assertTrue(figures.positionConsistency().point().orElseThrow() < 0.95, figures.toString());
                assertTrue(figures.firstPositionRate().point().orElseThrow() > 0.5, figures.toString());
                assertTrue(figures.humanAgreement().point().orElseThrow() > 0.5, figures.toString());
            }
        }
    }

    @Test
    void aGeneratedPairRunsAsBatchesAndResumesWithoutSendingAnOrderAgain() throws Exception {
        try (OfflineServer server = OfflineServer.start(0)) {
            Dataset sample = Samples.pairwise();
            ColumnMapping generated = new ColumnMapping(List.of("question"), null, "")
                    .withTask(TaskKind.GENERATE)
                    .withJudgeColumns(new JudgeColumns("reference", null, null).withPair(null, "human_preference"));
            RunSpec spec = spec(
                            server,
                            sample,
                            generated,
                            new SecondBase(
                                    "offline-demo-base",
                                    new PromptTemplate(Samples.text(Samples.PAIRWISE_BASE_PROMPT_B))))
                    .withSelection(IntStream.range(0, 12).boxed().toList());
            Path file = dir.resolve("generated.arbiter");
            RunOutcome outcome = run(file, spec, RunMode.BATCH, false);

            assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.stopReason());
            long answered = outcome.rows().stream().filter(r -> r.answered()).count();
            assertEquals(12, answered, outcome.unanswered().describe(3));
            assertTrue(
                    outcome.rows().stream().noneMatch(r -> r.base().text().equals(r.answerB())),
                    "the brief prompt answers otherwise");
            long lines = server.counters().batchLinesProcessed();
            assertEquals(4L * 12, lines, "two answers and two orders per row, each its own line");

            run(file, spec, RunMode.BATCH, true);
            assertEquals(lines, server.counters().batchLinesProcessed(), "the resumed run sends no line again");
        }
    }

    private static RunSpec spec(OfflineServer server, Dataset data, ColumnMapping mapping, SecondBase second) {
        ProviderProfile profile = new ProviderProfile(
                "Offline", server.baseUrl().toString(), null, "offline-demo-base", "offline-demo-judge", 0.0, 64, 4);
        return new RunSpec(
                data,
                mapping,
                LabelSet.empty(),
                PromptPair.of(Samples.text(Samples.PAIRWISE_BASE_PROMPT), Samples.text(Samples.PAIRWISE_JUDGE_PROMPT)),
                profile,
                List.of(),
                List.of(),
                PairwiseScheme.DEFAULT,
                second);
    }

    /** Runs the spec in the project; {@code finish} false leaves it unfinished, as a killed process would. */
    private static RunOutcome run(Path file, RunSpec spec, RunMode mode, boolean finish) throws Exception {
        try (Project project = Project.open(file)) {
            RunRecorder recorder = new RunRecorder();
            Recording recording =
                    recorder.begin(project, new RunStart(spec, "pairwise.csv", null, RunRecorder.OFFLINE, mode));
            try (RunClients clients = mode == RunMode.BATCH
                    ? RunClients.batch(
                            spec.provider(),
                            RunRecorder.OFFLINE,
                            null,
                            new RunClients.Batches(
                                    recording.ledger(), recording.runId(), file, Duration.ofMillis(20), null),
                            recording.ledger())
                    : RunClients.realtime(spec.provider(), RunRecorder.OFFLINE, null, null, recording.ledger())) {
                RunOutcome outcome = clients.engine().runToEnd(spec, RunListener.NONE);
                if (finish) {
                    recorder.finish(recording, outcome);
                } else {
                    assertTrue(!recording.resumed(), "the first attempt");
                }
                return outcome;
            }
        }
    }
}
