package io.arbiter.core.store;

import java.time.Instant;

/**
 * A dataset copied into the project file, without its rows.
 *
 * @param sourcePath  the file it was read from, as the user last saw it; null when unknown
 * @param sha256      hex SHA-256 of the source file's bytes; names the copy (one copy per content)
 * @param columnsJson the column names as a JSON array
 */
public record StoredDataset(
        long id, String name, String sourcePath, String sha256, String columnsJson, int rowCount, Instant savedAt) {}
