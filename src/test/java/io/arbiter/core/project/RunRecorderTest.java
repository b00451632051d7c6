package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.AccuracyCounts;
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

/**
 * What both faces rely on when they record a run: the configuration is kept for a headless re-run, the latest
 * unfinished run of the same spec is continued (by another process, not by the one it ended in), and a run resumed
 * with batches at the provider stays a batch run.
 */
class RunRecorderTest {

    @TempDir
    Path dir;

    private static final ProviderProfile DEMO = new ProviderProfile(
            "Offline demo model",
            "http://127.0.0.1:4711/v1",
            null,
            "offline-demo-base",
            "offline-demo-judge",
            0,
            64,
            5);

    private static RunStart start(String judge, RunMode mode) {
        RunSpec spec = RunSpec.of(
                VersionTwoFixture.ROWS,
                VersionTwoFixture.MAPPING,
                PromptPair.of(VersionTwoFixture.BASE, VersionTwoFixture.JUDGE + judge),
                DEMO);
        return new RunStart(spec, VersionTwoFixture.SHA, "/data/movies.csv", RunRecorder.OFFLINE, mode);
    }

    private static RunOutcome ended(RunOutcome.Status status) {
        return new RunOutcome(List.of(), AccuracyCounts.of(List.of()), Usage.NONE, Usage.NONE, status, null);
    }

    @Test
    void aRunKeepsItsConfigurationForAHeadlessReRunTheDemoByNameAndNoOtherRunOption() throws Exception {
        try (Project project = Project.open(dir.resolve("kept.arbiter"))) {
            project.saveRunOptions(
                    ProjectJson.MAPPER.createObjectNode().put("workbench_provider", "Offline demo model"));

            Recording recording = new RunRecorder().begin(project, start("", RunMode.BATCH));

            assertEquals(VersionTwoFixture.SHA, project.currentDatasetSha().orElseThrow());
            assertEquals(3, project.dataset().orElseThrow().size());
            assertEquals(VersionTwoFixture.MAPPING, project.mapping().orElseThrow());
            assertEquals(
                    VersionTwoFixture.JUDGE, project.prompts().orElseThrow().judgeText());
            ProviderProfile kept = project.provider().orElseThrow();
            assertEquals(RunRecorder.OFFLINE, kept.baseUrl(), "never a port that is gone");
            assertEquals("Offline demo model", kept.name());
            assertEquals(64, kept.maxTokens());
            assertEquals("batch", project.runOptions().path(RunRecorder.MODE).asText());
            assertEquals(5, project.runOptions().path(RunRecorder.CONCURRENCY).asInt());
            assertEquals(
                    "Offline demo model",
                    project.runOptions().path("workbench_provider").asText(),
                    "the other options stay");
            assertEquals("RUNNING", project.store().runRecords().get(0).status());
            assertTrue(project.run(recording.runId())
                    .orElseThrow()
                    .record()
                    .parametersJson()
                    .contains("\"mode\":\"batch\""));
            assertFalse(recording.resumed());
        }
    }

    @Test
    void anotherProcessContinuesTheLatestUnfinishedRunOfTheSpecButNotOneThatEndedHereOrIsNotTheLatest()
            throws Exception {
        try (Project project = Project.open(dir.resolve("resume.arbiter"))) {
            RunRecorder first = new RunRecorder();
            Recording killed = first.begin(project, start("", RunMode.REALTIME));
            project.store()
                    .recordResponse(
                            new StoredResponse(killed.runId(), Stage.BASE, 0, "Western", null, Usage.NONE, "k0"));

            Recording resumed = new RunRecorder().begin(project, start("", RunMode.REALTIME));
            assertEquals(killed.runId(), resumed.runId());
            assertEquals("RUNNING", resumed.resumedFrom());
            assertEquals(1, resumed.ledger().stored(Stage.BASE).size(), "its answered row is kept");

            first.finish(resumed, ended(RunOutcome.Status.CANCELLED));
            Recording continued = first.begin(project, start("", RunMode.REALTIME));
            assertEquals(killed.runId(), continued.runId(), "it was cancelled here: Run again continues it");
            assertEquals("CANCELLED", continued.resumedFrom());
            first.finish(continued, ended(RunOutcome.Status.STOPPED));
            Recording again = first.begin(project, start("", RunMode.REALTIME));
            assertNotEquals(killed.runId(), again.runId(), "it stopped here: Run again is a new run");
            Recording elsewhere = new RunRecorder().begin(project, start("", RunMode.REALTIME));
            assertEquals(again.runId(), elsewhere.runId(), "another process continues the one left unfinished");

            Recording other = new RunRecorder().begin(project, start(" Be strict.", RunMode.REALTIME));
            assertFalse(other.resumed(), "another spec is another run");
            assertFalse(
                    new RunRecorder()
                            .begin(project, start("", RunMode.REALTIME))
                            .resumed(),
                    "an unfinished run behind a newer one is history, not work in progress");
            assertEquals(4, project.runs().size());
        }
    }

