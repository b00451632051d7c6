package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.prompt.PromptTemplate;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.PairwiseScheme;
import io.arbiter.core.store.ProjectRunLedger;
import io.arbiter.core.verdict.PairJudgement;
import io.arbiter.core.verdict.Preference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pairwise run kept in a project reads back as it ran: both answers, both orders, people's preferences. */
class PairwiseProjectTest {

    @TempDir
    Path dir;

    private static final ColumnMapping MAPPING = new ColumnMapping(List.of("question"), null, "")
            .withTask(TaskKind.GENERATE)
            .withJudgeColumns(JudgeColumns.NONE.withPair(null, "preferred"));

    /** Four questions; people preferred A, B, a tie, and said nothing about the last. */
    private static Dataset dataset() {
        return new Dataset(
                "pairs.csv",
                List.of("question", "preferred"),
                List.of(
                        new String[] {"q0", "A"},
                        new String[] {"q1", "model_b"},
                        new String[] {"q2", "tie"},
                        new String[] {"q3", ""}));
    }

    private static RunSpec spec(Dataset data) {
        return new RunSpec(
                data,
                MAPPING,
                LabelSet.empty(),
                PromptPair.of("{{question}}", "Pick.\n[user]\n{{question}}|{{answer_a}}|{{answer_b}}"),
                new ProviderProfile("scripted", "http://127.0.0.1:1/v1", null, "base", "judge", 0, 64, 2),
                List.of(),
                List.of(),
                PairwiseScheme.DEFAULT,
                new SecondBase("base-b", new PromptTemplate("Briefly: {{question}}")));
    }

    @Test
    void aRecordedPairReadsBackWithBothOrdersAndPeoplesPreferences() throws Exception {
        Path file = dir.resolve("pairs.arbiter");
        Dataset data = dataset();
        RunOutcome live;
        long runId;
        String sha;
        try (Project project = Project.open(file)) {
            sha = project.saveDataset(data).sha256();
            project.saveMapping(MAPPING);
            RunSpec spec = spec(data);
            runId = project.store().createRun(RunSpecJson.of(spec, sha, "scripted"));
            project.describeRun(runId, spec, sha, "realtime");
            project.saveSecondBase(spec.secondBase());
            live = new RunEngine(new Judge(), new ProjectRunLedger(project.store(), runId))
                    .runToEnd(spec, RunListener.NONE);
            project.finishRun(runId, live, null);
        }
        try (Project project = Project.open(file)) {
            assertEquals(PairwiseScheme.DEFAULT, project.scheme(runId));
            assertEquals(
                    Optional.of(new SecondBase("base-b", new PromptTemplate("Briefly: {{question}}"))),
                    project.secondBase());
            List<RowResult> stored = project.rows(runId);
            for (int row = 0; row < 4; row++) {
                RowResult was = live.rows().get(row);
                RowResult is = stored.get(row);
                assertEquals(was.answerB(), is.answerB(), "row " + row);
                assertEquals(pair(was).outcome(), pair(is).outcome(), "row " + row);
                assertEquals(was.pair().judgeBA().text(), is.pair().judgeBA().text(), "row " + row);
            }
            // The judge prefers the longer answer, so A ("full answer to qN") wins everywhere but row 3, where it
            // picks whichever is shown first.
            PairFigures figures = project.scheme(runId)
                    .figures(project.ratings(runId).rateAll(stored))
                    .pairs();
            assertEquals(3, figures.aWins());
            assertEquals(1, figures.inconsistent());
            assertEquals(3, figures.humanN(), "row 3 has no preference");
            assertEquals(1.0 / 3, figures.humanAgreement().point().orElseThrow(), 1e-9, "only row 0 agrees");

            // A reviewer's preference on the row's pair takes the dataset's place.
            RowResult row1 = stored.get(1);
            project.saveVerdict(
                    sha,
                    1,
                    HumanVerdict.preferring(
                            Preference.A, "", "ann", Instant.EPOCH, io.arbiter.core.run.RowRatings.judgedAnswer(row1)));
        }
        try (Project project = Project.open(file)) {
            HumanVerdict kept = project.store().verdicts(sha).get(1);
            assertEquals(Preference.A, kept.preference());
            PairFigures figures = project.scheme(runId)
                    .figures(project.ratings(runId).rateAll(project.rows(runId)))
                    .pairs();
            assertEquals(2.0 / 3, figures.humanAgreement().point().orElseThrow(), 1e-9, "rows 0 and 1 agree now");
        }
    }

    @Test
    void theSecondAnswersConfigurationIsPartOfWhatARunIs() {
        Dataset data = dataset();
        RunSpec spec = spec(data);
        RunSpec otherB = spec.withSecondBase(new SecondBase("base-c", new PromptTemplate("Briefly: {{question}}")));
        assertNotEquals(RunSpecJson.of(spec, "sha", "p"), RunSpecJson.of(otherB, "sha", "p"));
        assertTrue(RunSpecJson.of(spec, "sha", "p").contains("\"scheme\":\"pairwise:both\""));
    }

    private static PairJudgement pair(RowResult row) {
        return (PairJudgement) row.judgement();
    }

    /** Base models answer; the judge prefers the longer answer, or on q3 whichever is shown first. */
    private static final class Judge implements ChatClient {

        @Override
        public ChatReply complete(ChatRequest request) {
            String text =
                    switch (request.model()) {
                        case "base" -> "full answer to " + request.user();
                        case "base-b" -> "short";
                        default -> {
                            String[] parts = request.user().split("\\|");
                            if (parts[0].equals("q3")) {
                                yield "[[A]]";
                            }
                            yield parts[1].length() >= parts[2].length() ? "[[A]]" : "[[B]]";
                        }
                    };
            return new ChatReply(text, new Usage(1, 1));
        }

        @Override
        public List<String> models() {
            return List.of("base", "base-b", "judge");
        }

        @Override
        public void close() {}
    }
}
