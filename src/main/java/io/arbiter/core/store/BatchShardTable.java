package io.arbiter.core.store;

import io.arbiter.core.run.Stage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code batch_shards} table, the batch ledger: every Batch API job of a run by stage and shard, so a reopened
 * project polls live batches and downloads finished ones instead of paying for them twice, each at the provider it
 * was sent to.
 */
public final class BatchShardTable {

    private final ProjectFile file;

    BatchShardTable(ProjectFile file) {
        this.file = file;
    }

    /** Adds a shard to the ledger or replaces what it knew of it. */
    public void upsert(BatchShard shard) {
        String now = file.now();
        file.write(w -> {
            PreparedStatement upsert = w.statement(
                    """
                    INSERT INTO batch_shards (run_id, stage, shard, input_file_id, batch_id, status, line_count,
                                              output_file_id, error_file_id, updated_at, round, provider)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (run_id, stage, shard) DO UPDATE SET
                        input_file_id = excluded.input_file_id, batch_id = excluded.batch_id,
                        status = excluded.status, line_count = excluded.line_count,
                        output_file_id = excluded.output_file_id, error_file_id = excluded.error_file_id,
                        updated_at = excluded.updated_at, provider = excluded.provider""");
            upsert.setLong(1, shard.runId());
            upsert.setString(2, shard.stage().name());
            upsert.setInt(3, shard.shard());
            Sql.setNullable(upsert, 4, shard.inputFileId());
            Sql.setNullable(upsert, 5, shard.batchId());
            upsert.setString(6, shard.status());
            upsert.setInt(7, shard.lineCount());
            Sql.setNullable(upsert, 8, shard.outputFileId());
            Sql.setNullable(upsert, 9, shard.errorFileId());
            upsert.setString(10, now);
            upsert.setInt(11, shard.round());
            Sql.setNullable(upsert, 12, shard.provider());
            upsert.executeUpdate();
            return null;
        });
    }

    /** The run's shards, by stage (base first) then shard number. */
    public List<BatchShard> shards(long runId) {
        return file.read(connection -> {
            List<BatchShard> shards = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    SELECT stage, shard, input_file_id, batch_id, status, line_count, output_file_id,
                           error_file_id, updated_at, round, provider
                    FROM batch_shards WHERE run_id = ? ORDER BY stage, shard""")) {
                query.setLong(1, runId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        shards.add(new BatchShard(
                                runId,
                                Stage.valueOf(rows.getString(1)),
                                rows.getInt(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getInt(6),
                                rows.getString(7),
                                rows.getString(8),
                                Instant.parse(rows.getString(9)),
                                rows.getInt(10),
                                rows.getString(11)));
                    }
                }
            }
            return shards;
        });
    }
}
