package io.arbiter.core.store;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.Stage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code responses} table: every stage's answer (or error) for every row of every run, written the moment it
 * arrived. One response per run, stage and row: a later one for the same row replaces it.
 */
public final class ResponseTable {

    private static final String UPSERT =
            """
            INSERT INTO responses (run_id, stage, row, text, error, prompt_tokens, completion_tokens,
                                   request_key, received_at, from_cache, reasoning, raw_body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (run_id, stage, row) DO UPDATE SET
                text = excluded.text, error = excluded.error, prompt_tokens = excluded.prompt_tokens,
                completion_tokens = excluded.completion_tokens, request_key = excluded.request_key,
                received_at = excluded.received_at, from_cache = excluded.from_cache,
                reasoning = excluded.reasoning, raw_body = excluded.raw_body""";

    private final ProjectFile file;

    ResponseTable(ProjectFile file) {
        this.file = file;
    }

    /** Writes one response, replacing an earlier one for the same run, stage and row; returns once it is in the file. */
    public void record(StoredResponse response) {
        String now = file.now();
        file.write(w -> {
            insert(w.statement(UPSERT), response, now);
            return null;
        });
    }

    /** Writes many responses in one transaction: for a downloaded batch output file. */
    public void recordAll(Collection<StoredResponse> responses) {
        if (responses.isEmpty()) {
            return;
        }
        String now = file.now();
        file.write(w -> {
            PreparedStatement insert = w.statement(UPSERT);
            for (StoredResponse response : responses) {
                insert(insert, response, now);
            }
            return null;
        });
    }

    private static void insert(PreparedStatement insert, StoredResponse r, String now) throws SQLException {
        insert.setLong(1, r.runId());
        insert.setString(2, r.stage().name());
        insert.setInt(3, r.row());
        Sql.setNullable(insert, 4, r.text());
        Sql.setNullable(insert, 5, r.error());
        insert.setLong(6, r.usage().promptTokens());
        insert.setLong(7, r.usage().completionTokens());
        Sql.setNullable(insert, 8, r.requestKey());
        insert.setString(9, now);
        insert.setInt(10, r.fromCache() ? 1 : 0);
        Sql.setNullable(insert, 11, r.reasoning());
        Sql.setNullable(insert, 12, r.rawBody());
        insert.executeUpdate();
    }

    /** How many of a run's stored responses are answers, over every stage (a jury's votes too). */
    public long answered(long runId) {
        return file.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*) FROM responses WHERE run_id = ? AND text IS NOT NULL")) {
                query.setLong(1, runId);
                try (ResultSet count = query.executeQuery()) {
                    return count.next() ? count.getLong(1) : 0L;
                }
            }
        });
    }

    /** Every stored response of one stage of a run, by row. */
    public Map<Integer, StoredResponse> responses(long runId, Stage stage) {
        if (stage == null) {
            throw new IllegalArgumentException("Stage must be BASE or JUDGE, not null");
        }
        return file.read(connection -> {
            Map<Integer, StoredResponse> responses = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    SELECT row, text, error, prompt_tokens, completion_tokens, request_key, from_cache, reasoning,
                           raw_body
                    FROM responses WHERE run_id = ? AND stage = ?""")) {
                query.setLong(1, runId);
                query.setString(2, stage.name());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        int row = rows.getInt(1);
                        responses.put(
                                row,
                                new StoredResponse(
                                        runId,
                                        stage,
                                        row,
                                        rows.getString(2),
                                        rows.getString(3),
                                        new Usage(rows.getLong(4), rows.getLong(5)),
                                        rows.getString(6),
                                        rows.getInt(7) == 1,
                                        rows.getString(8),
                                        rows.getString(9)));
                    }
                }
            }
            return responses;
        });
    }
}
