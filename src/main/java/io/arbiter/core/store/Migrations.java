package io.arbiter.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * The project file's schema, as numbered steps applied in order, each in its own transaction. Steps are never
 * edited once released: a change is a new step. (Past 300 lines: every step the format ever took, in one ordered
 * list, since a released step is never edited or moved; the two table copies for new stage names are most of it.)
 */
final class Migrations {

    /** "ARBI": marks a SQLite file as an Arbiter project, so another program's database is refused untouched. */
    static final int APPLICATION_ID = 0x41524249;

    record Migration(int version, String description, List<String> statements) {}

    static final List<Migration> ALL = List.of(
            new Migration(
                    1,
                    "runs, responses, response cache, batch ledger",
                    List.of(
                            "PRAGMA application_id = " + APPLICATION_ID,
                            """
                    CREATE TABLE runs (
                        id          INTEGER PRIMARY KEY,
                        created_at  TEXT NOT NULL,
                        spec_json   TEXT NOT NULL,
                        status      TEXT NOT NULL
                    )""",
                            """
                    CREATE TABLE responses (
                        run_id            INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        stage             TEXT NOT NULL CHECK (stage IN ('BASE', 'JUDGE')),
                        row               INTEGER NOT NULL CHECK (row >= 0),
                        text              TEXT,
                        error             TEXT,
                        prompt_tokens     INTEGER NOT NULL DEFAULT 0,
                        completion_tokens INTEGER NOT NULL DEFAULT 0,
                        request_key       TEXT,
                        received_at       TEXT NOT NULL,
                        UNIQUE (run_id, stage, row)
                    )""",
                            """
                    CREATE TABLE response_cache (
                        request_key       TEXT PRIMARY KEY,
                        text              TEXT NOT NULL,
                        prompt_tokens     INTEGER NOT NULL,
                        completion_tokens INTEGER NOT NULL,
                        created_at        TEXT NOT NULL
                    )""",
                            """
                    CREATE TABLE batch_shards (
                        run_id         INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        stage          TEXT NOT NULL CHECK (stage IN ('BASE', 'JUDGE')),
                        shard          INTEGER NOT NULL,
                        input_file_id  TEXT,
                        batch_id       TEXT,
                        status         TEXT NOT NULL,
                        line_count     INTEGER NOT NULL,
                        output_file_id TEXT,
                        error_file_id  TEXT,
                        updated_at     TEXT NOT NULL,
                        PRIMARY KEY (run_id, stage, shard)
                    )""")),
            new Migration(
                    2,
                    "dataset copy, configuration, prompt versions, run records, human verdicts",
                    List.of(
                            """
                    CREATE TABLE datasets (
                        id           INTEGER PRIMARY KEY,
                        name         TEXT NOT NULL,
                        source_path  TEXT,
                        sha256       TEXT NOT NULL UNIQUE,
                        columns_json TEXT NOT NULL,
                        row_count    INTEGER NOT NULL,
                        saved_at     TEXT NOT NULL
                    )""",
                            """
                    CREATE TABLE dataset_rows (
                        dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
                        row        INTEGER NOT NULL CHECK (row >= 0),
                        cells_json TEXT NOT NULL,
                        PRIMARY KEY (dataset_id, row)
                    ) WITHOUT ROWID""",
                            """
                    CREATE TABLE settings (
                        key        TEXT PRIMARY KEY,
                        value      TEXT NOT NULL,
                        updated_at TEXT NOT NULL
                    )""",
                            """
                    CREATE TABLE prompt_versions (
                        id         INTEGER PRIMARY KEY,
                        base_text  TEXT NOT NULL,
                        judge_text TEXT NOT NULL,
                        sha256     TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL
                    )""",
                            "ALTER TABLE runs ADD COLUMN name TEXT",
                            "ALTER TABLE runs ADD COLUMN note TEXT",
                            "ALTER TABLE runs ADD COLUMN started_at TEXT",
                            "ALTER TABLE runs ADD COLUMN ended_at TEXT",
                            "ALTER TABLE runs ADD COLUMN prompt_version_id INTEGER REFERENCES prompt_versions(id)",
                            "ALTER TABLE runs ADD COLUMN base_model TEXT",
                            "ALTER TABLE runs ADD COLUMN judge_model TEXT",
                            "ALTER TABLE runs ADD COLUMN parameters_json TEXT",
                            "ALTER TABLE runs ADD COLUMN dataset_sha256 TEXT",
                            "ALTER TABLE runs ADD COLUMN base_prompt_tokens INTEGER",
                            "ALTER TABLE runs ADD COLUMN base_completion_tokens INTEGER",
                            "ALTER TABLE runs ADD COLUMN judge_prompt_tokens INTEGER",
                            "ALTER TABLE runs ADD COLUMN judge_completion_tokens INTEGER",
                            "ALTER TABLE runs ADD COLUMN cost_usd REAL",
                            "ALTER TABLE runs ADD COLUMN metrics_json TEXT",
                            """
                    CREATE TABLE human_verdicts (
                        dataset_sha256 TEXT NOT NULL,
                        row            INTEGER NOT NULL CHECK (row >= 0),
                        base_right     INTEGER NOT NULL CHECK (base_right IN (0, 1)),
                        note           TEXT NOT NULL,
                        reviewer       TEXT NOT NULL,
                        at             TEXT NOT NULL,
                        PRIMARY KEY (dataset_sha256, row)
                    )""",
                            """
                    CREATE TABLE promoted_rows (
                        dataset_sha256 TEXT NOT NULL,
                        row            INTEGER NOT NULL CHECK (row >= 0),
                        promoted_at    TEXT NOT NULL,
                        PRIMARY KEY (dataset_sha256, row)
                    )""")),
            // A verdict is on one base answer; a later run may answer the row otherwise. Null for older verdicts.
            new Migration(
                    3,
                    "the base answer each human verdict was given on",
                    List.of("ALTER TABLE human_verdicts ADD COLUMN base_answer TEXT")),
            // An answer the cache gave was not paid for; a resumed run must still know that when it is priced.
            new Migration(
                    4,
                    "whether each response came from the response cache",
                    List.of("ALTER TABLE responses ADD COLUMN from_cache INTEGER NOT NULL DEFAULT 0")),
            // A model's reasoning is kept apart from its answer (shown, never parsed), and a reply that came back
            // whole but could not be read keeps its body for the row detail instead of being paid for again.
            new Migration(
                    5,
                    "reasoning apart from answers, and the raw body of replies that could not be read",
                    List.of(
                            "ALTER TABLE responses ADD COLUMN reasoning TEXT",
                            "ALTER TABLE responses ADD COLUMN raw_body TEXT",
                            "ALTER TABLE response_cache ADD COLUMN reasoning TEXT")),
            // A batch's lines are sent again at most once per stage and run: the round it carried must outlive the
            // process, or a resumed run would take a second round for its first and pay some rows a third time.
            new Migration(
                    6,
                    "the round of each batch job (first sending, or the one resubmission)",
                    List.of("ALTER TABLE batch_shards ADD COLUMN round INTEGER NOT NULL DEFAULT 1")),
            // How the judge graded is part of what a run's answers mean: its output is read, counted and exported by
            // that scheme. Every run before this step graded Correct/Incorrect.
            new Migration(
                    7,
                    "the grading scheme of each run",
                    List.of("ALTER TABLE runs ADD COLUMN scheme TEXT NOT NULL DEFAULT 'verdict'")),
            // A reviewer of a scoring run gives a score, not only right or wrong; the score is what the judge's is
            // checked against. Null for every verdict given before, and for right/wrong verdicts since.
            new Migration(
                    8,
                    "the score a reviewer gave with each human verdict",
                    List.of("ALTER TABLE human_verdicts ADD COLUMN score INTEGER")),
            // A pairwise run asks for a second answer and asks the judge again with the answers swapped; each is a
            // response of its own, kept, batched and resumed like the others. SQLite cannot widen a CHECK, so both
            // tables are copied into new ones that allow the two new stages. A reviewer of a pair says which answer
            // is better (A, B or TIE), kept beside the verdict.
            new Migration(
                    9,
                    "the second answer and the swapped judge of pairwise runs; reviewers' preferences",
                    List.of(
                            """
                    CREATE TABLE responses_9 (
                        run_id            INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        stage             TEXT NOT NULL CHECK (stage IN ('BASE', 'JUDGE', 'BASE_B', 'JUDGE_BA')),
                        row               INTEGER NOT NULL CHECK (row >= 0),
                        text              TEXT,
                        error             TEXT,
                        prompt_tokens     INTEGER NOT NULL DEFAULT 0,
                        completion_tokens INTEGER NOT NULL DEFAULT 0,
                        request_key       TEXT,
                        received_at       TEXT NOT NULL,
                        from_cache        INTEGER NOT NULL DEFAULT 0,
                        reasoning         TEXT,
                        raw_body          TEXT,
                        UNIQUE (run_id, stage, row)
                    )""",
                            """
                    INSERT INTO responses_9 (run_id, stage, row, text, error, prompt_tokens, completion_tokens,
                                             request_key, received_at, from_cache, reasoning, raw_body)
                    SELECT run_id, stage, row, text, error, prompt_tokens, completion_tokens,
                           request_key, received_at, from_cache, reasoning, raw_body
                    FROM responses""",
                            "DROP TABLE responses",
                            "ALTER TABLE responses_9 RENAME TO responses",
                            """
                    CREATE TABLE batch_shards_9 (
                        run_id         INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        stage          TEXT NOT NULL CHECK (stage IN ('BASE', 'JUDGE', 'BASE_B', 'JUDGE_BA')),
                        shard          INTEGER NOT NULL,
                        input_file_id  TEXT,
                        batch_id       TEXT,
                        status         TEXT NOT NULL,
                        line_count     INTEGER NOT NULL,
                        output_file_id TEXT,
                        error_file_id  TEXT,
                        updated_at     TEXT NOT NULL,
                        round          INTEGER NOT NULL DEFAULT 1,
                        PRIMARY KEY (run_id, stage, shard)
                    )""",
                            """
                    INSERT INTO batch_shards_9 (run_id, stage, shard, input_file_id, batch_id, status, line_count,
                                                output_file_id, error_file_id, updated_at, round)
                    SELECT run_id, stage, shard, input_file_id, batch_id, status, line_count,
                           output_file_id, error_file_id, updated_at, round
                    FROM batch_shards""",
                            "DROP TABLE batch_shards",
                            "ALTER TABLE batch_shards_9 RENAME TO batch_shards",
                            "ALTER TABLE human_verdicts ADD COLUMN preference TEXT")),
            // A jury or repeats ask the judge more than once per row: each further vote is a stage of its own,
            // named JUDGE_J<juror>R<repeat>, kept, batched and resumed like the others. Both tables are copied again
            // into ones whose CHECK allows those names.
            new Migration(
                    10,
                    "the votes of juries and repeated judgements",
                    List.of(
                            """
                    CREATE TABLE responses_10 (
                        run_id            INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        stage             TEXT NOT NULL CHECK (stage IN ('BASE', 'JUDGE', 'BASE_B', 'JUDGE_BA') OR stage GLOB 'JUDGE_J[1-9]*R[1-9]*'),
                        row               INTEGER NOT NULL CHECK (row >= 0),
                        text              TEXT,
                        error             TEXT,
                        prompt_tokens     INTEGER NOT NULL DEFAULT 0,
                        completion_tokens INTEGER NOT NULL DEFAULT 0,
                        request_key       TEXT,
                        received_at       TEXT NOT NULL,
                        from_cache        INTEGER NOT NULL DEFAULT 0,
                        reasoning         TEXT,
                        raw_body          TEXT,
                        UNIQUE (run_id, stage, row)
                    )""",
                            """
                    INSERT INTO responses_10 (run_id, stage, row, text, error, prompt_tokens, completion_tokens,
                                              request_key, received_at, from_cache, reasoning, raw_body)
                    SELECT run_id, stage, row, text, error, prompt_tokens, completion_tokens,
                           request_key, received_at, from_cache, reasoning, raw_body
                    FROM responses""",
                            "DROP TABLE responses",
                            "ALTER TABLE responses_10 RENAME TO responses",
                            """
                    CREATE TABLE batch_shards_10 (
                        run_id         INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        stage          TEXT NOT NULL CHECK (stage IN ('BASE', 'JUDGE', 'BASE_B', 'JUDGE_BA') OR stage GLOB 'JUDGE_J[1-9]*R[1-9]*'),
                        shard          INTEGER NOT NULL,
                        input_file_id  TEXT,
                        batch_id       TEXT,
                        status         TEXT NOT NULL,
                        line_count     INTEGER NOT NULL,
                        output_file_id TEXT,
                        error_file_id  TEXT,
                        updated_at     TEXT NOT NULL,
                        round          INTEGER NOT NULL DEFAULT 1,
                        PRIMARY KEY (run_id, stage, shard)
                    )""",
                            """
                    INSERT INTO batch_shards_10 (run_id, stage, shard, input_file_id, batch_id, status, line_count,
                                                 output_file_id, error_file_id, updated_at, round)
                    SELECT run_id, stage, shard, input_file_id, batch_id, status, line_count,
                           output_file_id, error_file_id, updated_at, round
                    FROM batch_shards""",
                            "DROP TABLE batch_shards",
                            "ALTER TABLE batch_shards_10 RENAME TO batch_shards")),
            // Which Arbiter made a run ("0.1.0+0a6c8f167b"), so a figure that changes between versions can be traced
            // to the version that computed it. Null for every run recorded before.
            new Migration(
                    11,
                    "the version of Arbiter that created each run",
                    List.of("ALTER TABLE runs ADD COLUMN arbiter_version TEXT")),
            // A jury across providers batches each juror's votes at its own provider: a batch's id and files mean
            // nothing elsewhere, so a resumed run must know where to poll. Null, the run's own provider, for every
            // batch kept before.
            new Migration(
                    12,
                    "the provider each batch was sent to",
                    List.of("ALTER TABLE batch_shards ADD COLUMN provider TEXT")));

    static int latest() {
        return ALL.get(ALL.size() - 1).version();
    }

    private Migrations() {}

    /** Applies every step newer than the file, each in a transaction of its own with its version row. */
    static void apply(Connection connection, Clock clock) throws SQLException {
        int current;
        try (Statement statement = connection.createStatement()) {
            boolean hasVersions = Sql.intQuery(
                            statement,
                            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
                    > 0;
            current = hasVersions ? Sql.intQuery(statement, "SELECT coalesce(max(version), 0) FROM schema_version") : 0;
        }
        if (current > latest()) {
            throw new SQLException(
                    "project format " + current + " is newer than this Arbiter reads (" + latest() + ")");
        }
        for (Migration migration : ALL) {
            if (migration.version() <= current) {
                continue;
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(
                        """
                        CREATE TABLE IF NOT EXISTS schema_version (
                            version     INTEGER PRIMARY KEY,
                            description TEXT NOT NULL,
                            applied_at  TEXT NOT NULL
                        )""");
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.description());
                    insert.setString(3, clock.instant().toString());
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
