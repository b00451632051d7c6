package io.arbiter.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code datasets} and {@code dataset_rows} tables: copies of the datasets run, one per content (named by the
 * source file's SHA-256), so a project still shows its runs when the source file is gone or changed.
 */
public final class DatasetTable {

    private final ProjectFile file;

    DatasetTable(ProjectFile file) {
        this.file = file;
    }

    /**
     * Copies a dataset into the file unless a copy of the same content is there already; returns the copy's id.
     * {@code rowsJson} holds one JSON array of cells per row, in order.
     */
    public long save(String name, String sourcePath, String sha256, String columnsJson, List<String> rowsJson) {
        String now = file.now();
        return file.write(w -> {
            PreparedStatement find = w.statement("SELECT id FROM datasets WHERE sha256 = ?");
            find.setString(1, sha256);
            try (ResultSet found = find.executeQuery()) {
                if (found.next()) {
                    long id = found.getLong(1);
                    PreparedStatement path = w.statement("UPDATE datasets SET source_path = ?, name = ? WHERE id = ?");
                    Sql.setNullable(path, 1, sourcePath);
                    path.setString(2, name);
                    path.setLong(3, id);
                    path.executeUpdate();
                    return id;
                }
            }
            PreparedStatement insert = w.statement(
                    """
                    INSERT INTO datasets (name, source_path, sha256, columns_json, row_count, saved_at)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""");
            insert.setString(1, name);
            Sql.setNullable(insert, 2, sourcePath);
            insert.setString(3, sha256);
            insert.setString(4, columnsJson);
            insert.setInt(5, rowsJson.size());
            insert.setString(6, now);
            long id;
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
            PreparedStatement row =
                    w.statement("INSERT INTO dataset_rows (dataset_id, row, cells_json) VALUES (?, ?, ?)");
            for (int i = 0; i < rowsJson.size(); i++) {
                row.setLong(1, id);
                row.setInt(2, i);
                row.setString(3, rowsJson.get(i));
                row.addBatch();
            }
            row.executeBatch();
            return id;
        });
    }

    /** The copy of the dataset with this content, if the file has one. */
    public Optional<StoredDataset> withContent(String sha256) {
        return where("WHERE sha256 = ?", sha256);
    }

    /** The dataset copied in last. */
    public Optional<StoredDataset> latest() {
        return where("ORDER BY id DESC LIMIT 1", null);
    }

    private Optional<StoredDataset> where(String clause, String parameter) {
        return file.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, name, source_path, sha256, columns_json, row_count, saved_at FROM datasets "
                            + clause)) {
                if (parameter != null) {
                    query.setString(1, parameter);
                }
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredDataset(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getInt(6),
                            Instant.parse(rows.getString(7))));
                }
            }
        });
    }

    /** The copy's rows in order, each a JSON array of cells. */
    public List<String> rows(long datasetId) {
        return file.read(connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT cells_json FROM dataset_rows WHERE dataset_id = ? ORDER BY row")) {
                query.setLong(1, datasetId);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
            }
            return rows;
        });
    }
}
