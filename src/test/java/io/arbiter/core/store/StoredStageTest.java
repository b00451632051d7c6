package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store speaks {@link Stage}; the stage as text still works, and means the same, until its callers move. */
class StoredStageTest {

    @TempDir
    Path dir;

    @Test
    void aStageGivenAsTextOrAsTheEnumIsTheSameStage() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.arbiter"))) {
            long run = store.createRun("{}");
            store.responseTable()
                    .record(new StoredResponse(run, Stage.JUDGE, 0, "Drama,Correct", null, new Usage(9, 2), "j0"));
            store.recordResponse(new StoredResponse(run, Stage.BASE, 0, "Drama", null, new Usage(5, 1), "b0"));

            Map<Integer, StoredResponse> base = store.responses(run, Stage.BASE);
            Map<Integer, StoredResponse> judge = store.responses(run, Stage.JUDGE);

            assertEquals(Map.of(0, new StoredResponse(run, Stage.BASE, 0, "Drama", null, new Usage(5, 1), "b0")), base);
            assertEquals(
                    new StoredResponse(run, Stage.JUDGE, 0, "Drama,Correct", null, new Usage(9, 2), "j0"),
                    judge.get(0));
            assertEquals(base, store.responses(run, Stage.BASE));
            assertEquals(1, judge.size());
            // the run's token totals still find each stage's responses by the text the file keeps
            RunRecord record = store.runRecord(run).orElseThrow();
            assertEquals(new Usage(5, 1), record.baseUsage());
            assertEquals(new Usage(9, 2), record.judgeUsage());
        }
    }

    @Test
    void shardsComeBackWithTheirStageBaseBeforeJudge() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.arbiter"))) {
            long run = store.createRun("{}");
            store.upsertShard(new BatchShard(run, Stage.JUDGE, 0, "f-j0", "b-j0", "in_progress", 4, null, null, null));
            store.upsertShard(new BatchShard(run, Stage.BASE, 1, "f-b1", "b-b1", "completed", 4, "o-b1", null, null));
            store.upsertShard(new BatchShard(run, Stage.BASE, 0, "f-b0", "b-b0", "completed", 4, "o-b0", null, null));

            List<BatchShard> shards = store.shardTable().shards(run);

            assertEquals(
                    List.of(Stage.BASE, Stage.BASE, Stage.JUDGE),
                    shards.stream().map(BatchShard::stage).toList());
            assertEquals(
                    List.of(0, 1, 0), shards.stream().map(BatchShard::shard).toList());
        }
    }

    @Test
    void aStageMustBeGiven() throws Exception {
        assertThrows(
                IllegalArgumentException.class, () -> new StoredResponse(1, (Stage) null, 0, "x", null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BatchShard(1, (Stage) null, 0, null, null, "written", 1, null, null, null));
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.arbiter"))) {
            long run = store.createRun("{}");
            assertThrows(IllegalArgumentException.class, () -> store.responses(run, (Stage) null));
        }
    }

    @Test
    void aJurysVotesAreKeptAsStagesOfTheirOwnAndCountAsJudgeTokens() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.arbiter"))) {
            long run = store.createRun("{}");
            Stage vote = Stage.vote(2, 1);
            store.recordResponse(new StoredResponse(run, Stage.BASE, 0, "Drama", null, new Usage(5, 1), "b0"));
            store.recordResponse(new StoredResponse(run, Stage.JUDGE, 0, "Drama,Correct", null, new Usage(9, 2), "j0"));
            store.recordResponse(new StoredResponse(run, vote, 0, "Drama,Incorrect", null, new Usage(7, 3), "v0"));
            store.upsertShard(new BatchShard(run, vote, 0, "f-v0", "b-v0", "in_progress", 4, null, null, null));

            assertEquals("Drama,Incorrect", store.responses(run, vote).get(0).text());
            assertEquals(1, store.responses(run, Stage.JUDGE).size(), "a vote is not the judge's own stage");
            assertEquals(vote, store.shardTable().shards(run).get(0).stage());
            RunRecord record = store.runRecord(run).orElseThrow();
            assertEquals(new Usage(16, 5), record.judgeUsage(), "every vote is judge usage");
            assertEquals(new Usage(5, 1), record.baseUsage());
        }
    }
}
