package io.arbiter.core.store;

import io.arbiter.core.llm.Usage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code runs} table: each run's spec and status, and what project format 2 added (name, note, times, models,
 * prompt version, tokens, cost, metrics). Deleting a run deletes its responses and batch ledger with it.
 */
public final class RunTable {

    /**
     * Token totals come from the responses when the run has not ended, so a running or killed run shows them: a
     * pair's two answers are base tokens, and every judge stage (a pair's both orders, a jury's every vote) judge tokens.
     */
    private static final String RUN_RECORD_QUERY =
            """
            SELECT r.id, r.created_at, r.spec_json, r.status, r.name, r.note, r.started_at, r.ended_at,
                   r.prompt_version_id, r.base_model, r.judge_model, r.parameters_json, r.dataset_sha256,
                   coalesce(r.base_prompt_tokens, (SELECT sum(prompt_tokens) FROM responses
                                                   WHERE run_id = r.id AND stage IN ('BASE', 'BASE_B')), 0),
                   coalesce(r.base_completion_tokens, (SELECT sum(completion_tokens) FROM responses
                                                       WHERE run_id = r.id AND stage IN ('BASE', 'BASE_B')), 0),
                   coalesce(r.judge_prompt_tokens, (SELECT sum(prompt_tokens) FROM responses
                                                    WHERE run_id = r.id AND stage NOT IN ('BASE', 'BASE_B')), 0),
                   coalesce(r.judge_completion_tokens, (SELECT sum(completion_tokens) FROM responses
                                                        WHERE run_id = r.id AND stage NOT IN ('BASE', 'BASE_B')), 0),
                   r.cost_usd, r.metrics_json, r.scheme, r.arbiter_version
            FROM runs r""";

    private final ProjectFile file;

    RunTable(ProjectFile file) {
        this.file = file;
    }

    /**
     * Records a new run; {@code specJson} must name key variables only, never hold a key.
     *
     * @param arbiterVersion the Arbiter creating it ({@code ArbiterBuild.recorded()}); null when not known
     */
    public long create(String specJson, String arbiterVersion) {
        String now = file.now();
        return file.write(w -> {
            PreparedStatement insert = w.statement(
                    """
                    INSERT INTO runs (created_at, spec_json, status, arbiter_version)
                    VALUES (?, ?, 'CREATED', ?) RETURNING id""");
            insert.setString(1, now);
            insert.setString(2, specJson);
            Sql.setNullable(insert, 3, arbiterVersion);
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        });
    }

    public void updateStatus(long runId, String status) {
        update(runId, "UPDATE runs SET status = ? WHERE id = ?", update -> {
            update.setString(1, status);
            update.setLong(2, runId);
        });
    }

    /** Every run's record, with what format 2 added; null fields where a format-1 run knew nothing. */
    public List<RunRecord> records() {
        return file.read(connection -> {
            List<RunRecord> runs = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(RUN_RECORD_QUERY + " ORDER BY r.id")) {
                while (rows.next()) {
                    runs.add(record(rows));
                }
            }
            return runs;
        });
    }

    public Optional<RunRecord> record(long runId) {
        return file.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(RUN_RECORD_QUERY + " WHERE r.id = ?")) {
                query.setLong(1, runId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(record(rows)) : Optional.empty();
                }
            }
        });
    }

    private static RunRecord record(ResultSet rows) throws SQLException {
        long promptVersion = rows.getLong(9);
        Long promptVersionId = rows.wasNull() ? null : promptVersion;
        double cost = rows.getDouble(18);
        Double costUsd = rows.wasNull() ? null : cost;
        return new RunRecord(
                rows.getLong(1),
                Instant.parse(rows.getString(2)),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                Sql.instant(rows.getString(7)),
                Sql.instant(rows.getString(8)),
                promptVersionId,
                rows.getString(10),
                rows.getString(11),
                rows.getString(12),
                rows.getString(13),
                new Usage(rows.getLong(14), rows.getLong(15)),
                new Usage(rows.getLong(16), rows.getLong(17)),
                costUsd,
                rows.getString(19),
                rows.getString(20),
                rows.getString(21));
    }

    /** Records what a run is about to do; {@code startedAt} is set the first time only, so a resume keeps it. */
    public void describe(
            long runId,
            Long promptVersionId,
            String baseModel,
            String judgeModel,
            String parametersJson,
            String datasetSha256,
            String scheme) {
        String now = file.now();
        update(
                runId,
                """
                UPDATE runs SET prompt_version_id = ?, base_model = ?, judge_model = ?, parameters_json = ?,
                                dataset_sha256 = ?, started_at = coalesce(started_at, ?), scheme = ?
                WHERE id = ?""",
                update -> {
                    if (promptVersionId == null) {
                        update.setNull(1, Types.INTEGER);
                    } else {
                        update.setLong(1, promptVersionId);
                    }
                    Sql.setNullable(update, 2, baseModel);
                    Sql.setNullable(update, 3, judgeModel);
                    Sql.setNullable(update, 4, parametersJson);
                    Sql.setNullable(update, 5, datasetSha256);
                    update.setString(6, now);
                    update.setString(7, scheme);
                    update.setLong(8, runId);
                });
    }

    /** Records how a run ended: its status, tokens per stage, cost when known and its headline metrics. */
    public void finish(long runId, String status, Usage base, Usage judge, Double costUsd, String metricsJson) {
        String now = file.now();
        update(
                runId,
                """
                UPDATE runs SET status = ?, ended_at = ?, base_prompt_tokens = ?, base_completion_tokens = ?,
                                judge_prompt_tokens = ?, judge_completion_tokens = ?, cost_usd = ?, metrics_json = ?
                WHERE id = ?""",
                update -> {
                    update.setString(1, status);
                    update.setString(2, now);
                    update.setLong(3, base.promptTokens());
                    update.setLong(4, base.completionTokens());
                    update.setLong(5, judge.promptTokens());
                    update.setLong(6, judge.completionTokens());
                    if (costUsd == null) {
                        update.setNull(7, Types.REAL);
                    } else {
                        update.setDouble(7, costUsd);
                    }
                    Sql.setNullable(update, 8, metricsJson);
                    update.setLong(9, runId);
                });
    }

    /** Names the run; a blank name clears it. */
    public void rename(long runId, String name) {
        update(runId, "UPDATE runs SET name = ? WHERE id = ?", update -> {
            Sql.setNullable(update, 1, name == null || name.isBlank() ? null : name.strip());
            update.setLong(2, runId);
        });
    }

    /** Notes something about the run; a blank note clears it. */
    public void annotate(long runId, String note) {
        update(runId, "UPDATE runs SET note = ? WHERE id = ?", update -> {
            Sql.setNullable(update, 1, note == null || note.isBlank() ? null : note.strip());
            update.setLong(2, runId);
        });
    }

    /** Deletes a run with its responses and batch ledger; the response cache keeps what was paid for. */
    public void delete(long runId) {
        update(runId, "DELETE FROM runs WHERE id = ?", delete -> delete.setLong(1, runId));
    }

    @FunctionalInterface
    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Changes one run; a run that is not there is an error, not a silent no-op. */
    private void update(long runId, String sql, Binding binding) {
        file.write(w -> {
            PreparedStatement update = w.statement(sql);
            binding.bind(update);
            if (update.executeUpdate() == 0) {
                throw new SQLException("there is no run " + runId);
            }
            return null;
        });
    }
}
