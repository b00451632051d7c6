package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.arbiter.core.metrics.McNemar;
import io.arbiter.core.metrics.ScoreComparison;
import io.arbiter.core.metrics.WilcoxonSignedRank;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.verdict.Evaluation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare on two scoring runs: whose judge sits closer to people's scores, row by row. */
class ScoreComparisonTest {

    /** Run A's judge: often a point or two off. 0: an off-format reply (row 11), read as unparsed. */
    private static final int[] A = {4, 4, 2, 3, 1, 3, 5, 3, 1, 2, 2, 0, 3};
    /** Run B's judge: close to people. */
    private static final int[] B = {5, 4, 3, 2, 2, 5, 4, 3, 2, 1, 4, 3, 5};

    @TempDir
    Path dir;

    @Test
    void twoScoringRunsAreComparedOnTheirDistanceFromPeoplesScores() throws Exception {
        try (Project project = Project.open(dir.resolve("support.arbiter"))) {
            long a = ScoreRuns.record(project, A);
            long b = ScoreRuns.record(project, B);
            assertEquals(ScoreScheme.DEFAULT, project.scheme(a));

            PairedFigures figures = project.compare(a, b);
            ScoreComparison scores = figures.scores();
            assertNotNull(scores);

            // Worked out here from the scores: rows both judges scored and people scored.
            List<Double> differences = new ArrayList<>();
            double errorA = 0;
            double errorB = 0;
            long onlyA = 0;
            long onlyB = 0;
            for (int i = 0; i < ScoreRuns.HUMAN.length; i++) {
                int h = ScoreRuns.HUMAN[i];
                if (h == 0 || A[i] == 0) {
                    continue;
                }
                errorA += Math.abs(A[i] - h);
                errorB += Math.abs(B[i] - h);
                differences.add((double) (Math.abs(A[i] - h) - Math.abs(B[i] - h)));
                boolean agreesA = (A[i] >= 4) == (h >= 4);
                boolean agreesB = (B[i] >= 4) == (h >= 4);
                onlyA += agreesA && !agreesB ? 1 : 0;
                onlyB += agreesB && !agreesA ? 1 : 0;
            }
            assertEquals(11, differences.size(), "row 11 unparsed in A, row 12 unscored by people");
            assertEquals(11, scores.pairs());
            assertEquals(errorA / 11, scores.meanAbsErrorA().getAsDouble(), 1e-12);
            assertEquals(errorB / 11, scores.meanAbsErrorB().getAsDouble(), 1e-12);
            assertEquals((errorA - errorB) / 11, scores.meanDifference().getAsDouble(), 1e-12);
            WilcoxonSignedRank expected = WilcoxonSignedRank.of(
                    differences.stream().mapToDouble(Double::doubleValue).toArray());
            assertEquals(expected, scores.wilcoxon());
            assertEquals(9, scores.wilcoxon().n(), "two rows are as close in both runs");
            assertEquals(11, scores.agreementRows());
            assertEquals(McNemar.of(onlyA, onlyB), scores.humanAgreement());

            // The flips are pass/fail: row 0 passes in both, row 5 fails in A (3) and passes in B (5); people gave it
            // 5, so B's judge is now right.
            assertEquals(
                    new PairedFigures.Flip(5, Evaluation.INCORRECT, Evaluation.CORRECT, false, true),
                    figures.flips().stream()
                            .filter(f -> f.row() == 5)
                            .findFirst()
                            .orElseThrow());

            RunPair pair = project.compareRuns(a, b);
            assertEquals(scores, pair.comparison().scores());
            assertEquals(ScoreScheme.DEFAULT, pair.schemeA());
            assertEquals(ScoreScheme.DEFAULT, pair.schemeB());
        }
    }

    @Test
    void aReviewersScoreCountsInTheComparisonAsInJudgeAnalysis() throws Exception {
        try (Project project = Project.open(dir.resolve("reviewed.arbiter"))) {
            long a = ScoreRuns.record(project, A);
            long b = ScoreRuns.record(project, B);
            // Row 12 has no score in the dataset; a reviewer gives it 3 on the answer both runs judged.
            project.saveVerdict(12, new HumanVerdict(false, "", "ana", Instant.EPOCH, "answer 12", 3));
            ScoreComparison scores = project.compare(a, b).scores();
            assertEquals(12, scores.pairs(), "the eleven rows of the dataset's scores and the reviewed one");
            assertEquals(3, project.ratings(b).rate(project.rows(b).get(12)).humanScore());
        }
    }

    @Test
    void twoVerdictRunsHaveNoScoreComparison() {
        PairedFigures none = PairedFigures.of(List.of(), List.of());
        assertNull(none.scores());
    }
}
