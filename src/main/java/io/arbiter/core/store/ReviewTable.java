package io.arbiter.core.store;

import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.verdict.Preference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human review, per dataset content rather than per run: the {@code human_verdicts} table (one verdict per row,
 * on the base answer it was given on) and the {@code promoted_rows} table (rows promoted to worked examples).
 */
public final class ReviewTable {

    private final ProjectFile file;

    ReviewTable(ProjectFile file) {
        this.file = file;
    }

    /** Sets the row's verdict, replacing an earlier one. */
    public void putVerdict(String datasetSha256, int row, HumanVerdict verdict) {
        file.write(w -> {
            PreparedStatement upsert = w.statement(
                    """
                    INSERT INTO human_verdicts
                        (dataset_sha256, row, base_right, note, reviewer, at, base_answer, score, preference)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (dataset_sha256, row) DO UPDATE SET base_right = excluded.base_right,
                        note = excluded.note, reviewer = excluded.reviewer, at = excluded.at,
                        base_answer = excluded.base_answer, score = excluded.score,
                        preference = excluded.preference""");
            upsert.setString(1, datasetSha256);
            upsert.setInt(2, row);
            upsert.setInt(3, verdict.baseRight() ? 1 : 0);
            upsert.setString(4, verdict.note());
            upsert.setString(5, verdict.reviewer());
            upsert.setString(6, verdict.at().toString());
            upsert.setString(7, verdict.answer());
            if (verdict.score() == null) {
                upsert.setNull(8, java.sql.Types.INTEGER);
            } else {
                upsert.setInt(8, verdict.score());
            }
            upsert.setString(
                    9,
                    verdict.preference() == null ? null : verdict.preference().name());
            upsert.executeUpdate();
            return null;
        });
    }

    public void removeVerdict(String datasetSha256, int row) {
        file.write(w -> {
            PreparedStatement delete = w.statement("DELETE FROM human_verdicts WHERE dataset_sha256 = ? AND row = ?");
            delete.setString(1, datasetSha256);
            delete.setInt(2, row);
            delete.executeUpdate();
            return null;
        });
    }

    /** The dataset's verdicts by row, in row order. */
    public Map<Integer, HumanVerdict> verdicts(String datasetSha256) {
        return file.read(connection -> {
            Map<Integer, HumanVerdict> verdicts = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT row, base_right, note, reviewer, at, base_answer, score, preference FROM human_verdicts "
                            + "WHERE dataset_sha256 = ?")) {
                query.setString(1, datasetSha256);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        verdicts.put(
                                rows.getInt(1),
                                new HumanVerdict(
                                        rows.getInt(2) == 1,
                                        rows.getString(3),
                                        rows.getString(4),
                                        Instant.parse(rows.getString(5)),
                                        rows.getString(6),
                                        score(rows),
                                        preference(rows.getString(8))));
                    }
                }
            }
            return verdicts;
        });
    }

    /** The verdict's score, null when the reviewer only said right or wrong. */
    private static Integer score(ResultSet rows) throws java.sql.SQLException {
        int score = rows.getInt(7);
        return rows.wasNull() ? null : score;
    }

    /** A kept preference; null when none, or when a newer version wrote one this version does not know. */
    private static Preference preference(String name) {
        for (Preference preference : Preference.values()) {
            if (preference.name().equals(name)) {
                return preference;
            }
        }
        return null;
    }

    /** Promotes the row to a worked example, or takes it back. */
    public void setPromoted(String datasetSha256, int row, boolean promoted) {
        String now = file.now();
        file.write(w -> {
            PreparedStatement change = w.statement(
                    promoted
                            ? "INSERT INTO promoted_rows (dataset_sha256, row, promoted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                            : "DELETE FROM promoted_rows WHERE dataset_sha256 = ? AND row = ?");
            change.setString(1, datasetSha256);
            change.setInt(2, row);
            if (promoted) {
                change.setString(3, now);
            }
            change.executeUpdate();
            return null;
        });
    }

    /** In the order promoted (a row taken back and promoted again goes last), as the examples appear in the prompt. */
    public List<Integer> promotedRows(String datasetSha256) {
        return file.read(connection -> {
            List<Integer> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT row FROM promoted_rows WHERE dataset_sha256 = ? ORDER BY rowid")) {
                query.setString(1, datasetSha256);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getInt(1));
                    }
                }
            }
            return rows;
        });
    }
}
