package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.arbiter.core.review.HumanVerdict;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format 8 keeps the score a reviewer gave beside the verdict: a project from before it keeps its right/wrong
 * verdicts (without a score), and a scored verdict comes back with its score after the project is closed.
 */
class ScoredVerdictStoreTest {

    private static final Instant AT = Instant.parse("2026-12-02T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void verdictsGivenBeforeScoresStayRightOrWrong() throws Exception {
        Path file = dir.resolve("v6.arbiter");
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/project-v6.arbiter")) {
            Files.copy(fixture, file);
        }
        try (Project project = Project.open(file)) {
            Map<Integer, HumanVerdict> verdicts = project.verdicts(VersionSixFixture.SHA);
            assertEquals(List.of(1), List.copyOf(verdicts.keySet()));
            HumanVerdict kept = verdicts.get(1);
            assertEquals(true, kept.baseRight());
            assertEquals("Drama", kept.answer());
            assertNull(kept.score());
            assertEquals(List.of(1), project.promotedRows(VersionSixFixture.SHA));
        }
    }

    @Test
    void aScoredVerdictSurvivesReopening() throws Exception {
        Path file = dir.resolve("scores.arbiter");
        try (Project project = Project.open(file)) {
            project.saveVerdict("sha", 3, new HumanVerdict(false, "too short", "ana", AT, "It depends.", 2));
            project.saveVerdict("sha", 4, new HumanVerdict(true, "", "ana", AT, "Yes."));
        }
        try (Project project = Project.open(file)) {
            Map<Integer, HumanVerdict> verdicts = project.verdicts("sha");
            assertEquals(new HumanVerdict(false, "too short", "ana", AT, "It depends.", 2), verdicts.get(3));
            assertEquals(2, verdicts.get(3).score());
            assertNull(verdicts.get(4).score(), "a right/wrong verdict has no score");
            // Scoring the row again replaces the score, as a verdict replaces a verdict.
            project.saveVerdict("sha", 3, new HumanVerdict(true, "", "ana", AT, "It depends.", 5));
            assertEquals(5, project.verdicts("sha").get(3).score());
        }
    }
}
