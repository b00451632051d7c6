package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowScope;
import io.arbiter.core.scheme.VerdictScheme;
import io.arbiter.core.store.ProjectStore;
import io.arbiter.core.verdict.Evaluation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project saved by format 6, before runs recorded their grading scheme (the committed fixture, written by that
 * code: see {@link VersionSixFixture}), opens with both runs graded Correct/Incorrect, reads their rows as it did,
 * counts the rows it did, and a run recorded afterwards keeps its scheme.
 */
class ProjectVersionSixTest {

    @TempDir
    Path dir;

    @Test
    void runsRecordedBeforeSchemesReadAsVerdictRuns() throws Exception {
        Path file = copyFixture();
        try (Project project = Project.open(file)) {
            assertEquals(12, project.store().schemaVersion());
            List<RunListing> runs = project.runs();
            assertEquals(2, runs.size());
            for (RunListing run : runs) {
                assertEquals("verdict", run.record().scheme());
                assertSame(VerdictScheme.INSTANCE, project.scheme(run.id()));
            }

            List<RowResult> whole = project.rows(runs.get(0).id());
            assertEquals(Evaluation.INCORRECT, whole.get(2).verdict().evaluation());
            assertEquals("Comedy", whole.get(2).verdict().prediction());
            List<RowResult> draft = project.rows(runs.get(1).id());
            assertTrue(!draft.get(0).base().answered() && !draft.get(0).base().failed(), "the draft never sent row 1");
            assertTrue(!draft.get(3).verdict().parsed(), "\"no idea\" stays UNPARSED");
        }
    }

    @Test
    void theRowScopeIsTheOneTheRunsCountedWhenTheyEnded() throws Exception {
        Path file = copyFixture();
        try (Project project = Project.open(file)) {
            RunListing whole = project.runs().get(0);
            RunListing draft = project.runs().get(1);
            assertEquals(RowScope.of(List.of(), List.of(1)), project.scope(whole.id()));
            assertEquals(RowScope.of(List.of(2, 3), List.of(1)), project.scope(draft.id()));
            // Whole run: rows 0, 2, 3 (row 1 is the worked example). Draft: rows 2 and 3 only.
            assertEquals(
                    Set.of(0, 2, 3),
                    project.measured(whole.id()).stream()
                            .map(RowResult::row)
                            .collect(java.util.stream.Collectors.toSet()));
            assertEquals(
                    List.of(2, 3),
                    project.measured(draft.id()).stream().map(RowResult::row).toList());
            // Recomputed now by the run's scheme, the figures equal the ones stored when each run ended.
            for (RunListing run : List.of(whole, draft)) {
                JudgeReport now = project.scheme(run.id())
                        .figures(project.measured(run.id()).stream()
                                .map(r -> RatedRow.of(r.scored()))
                                .toList());
                assertEquals(run.rows(), now.loop().rows());
                assertEquals(
                        run.metric("agreement").orElseThrow(),
                        now.judge().agreement().point().orElseThrow(),
                        1e-12);
            }
            // By hand: whole run rows 0, 2, 3 all agree (Western right/Correct, Drama wrong/Incorrect, Crime
            // right/Correct); the draft's row 2 agrees and row 3's verdict is unparsed: 1 of 1.
            assertEquals(3, whole.metric("agreement_n").orElseThrow(), 0);
            assertEquals(1, draft.metric("agreement_n").orElseThrow(), 0);
        }
    }

    @Test
    void aRunRecordedAfterTheMigrationKeepsItsScheme() throws Exception {
        Path file = copyFixture();
        try (Project project = Project.open(file)) {
            long run = project.store().createRun("{\"after\":7}");
            project.describeRun(
                    run,
                    io.arbiter.core.run.RunSpec.of(
                            VersionSixFixture.ROWS,
                            VersionSixFixture.MAPPING,
                            io.arbiter.core.prompt.PromptPair.of(VersionSixFixture.BASE, VersionSixFixture.JUDGE),
                            project.provider().orElseThrow()),
                    VersionSixFixture.SHA,
                    "realtime");
        }
        try (ProjectStore again = ProjectStore.open(file)) {
            assertEquals(12, again.schemaVersion(), "migrated once");
            assertEquals("verdict", again.runRecord(3).orElseThrow().scheme());
        }
    }

    private Path copyFixture() throws Exception {
        Path file = dir.resolve("v6.arbiter");
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/project-v6.arbiter")) {
            Files.copy(fixture, file);
        }
        return file;
    }
}
