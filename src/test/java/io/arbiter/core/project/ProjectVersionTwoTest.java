package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.store.ProjectStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project saved by format 2 (the committed fixture, written by that code: see {@link VersionTwoFixture}) opens now
 * with its dataset, setup, run, metrics and review intact; its verdicts, saved before answers were kept with them,
 * count for whatever answer their rows have.
 */
class ProjectVersionTwoTest {

    @TempDir
    Path dir;

    @Test
    void aVersionTwoProjectOpensWithEverythingItHeld() throws Exception {
        Path file = dir.resolve("v2.arbiter");
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/project-v2.arbiter")) {
            Files.copy(fixture, file);
        }
        try (Project project = Project.open(file)) {
            assertEquals(12, project.store().schemaVersion());
            assertEquals(
                    VersionTwoFixture.COLUMNS, project.dataset().orElseThrow().columns());
            assertEquals(3, project.dataset().orElseThrow().size());
            assertEquals(VersionTwoFixture.MAPPING, project.mapping().orElseThrow());
            assertEquals(
                    VersionTwoFixture.JUDGE, project.prompts().orElseThrow().judgeText());
            assertEquals("offline-demo-judge", project.provider().orElseThrow().judgeModel());

            RunListing run = project.runs().get(0);
            assertEquals("COMPLETED", run.record().status());
            assertEquals(3, run.rows());
            // Base answers Western, Drama, Drama against Western, Drama, Comedy: 2 of 3 right.
            assertEquals(2.0 / 3, run.metric("base_vs_truth").orElseThrow(), 1e-9);
            List<RowResult> rows = project.rows(run.id());
            assertEquals("Comedy,Incorrect", rows.get(2).judge().text());

            Map<Integer, HumanVerdict> verdicts = project.verdicts();
            assertEquals(
                    new HumanVerdict(false, "it is a comedy", "reviewer", VersionTwoFixture.REVIEWED), verdicts.get(2));
            assertNull(verdicts.get(2).answer(), "format 2 did not keep the answer a verdict was on");
            assertTrue(verdicts.get(2).on("anything"), "so it counts for the answer the row has");
            assertEquals(List.of(1), project.promotedRows());

            project.saveVerdict(0, new HumanVerdict(true, "", "ana", Instant.parse("2026-11-22T13:00:00Z"), "Western"));
            assertEquals("Western", project.verdicts().get(0).answer());
        }
        try (ProjectStore again = ProjectStore.open(file)) {
            assertEquals(12, again.schemaVersion(), "migrated once");
        }
    }
}
