package io.arbiter.core.store;

import java.util.List;

/**
 * The project file's schema, as numbered steps applied in order, each in its own transaction. Steps are never
 * edited once released: a change is a new step.
 */
final class Migrations {

    /** "ARBI": marks a SQLite file as an Arbiter project, so another program's database is refused untouched. */
    static final int APPLICATION_ID = 0x41524249;

    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "runs, responses, response cache, batch ledger", List.of(
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
                    )""")));

    static int latest() {
        return ALL.get(ALL.size() - 1).version();
    }

    private Migrations() {
    }
}