    @Test
    void aCompletedRunIsNeverContinuedAndRunForWritesNothingButTheRun() throws Exception {
        try (Project project = Project.open(dir.resolve("done.arbiter"))) {
            RunRecorder recorder = new RunRecorder();
            Recording done = recorder.begin(project, start("", RunMode.REALTIME));
            recorder.finish(done, ended(RunOutcome.Status.COMPLETED));
            String options = project.runOptions().toString();

            Recording imported = new RunRecorder().runFor(project, start(" Be strict.", RunMode.REALTIME));
            assertFalse(imported.resumed());
            assertEquals("CREATED", project.store().runRecords().get(1).status());
            assertNull(project.run(imported.runId()).orElseThrow().record().parametersJson(), "not described");
            assertEquals(
                    VersionTwoFixture.JUDGE, project.prompts().orElseThrow().judgeText(), "configuration as it was");
            assertEquals(options, project.runOptions().toString());
            assertEquals(
                    imported.runId(),
                    new RunRecorder()
                            .runFor(project, start(" Be strict.", RunMode.REALTIME))
                            .runId(),
                    "the next import goes into the same run");
        }
    }

    @Test
    void aRunResumedWithBatchesAtTheProviderStaysABatchRun() throws Exception {
        try (Project project = Project.open(dir.resolve("batches.arbiter"))) {
            Recording first = new RunRecorder().begin(project, start("", RunMode.BATCH));
            project.store()
                    .upsertShard(new BatchShard(
                            first.runId(), Stage.BASE, 0, "file-1", "batch-1", "in_progress", 3, null, null, null));
            project.store()
                    .upsertShard(new BatchShard(
                            first.runId(), Stage.BASE, 1, "file-2", "batch-2", "completed", 3, null, null, null));

            Recording again = new RunRecorder().begin(project, start("", RunMode.REALTIME));

            assertTrue(again.resumed());
            assertEquals(1, again.liveBatches(), "the completed batch is settled");
            assertTrue(again.batch());
            assertEquals("realtime", project.runOptions().path(RunRecorder.MODE).asText(), "what was asked for");
            assertTrue(project.run(again.runId())
                    .orElseThrow()
                    .record()
                    .parametersJson()
                    .contains("\"mode\":\"batch\""));
        }
    }

    @Test
    void aDraftLeavesHowWholeRunsGoAndIsNeverContinuedAsAWholeRun() throws Exception {
        try (Project project = Project.open(dir.resolve("draft.arbiter"))) {
            RunRecorder recorder = new RunRecorder();
            recorder.begin(project, start("", RunMode.BATCH));
            RunStart whole = start("", RunMode.REALTIME);
            Recording draft = new RunRecorder()
                    .begin(
                            project,
                            new RunStart(
                                    whole.spec().withSelection(List.of(2)),
                                    whole.datasetSha256(),
                                    null,
                                    RunRecorder.OFFLINE,
                                    RunMode.REALTIME));
            assertFalse(draft.resumed());
            assertEquals("batch", project.runOptions().path(RunRecorder.MODE).asText());
            assertFalse(new RunRecorder().begin(project, whole).resumed());
        }
    }
}
