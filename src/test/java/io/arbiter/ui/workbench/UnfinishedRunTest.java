package io.arbiter.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.dataset.Samples;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.Recording;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RunMode;
import io.arbiter.core.run.RunOutcome;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.Stage;
import io.arbiter.core.store.BatchShard;
import io.arbiter.core.store.StoredResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run the window did not see to the end is continued, with its answers and live batches, when Run is pressed. */
class UnfinishedRunTest {

    @TempDir
    Path dir;

    private final WorkbenchProject session = new WorkbenchProject();

    @Test
    void theSameConfigurationContinuesTheUnfinishedRunAndPollsItsLiveBatches() throws Exception {
        Path file = dir.resolve("batches.arbiter");
        long runId;
        try (Project project = Project.open(file)) {
            Recording first = session.begin(project, spec("judge"), "OpenAI", "https://api.example/v1", RunMode.BATCH);
            runId = first.runId();
            assertFalse(first.resumed());
            // The app dies with the base batch submitted and one row already stored.
            project.store()
                    .upsertShard(new BatchShard(
                            runId, Stage.BASE, 0, "file-1", "batch-1", "in_progress", 84, null, null, null));
            project.store().recordResponse(new StoredResponse(runId, Stage.BASE, 0, "Drama", null, Usage.NONE, "k0"));
        }

        try (Project reopened = Project.open(file)) {
            WorkbenchProject fresh = new WorkbenchProject();
            WorkbenchProject.Restored restored = fresh.restore(reopened);
            assertEquals(
                    "run " + runId + " did not finish and has 1 batch still at the provider: press Run to "
                            + "continue it; answered rows are kept and not sent again.",
                    restored.notice());

            // Realtime is asked for, but the live batch is already paid for: the run continues as a batch run.
            Recording again =
                    fresh.begin(reopened, spec("judge"), "OpenAI", "https://api.example/v1", RunMode.REALTIME);
            assertTrue(again.resumed());
            assertEquals(runId, again.runId());
            assertEquals(1, again.liveBatches());
            assertEquals(1, reopened.runs().size());
            assertTrue(
                    reopened.run(runId).orElseThrow().record().parametersJson().contains("\"mode\":\"batch\""));
            assertEquals(
                    1, again.ledger().stored(io.arbiter.core.run.Stage.BASE).size(), "the stored answer is kept");
        }
    }

    @Test
    void anotherConfigurationOrAFinishedRunStartsANewRun() throws Exception {
        try (Project project = Project.open(dir.resolve("runs.arbiter"))) {
            Recording first =
                    session.begin(project, spec("judge"), "OpenAI", "https://api.example/v1", RunMode.REALTIME);
            Recording edited =
                    session.begin(project, spec("judge, edited"), "OpenAI", "https://api.example/v1", RunMode.REALTIME);
            assertFalse(edited.resumed());
            assertNotEquals(first.runId(), edited.runId());

            session.finish(
                    edited,
                    new RunOutcome(
                            List.of(),
                            io.arbiter.core.metrics.AccuracyCounts.of(List.of()),
                            Usage.NONE,
                            Usage.NONE,
                            RunOutcome.Status.COMPLETED,
                            null));
            assertNull(UnfinishedRunNotice.of(project), "the latest run completed");
            Recording rerun =
                    session.begin(project, spec("judge, edited"), "OpenAI", "https://api.example/v1", RunMode.REALTIME);
            assertFalse(
                    rerun.resumed(), "an unchanged re-run after a completed one is a new run, answered from the cache");
            assertEquals(0, rerun.liveBatches());
        }
    }

    @Test
    void anUnfinishedDraftIsNeverContinuedAsAWholeRunAndKeepsTheModeForWholeRuns() throws Exception {
        try (Project project = Project.open(dir.resolve("draft.arbiter"))) {
            Recording whole = session.begin(project, spec("judge"), "OpenAI", "https://api.example/v1", RunMode.BATCH);
            session.finish(
                    whole,
                    new RunOutcome(
                            List.of(),
                            io.arbiter.core.metrics.AccuracyCounts.of(List.of()),
                            Usage.NONE,
                            Usage.NONE,
                            RunOutcome.Status.COMPLETED,
                            null));
            Recording draft = session.begin(
                    project,
                    spec("judge").withSelection(List.of(3, 1, 2)),
                    "OpenAI",
                    "https://api.example/v1",
                    RunMode.REALTIME);
            assertTrue(project.run(draft.runId()).orElseThrow().draft());
            assertEquals("batch", project.runOptions().path("mode").asText(), "a draft leaves the mode of whole runs");
            assertEquals(
                    "run " + draft.runId() + " (a draft on 3 rows) did not finish: press Run for every row; the "
                            + "rows it answered are not sent again.",
                    UnfinishedRunNotice.of(project));

            Recording next = session.begin(project, spec("judge"), "OpenAI", "https://api.example/v1", RunMode.BATCH);
            assertFalse(next.resumed(), "a whole run is another run than the draft");
            assertFalse(project.run(next.runId()).orElseThrow().draft());
        }
    }

    @Test
    void aRunThatEndedInThisWindowIsNotContinuedEvenBeforeItsEndIsWritten() throws Exception {
        try (Project project = Project.open(dir.resolve("window.arbiter"))) {
            Recording first =
                    session.begin(project, spec("judge"), "OpenAI", "https://api.example/v1", RunMode.REALTIME);
            session.ended(
                    first, RunOutcome.Status.COMPLETED); // the outcome is in; the write of its end is still queued

            Recording again =
                    session.begin(project, spec("judge"), "OpenAI", "https://api.example/v1", RunMode.REALTIME);

            assertFalse(again.resumed());
            assertNotEquals(first.runId(), again.runId());
            assertTrue(
                    new WorkbenchProject()
                            .begin(project, spec("judge"), "OpenAI", "https://api.example/v1", RunMode.REALTIME)
                            .resumed(),
                    "another window (a reopened project) continues the one left unfinished");
        }
    }

    private static RunSpec spec(String judge) throws Exception {
        ProviderProfile profile = new ProviderProfile(
                "OpenAI", "https://api.example/v1", "OPENAI_API_KEY", "base-model", "judge-model", 0, 64, 16);
        return RunSpec.of(
                Samples.movies(),
                Samples.moviesMapping(),
                PromptPair.of("Classify: {{Overview}} from {{labels}}", "Judge {{base_answer}} " + judge),
                profile);
    }
}
