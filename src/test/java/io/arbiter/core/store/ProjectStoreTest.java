package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheWholeSchemaInWalMode() throws Exception {
        Path file = dir.resolve("nested/project.arbiter");
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(Migrations.latest(), store.schemaVersion());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            assertEquals("wal", string(s, "PRAGMA journal_mode"));
            assertEquals(String.valueOf(Migrations.APPLICATION_ID), string(s, "PRAGMA application_id"));
            assertEquals(
                    "11",
                    string(
                            s,
                            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                                    + "('schema_version', 'runs', 'responses', 'response_cache', 'batch_shards', 'datasets', "
                                    + "'dataset_rows', 'settings', 'prompt_versions', 'human_verdicts', 'promoted_rows')"));
        }
    }

    @Test
    void responsesSurviveClosingAndReopening() throws Exception {
        Path file = dir.resolve("p.arbiter");
        long run;
        try (ProjectStore store = ProjectStore.open(file)) {
            run = store.createRun("{\"provider\":\"OpenAI\"}");
            store.recordResponse(new StoredResponse(run, Stage.BASE, 0, "Western", null, new Usage(30, 1), "k0"));
            store.recordResponse(new StoredResponse(run, Stage.BASE, 1, null, "The provider answered 503", null, "k1"));
            store.recordResponse(
                    new StoredResponse(run, Stage.JUDGE, 0, "Western,Correct", null, new Usage(50, 3), "k2"));
            store.updateRunStatus(run, "COMPLETED");
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            Map<Integer, StoredResponse> base = store.responses(run, Stage.BASE);

            assertEquals(2, base.size());
            assertEquals(new StoredResponse(run, Stage.BASE, 0, "Western", null, new Usage(30, 1), "k0"), base.get(0));
            assertEquals("The provider answered 503", base.get(1).error());
            assertEquals(1, store.responses(run, Stage.JUDGE).size());
            assertEquals("COMPLETED", store.runRecords().get(0).status());
            assertEquals("{\"provider\":\"OpenAI\"}", store.runRecords().get(0).specJson());
        }
    }

    @Test
    void aRetriedRowReplacesItsFailure() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.arbiter"))) {
            long run = store.createRun("{}");
            store.recordResponse(new StoredResponse(run, Stage.BASE, 7, null, "timeout", null, "k"));
            store.recordResponse(new StoredResponse(run, Stage.BASE, 7, "Drama", null, new Usage(9, 1), "k"));

            StoredResponse row = store.responses(run, Stage.BASE).get(7);
            assertTrue(row.answered());
            assertEquals("Drama", row.text());
        }
    }

    @Test
    void cacheKeepsTheFirstReplyForAKey() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.arbiter"))) {
            store.cache("key", new ChatReply("Western", new Usage(20, 1)));
            store.cache("key", new ChatReply("Drama", new Usage(20, 1)));

            assertEquals(Optional.of(new ChatReply("Western", new Usage(20, 1))), store.cached("key"));
            assertEquals(Optional.empty(), store.cached("other"));
        }
    }

    @Test
    void aReplyCachedSoonIsInTheFileOnceTheNextWaitedWriteReturns() throws Exception {
        Path file = dir.resolve("p.arbiter");
        try (ProjectStore store = ProjectStore.open(file)) {
            long run = store.createRun("{}");
            store.cacheSoon("key", new ChatReply("Western", new Usage(20, 1)));
            store.recordResponse(new StoredResponse(run, Stage.BASE, 0, "Western", null, new Usage(20, 1), "key"));

            // Another connection sees only what is committed, so the entry is durable, not merely queued.
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement query = other.createStatement();
                    ResultSet rows = query.executeQuery("SELECT text FROM response_cache WHERE request_key = 'key'")) {
                assertTrue(rows.next());
                assertEquals("Western", rows.getString(1));
            }
            assertEquals(Optional.of(new ChatReply("Western", new Usage(20, 1))), store.cached("key"));
        }
    }

    @Test
    void batchShardsAreUpsertedAndListedInOrder() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.arbiter"))) {
            long run = store.createRun("{}");
            store.upsertShard(new BatchShard(run, Stage.BASE, 1, null, null, "written", 10, null, null, null));
            store.upsertShard(
                    new BatchShard(run, Stage.BASE, 0, "file-1", "batch-1", "in_progress", 50_000, null, null, null));
            store.upsertShard(new BatchShard(
                    run, Stage.BASE, 0, "file-1", "batch-1", "completed", 50_000, "out-1", "err-1", null));

            List<BatchShard> shards = store.shards(run);

            assertEquals(2, shards.size());
            assertEquals(0, shards.get(0).shard());
            assertEquals("completed", shards.get(0).status());
            assertEquals("out-1", shards.get(0).outputFileId());
            assertEquals("written", shards.get(1).status());
            assertTrue(shards.get(0).updatedAt() != null);
        }
    }

    @Test
    void aBadWriteFailsAloneAndOthersInTheSameCommitLand() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.arbiter"))) {
            long run = store.createRun("{}");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> writes = new ArrayList<>();
            for (int row = 0; row < 200; row++) {
                int r = row;
                writes.add(pool.submit(() -> store.recordResponse(
                        new StoredResponse(r == 100 ? run + 99 : run, Stage.BASE, r, "x" + r, null, null, null))));
            }
            int failed = 0;
            for (Future<?> write : writes) {
                try {
                    write.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof StoreException, e.toString());
                    failed++;
                }
            }
            pool.shutdown();

            assertEquals(1, failed); // the row of a run that does not exist: the foreign key is enforced
            assertEquals(199, store.responses(run, Stage.BASE).size());
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("notes.arbiter");
        byte[] content = "Sentence,Genre\nA sheriff rides,Western\n".getBytes();
        Files.write(file, content);

        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));

        assertTrue(e.getMessage().contains("not a SQLite database"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertArrayEquals(content, Files.readAllBytes(file));
        assertEquals(List.of(file), Files.list(dir).toList());
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE contacts (name TEXT)");
            s.execute("INSERT INTO contacts VALUES ('Ada')");
        }
        byte[] before = Files.readAllBytes(file);

        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));

        assertTrue(e.getMessage().contains("not an Arbiter project"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aFileFromANewerArbiterIsRefusedWithItsVersion() throws Exception {
        Path file = dir.resolve("future.arbiter");
        ProjectStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version VALUES (99, 'from the future', '2030-01-01T00:00:00Z')");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] before = Files.readAllBytes(file);

        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));

        assertTrue(e.getMessage().contains("newer Arbiter"), e.getMessage());
        assertTrue(e.getMessage().contains("99"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aClosedStoreRefusesWork() throws Exception {
        ProjectStore store = ProjectStore.open(dir.resolve("p.arbiter"));
        store.close();

        assertThrows(StoreException.class, () -> store.createRun("{}"));
        assertThrows(StoreException.class, () -> store.cached("k"));
    }

    @Test
    void unknownStagesAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new StoredResponse(1, (io.arbiter.core.run.Stage) null, 0, "x", null, null, null));
    }

    private static String string(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
