package io.arbiter.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.project.Project;
import io.arbiter.core.project.ScoreRuns;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.ScoreScale;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two scoring runs on different scales: Compare says why their scores are not compared, not nothing. */
class ScoreScalesCompareTest {

    private static final int[] JUDGE = {5, 4, 3, 2, 2, 5, 4, 3, 2, 1, 4, 3, 5};

    @TempDir
    Path dir;

    @Test
    void runsOnTwoScalesSayTheirScoresAreNotComparedAndWhy() throws Exception {
        try (Project project = Project.open(dir.resolve("scales.arbiter"))) {
            long a = ScoreRuns.record(project, ScoreRuns.dataset(), JUDGE, ScoreScheme.DEFAULT);
            long b = ScoreRuns.record(project, ScoreRuns.dataset(), JUDGE, new ScoreScheme(new ScoreScale(0, 10), 7));
            ComparisonText text = ComparisonText.of(project.compareRuns(a, b));
            assertNull(project.compare(a, b).scores());
            assertTrue(text.scores().contains("different scales (1-5 and 0-10)"), text.scores());

            long c = ScoreRuns.record(project, ScoreRuns.dataset(), JUDGE, ScoreScheme.DEFAULT);
            String same = ComparisonText.of(project.compareRuns(a, c)).scores();
            assertTrue(same.startsWith("Against human scores"), same);
            assertEquals(false, same.contains("different scales"));
        }
    }
}
