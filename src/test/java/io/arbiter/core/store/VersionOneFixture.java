package io.arbiter.core.store;

import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Wrote {@code src/test/resources/fixtures/project-v1.arbiter} once, with the code of project format 1, so every
 * later format is tested against a file an older Arbiter really saved. Kept to show how it was made; running it
 * now would write the current format, so do not regenerate the fixture.
 */
final class VersionOneFixture {

    static final long RUN = 1;
    static final int ROWS = 3;
    static final String SPEC = "{\"dataset\":\"/data/movies.csv\",\"dataset_sha256\":\"00ff\","
            + "\"input_columns\":[\"Overview\"],\"truth_column\":\"Genre\",\"truth_separator\":\",\","
            + "\"base_prompt\":\"Name the genre of: {{Overview}}\",\"judge_prompt\":\"Judge {{base_answer}}\","
            + "\"provider\":\"offline\",\"api_key_env\":null,\"base_model\":\"offline-demo-base\","
            + "\"judge_model\":\"offline-demo-judge\",\"temperature\":0.0,\"max_tokens\":256}";

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Files.deleteIfExists(file);
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
        try (ProjectStore store = ProjectStore.open(file, clock)) {
            long run = store.createRun(SPEC);
            String[] genres = {"Western", "Drama", "Comedy"};
            for (int row = 0; row < ROWS; row++) {
                store.recordResponse(
                        new StoredResponse(run, Stage.BASE, row, genres[row], null, new Usage(20, 1), "k" + row));
                store.recordResponse(new StoredResponse(
                        run, Stage.JUDGE, row, genres[row] + ",Correct", null, new Usage(30, 2), "j" + row));
            }
            store.cache("k0", new ChatReply("Western", new Usage(20, 1)));
            store.upsertShard(
                    new BatchShard(run, Stage.JUDGE, 0, "file-1", "batch-1", "completed", 3, "out-1", null, null));
            store.updateRunStatus(run, "COMPLETED");
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            statement.execute("PRAGMA journal_mode = DELETE"); // one self-contained file in the repository
        }
    }

    private VersionOneFixture() {}
}
