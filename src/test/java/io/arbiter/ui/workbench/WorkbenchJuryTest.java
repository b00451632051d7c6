package io.arbiter.ui.workbench;

import static io.arbiter.ui.workbench.WorkbenchRuns.provider;
import static io.arbiter.ui.workbench.WorkbenchRuns.runToItsRecordedEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowVotes;
import io.arbiter.offline.OfflineServer;
import io.arbiter.ui.analysis.ReliabilitySection;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jury and repeats chosen in the workbench's run options judge each row, and Judge analysis names the jurors. */
class WorkbenchJuryTest {

    @TempDir
    Path dir;

    private final WorkbenchViewModel model = new WorkbenchViewModel(new SameThreadTaskExecutor());

    @AfterEach
    void shutdown() {
        model.shutdown();
    }

    @Test
    void aWorkbenchRunWithAnotherJurorAndTwoRepeatsGivesEveryRowItsVotes() throws Exception {
        try (OfflineServer server = OfflineServer.builder().port(0).start()) {
            newSampleProject(server, "jury.arbiter");
            model.providerChoice().alsoJudgedByProperty().set(" offline-demo-judge-2 , ");
            model.providerChoice().repeatsProperty().set(2);

            assertEquals(
                    new JudgePanel(List.of("offline-demo-judge-2"), 2, false),
                    model.providerChoice().panel());
            runToItsRecordedEnd(model);

            List<RowResult> rows = model.results().snapshot();
            assertTrue(rows.stream().anyMatch(r -> r.votes() != null));
            for (RowResult row : rows) {
                if (!row.base().answered()) {
                    continue; // an unparsed base answer is still judged; an unanswered one is not
                }
                RowVotes votes = row.votes();
                assertNotNull(votes, "row " + row.row());
                assertEquals(2, votes.jurors());
                assertEquals(2, votes.repeats());
                assertEquals(4, votes.readings().size() + unread(votes), "row " + row.row());
            }
            model.analysis().setShown(true);
            ReliabilitySection card = model.analysis().reliabilityProperty().get();
            assertNotNull(card);
            assertNotNull(card.flipRate(), "repeats give a flip rate");
            assertEquals("offline-demo-judge", card.jurors().get(0).model());
            assertEquals("offline-demo-judge-2", card.jurors().get(1).model());

            // Another window opening the project shows the jury and repeats its latest run had.
            WorkbenchViewModel reopened = savedAndReopened();
            try {
                assertEquals(
                        "offline-demo-judge-2",
                        reopened.providerChoice().alsoJudgedByProperty().get());
                assertEquals(2, reopened.providerChoice().repeatsProperty().get());
            } finally {
                reopened.shutdown();
            }
        }
    }

    @Test
    void saveKeepsTheJuryAndRepeatsChosenBeforeAnyRun() throws Exception {
        try (OfflineServer server = OfflineServer.builder().port(0).start()) {
            newSampleProject(server, "saved.arbiter");
            model.providerChoice().alsoJudgedByProperty().set("offline-demo-judge-3, offline-demo-judge-2");
            model.providerChoice().repeatsProperty().set(3);
            model.providerChoice().shuffleLabelsProperty().set(true);

            WorkbenchViewModel reopened = savedAndReopened();
            try {
                assertEquals(
                        new JudgePanel(List.of("offline-demo-judge-3", "offline-demo-judge-2"), 3, true),
                        reopened.providerChoice().panel());
                assertEquals(
                        "offline-demo-judge-3, offline-demo-judge-2",
                        reopened.providerChoice().alsoJudgedByProperty().get());
            } finally {
                reopened.shutdown();
            }
        }
    }

    @Test
    void theNextRunsEstimateCountsEveryVoteAndOnlyTheVotesTheCacheHolds() throws Exception {
        try (OfflineServer server = OfflineServer.builder().port(0).start()) {
            newSampleProject(server, "estimate.arbiter");
            long single = judgeInput();
            model.providerChoice().alsoJudgedByProperty().set("offline-demo-judge-2");
            model.providerChoice().repeatsProperty().set(3);
            long jury = judgeInput();
            // Two jurors asked three times: six judge requests a row where one judge sends one (the core's count).
            assertEquals(
                    6.0,
                    (double) jury / single,
                    0.001,
                    model.run().estimateProperty().get());

            runToItsRecordedEnd(model);
            model.useScheme(model.prompts().scheme()); // estimates again, now that every vote is in the cache
            assertEquals(0, judgeInput(), model.run().estimateProperty().get());

            model.providerChoice().alsoJudgedByProperty().set("offline-demo-judge-2, offline-demo-judge-3");
            // Worked out: 9 votes a row, the 6 cached are free, so the third juror's 3 are what is left to send.
            assertEquals(
                    jury / 2.0,
                    judgeInput(),
                    jury * 0.01,
                    model.run().estimateProperty().get());
        }
    }

    @Test
    void aJurorOnAnotherSavedProviderIsAnsweredThere() throws Exception {
        try (OfflineServer first = OfflineServer.builder().port(0).start();
                OfflineServer second = OfflineServer.builder().port(0).start()) {
            model.providerChoice()
                    .useSettings(provider(second.baseUrl().toString(), 4).withName("second"));
            newSampleProject(first, "two.arbiter");
            model.providerChoice().alsoJudgedByProperty().set("offline-demo-judge@second");

            runToItsRecordedEnd(model);

            int rows = model.results().snapshot().size();
            long judged = second.counters().chatAnswers();
            assertTrue(judged > 0, "the second provider judged");
            // Worked out: the first answers every base request and the same judgements as the second, no more.
            assertEquals(rows + judged, first.counters().chatAnswers());
            model.analysis().setShown(true);
            ReliabilitySection card = model.analysis().reliabilityProperty().get();
            assertNotNull(card);
            assertEquals("offline-demo-judge@second", card.jurors().get(1).model());
        }
    }

    /** The judge's input tokens the next run's estimate shows. */
    private long judgeInput() {
        String estimate = model.run().estimateProperty().get();
        java.util.regex.Matcher judge =
                java.util.regex.Pattern.compile("judge ≈ ([\\d,]+) \\+").matcher(estimate);
        assertTrue(judge.find(), estimate);
        return Long.parseLong(judge.group(1).replace(",", ""));
    }

    private void newSampleProject(OfflineServer server, String name) {
        model.datasetSetup().openSample();
        model.providerChoice().useSettings(provider(server.baseUrl().toString(), 4));
        model.projects().newProject(dir.resolve(name)).join();
    }

    /** Saves the project, closes this window and opens the project in another, as a user would the next day. */
    private WorkbenchViewModel savedAndReopened() {
        model.projects().saveProject().join();
        Path file = model.projects().projectFile();
        model.shutdown();
        WorkbenchViewModel reopened = new WorkbenchViewModel(new SameThreadTaskExecutor());
        reopened.projects().openProject(file).join();
        return reopened;
    }

    /** Votes answered without a reading (an off-format reply). */
    private static int unread(RowVotes votes) {
        return (int) votes.outcomes().keySet().stream()
                .filter(vote -> !votes.readings().containsKey(vote))
                .count();
    }
}
