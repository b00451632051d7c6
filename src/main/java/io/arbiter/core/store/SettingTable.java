package io.arbiter.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The {@code settings} table: the project's configuration by key (column mapping, provider profile, current
 * prompts). A provider is stored with the name of the environment variable its key is read from, never the key.
 */
public final class SettingTable {

    private final ProjectFile file;

    SettingTable(ProjectFile file) {
        this.file = file;
    }

    /** Sets the key's value, replacing what it held. */
    public void put(String key, String value) {
        String now = file.now();
        file.write(w -> {
            PreparedStatement upsert = w.statement(
                    """
                    INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""");
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.setString(3, now);
            upsert.executeUpdate();
            return null;
        });
    }

    public Optional<String> get(String key) {
        return file.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                query.setString(1, key);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
