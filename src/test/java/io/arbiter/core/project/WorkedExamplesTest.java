package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.store.StoredResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's worked examples are in its judge prompt, so its stored figures and comparisons leave them out. */
class WorkedExamplesTest {

    @TempDir
    Path dir;

    @Test
    void theStoredFiguresAndTheComparisonCountOnlyTheMeasuredRows() throws Exception {
        try (Project project = Project.open(dir.resolve("examples.arbiter"))) {
            project.saveDataset(VersionTwoFixture.ROWS, null, "rows");
            project.saveMapping(VersionTwoFixture.MAPPING);
            ProviderProfile profile = new ProviderProfile("p", "http://127.0.0.1:1/v1", null, "b", "j", 0, 64, 4);
            RunSpec spec = RunSpec.of(
                            VersionTwoFixture.ROWS,
                            VersionTwoFixture.MAPPING,
                            PromptPair.of(VersionTwoFixture.BASE, VersionTwoFixture.JUDGE + " {{examples}}"),
                            profile)
                    .withExamples(List.of(new FewShotExample(0, "Western", true, "Western")));
            long a = run(project, spec, "Western,Correct", "Drama,Correct", "Comedy,Incorrect");
            long b = run(project, spec, "Western,Incorrect", "Drama,Correct", "Comedy,Correct");

            assertEquals(Set.of(0), project.examples(a));
            // Rows 1 and 2 only: base Drama right and Drama wrong (truth Comedy), both judged.
            assertEquals(2, project.run(a).orElseThrow().rows());
            assertEquals(
                    0.5, project.run(a).orElseThrow().metric("base_vs_truth").orElseThrow(), 1e-9);
            PairedFigures comparison = project.compare(a, b);
            assertEquals(
                    List.of(2),
                    comparison.flips().stream().map(PairedFigures.Flip::row).toList(),
                    "row 0 flipped too, but it is an example");
            assertEquals(2, comparison.pairedRows());
        }
    }

    @Test
    void aProjectGivesTheExamplesOfItsReviewOverTheRowsOfItsLatestEndedRun() throws Exception {
        try (Project project = Project.open(dir.resolve("review.arbiter"))) {
            project.saveDataset(VersionTwoFixture.ROWS, null, "rows");
            project.saveMapping(VersionTwoFixture.MAPPING);
            project.saveHeldOutShare(0); // every row promotable: the held-out rows are HeldOutProjectTest's
            assertEquals(
                    List.of(),
                    WorkedExamples.of(
                            project, "rows", VersionTwoFixture.ROWS, VersionTwoFixture.MAPPING, JudgeSchemes.DEFAULT));
            java.time.Instant at = java.time.Instant.EPOCH;
            project.saveVerdict("rows", 2, new HumanVerdict(true, "", "ana", at, "Comedy"));
            project.saveVerdict("rows", 1, new HumanVerdict(false, "", "ana", at)); // given before answers were kept
            project.setPromoted("rows", 2, true);
            project.setPromoted("rows", 1, true);
            project.setPromoted("rows", 0, true); // no verdict: no example

            // No run yet: the rows are pending, as the table shows them; the truth is read with the renames.
            assertEquals(
                    List.of(new FewShotExample(2, "Comedy", true, "Comedy"), new FewShotExample(1, "", false, "Drama")),
                    WorkedExamples.of(
                            project, "rows", VersionTwoFixture.ROWS, VersionTwoFixture.MAPPING, JudgeSchemes.DEFAULT));

            ProviderProfile profile = new ProviderProfile("p", "http://127.0.0.1:1/v1", null, "b", "j", 0, 64, 4);
            RunSpec spec = RunSpec.of(
                    VersionTwoFixture.ROWS,
                    VersionTwoFixture.MAPPING,
                    PromptPair.of(VersionTwoFixture.BASE, VersionTwoFixture.JUDGE),
                    profile);
            long ended = run(project, spec, "Western,Correct", "Drama,Correct", "Comedy,Incorrect");
            long killed = project.store().createRun("{\"killed\":true}"); // started later, never ended: not shown
            project.describeRun(killed, spec, "rows", "realtime");
            project.store()
                    .recordResponse(new StoredResponse(killed, Stage.BASE, 1, "Western", null, Usage.NONE, "k1"));

            assertEquals(java.util.OptionalLong.of(ended), WorkedExamples.shownRun(project, "rows"));
            assertEquals(
                    List.of(
                            new FewShotExample(2, "Comedy", true, "Comedy"),
                            new FewShotExample(1, "Drama", false, "Drama")),
                    WorkedExamples.of(
                            project, "rows", VersionTwoFixture.ROWS, VersionTwoFixture.MAPPING, JudgeSchemes.DEFAULT),
                    "the answer the reviewer saw, from the run the workbench shows");
            assertEquals(java.util.OptionalLong.empty(), WorkedExamples.shownRun(project, "other rows"));
        }
    }

    private static long run(Project project, RunSpec spec, String... verdicts) {
        long run = project.store().createRun("{\"n\":" + System.nanoTime() + "}");
        project.describeRun(run, spec, "rows", "realtime");
        String[] answers = {"Western", "Drama", "Drama"};
        for (int row = 0; row < 3; row++) {
            project.store()
                    .recordResponse(
                            new StoredResponse(run, Stage.BASE, row, answers[row], null, Usage.NONE, "b" + row));
            project.store()
                    .recordResponse(new StoredResponse(
                            run, Stage.JUDGE, row, verdicts[row], null, Usage.NONE, "j" + run + row));
        }
        List<RowResult> rows = project.rows(run);
        project.finishRun(
                run,
                new RunOutcome(
                        rows,
                        AccuracyCounts.of(rows.stream().map(RowResult::scored).toList()),
                        Usage.NONE,
                        Usage.NONE,
                        RunOutcome.Status.COMPLETED,
                        null),
                null);
        return run;
    }
}
