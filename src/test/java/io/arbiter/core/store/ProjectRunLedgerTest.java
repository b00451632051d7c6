package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.BatchJob;
import io.arbiter.core.run.Stage;
import io.arbiter.core.run.StageOutcome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's ledger survives closing and reopening the project file: answers, errors and batch jobs with the provider
 * each was sent to.
 */
class ProjectRunLedgerTest {

    @TempDir
    Path dir;

    @Test
    void responsesAndJobsComeBackAfterReopening() {
        Path file = dir.resolve("p.arbiter");
        long runId;
        try (ProjectStore store = ProjectStore.open(file)) {
            runId = store.createRun("{}");
            ProjectRunLedger ledger = new ProjectRunLedger(store, runId);
            ledger.record(Stage.BASE, 0, StageOutcome.answered("A", new Usage(3, 1)), "key0");
            ledger.record(Stage.BASE, 1, StageOutcome.failed("The provider answered 500"), "key1");
            ledger.recordAll(Stage.JUDGE, Map.of(0, StageOutcome.answered("A,Correct", Usage.NONE)), Map.of(0, "j0"));
            ledger.saveJob(new BatchJob(Stage.JUDGE, 0, "file-1", "batch-1", "in_progress", 1, null, null));
            ledger.saveJob(new BatchJob(
                    Stage.vote(1, 0), 0, "file-2", "batch-2", "validating", 1, null, null, 1, "http://juror.test/v1"));
        } catch (ProjectFileException e) {
            throw new AssertionError(e);
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            ProjectRunLedger ledger = new ProjectRunLedger(store, runId);
            assertEquals(
                    StageOutcome.answered("A", new Usage(3, 1)),
                    ledger.stored(Stage.BASE).get(0));
            assertEquals(
                    "The provider answered 500",
                    ledger.stored(Stage.BASE).get(1).error());
            assertNull(ledger.stored(Stage.BASE).get(1).text());
            assertEquals("A,Correct", ledger.stored(Stage.JUDGE).get(0).text());
            assertEquals("key0", store.responses(runId, Stage.BASE).get(0).requestKey());
            assertEquals("batch-1", ledger.jobs(Stage.JUDGE).get(0).batchId());
            assertEquals(true, ledger.jobs(Stage.JUDGE).get(0).live());
            assertNull(ledger.jobs(Stage.JUDGE).get(0).provider(), "the run's own provider");
            assertEquals(
                    "http://juror.test/v1",
                    ledger.jobs(Stage.vote(1, 0)).get(0).provider(),
                    "a juror's batch is polled where it was sent");
        } catch (ProjectFileException e) {
            throw new AssertionError(e);
        }
    }
}
