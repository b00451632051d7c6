package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.Stage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project saved by format 1 (the committed fixture, written by that code) opens now with nothing lost. */
class ProjectMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersionOneProjectMigratesAndKeepsItsRunsResponsesCacheAndLedger() throws Exception {
        Path file = dir.resolve("old.arbiter");
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/project-v1.arbiter")) {
            Files.copy(fixture, file);
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(Migrations.latest(), store.schemaVersion());
            List<RunRecord> runs = store.runRecords();
            assertEquals(1, runs.size());
            assertEquals(VersionOneFixture.SPEC, runs.get(0).specJson());
            assertEquals("COMPLETED", runs.get(0).status());
            Map<Integer, StoredResponse> base = store.responses(VersionOneFixture.RUN, Stage.BASE);
            Map<Integer, StoredResponse> judge = store.responses(VersionOneFixture.RUN, Stage.JUDGE);
            assertEquals(VersionOneFixture.ROWS, base.size());
            assertEquals("Drama", base.get(1).text());
            assertEquals("Comedy,Correct", judge.get(2).text());
            assertEquals(new Usage(30, 2), judge.get(2).usage());
            assertTrue(store.cached("k0").isPresent());
            assertEquals("batch-1", store.shards(VersionOneFixture.RUN).get(0).batchId());
            assertNull(
                    store.shards(VersionOneFixture.RUN).get(0).provider(),
                    "a batch kept before format 12 is at the run's own provider");

            RunRecord record = store.runRecord(VersionOneFixture.RUN).orElseThrow();
            assertNull(record.metricsJson(), "format 1 computed no metrics");
            assertNull(record.name());
            assertNull(record.arbiterVersion(), "no version was recorded before format 11");
            assertEquals(new Usage(60, 3), record.baseUsage(), "tokens are summed from the responses");
            assertEquals(new Usage(90, 6), record.judgeUsage());

            store.renameRun(VersionOneFixture.RUN, "baseline");
            assertEquals(
                    "baseline",
                    store.runRecord(VersionOneFixture.RUN).orElseThrow().name());
        }
        try (ProjectStore again = ProjectStore.open(file)) {
            assertEquals(Migrations.latest(), again.schemaVersion(), "migrated once");
            assertEquals(1, again.runRecords().size());
            long next = again.createRun("{\"after\":11}", "0.2.0+0a6c8f167b");
            assertEquals("0.2.0+0a6c8f167b", again.runRecord(next).orElseThrow().arbiterVersion());
        }
    }
}
