package io.arbiter.core.store;

import io.arbiter.core.prompt.PromptTemplate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code prompt_versions} table: every base and judge prompt pair run, saved once per distinct content. */
public final class PromptVersionTable {

    private final ProjectFile file;

    PromptVersionTable(ProjectFile file) {
        this.file = file;
    }

    /** Saves a prompt pair unless the same pair is saved already; returns its version id either way. */
    public long save(String baseText, String judgeText) {
        String now = file.now();
        // The base prompt's length keeps "ab"+"c" and "a"+"bc" apart.
        String sha = PromptTemplate.sha256(baseText.length() + ":" + baseText + judgeText);
        return file.write(w -> {
            PreparedStatement insert = w.statement(
                    """
                    INSERT INTO prompt_versions (base_text, judge_text, sha256, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (sha256) DO NOTHING""");
            insert.setString(1, baseText);
            insert.setString(2, judgeText);
            insert.setString(3, sha);
            insert.setString(4, now);
            insert.executeUpdate();
            PreparedStatement find = w.statement("SELECT id FROM prompt_versions WHERE sha256 = ?");
            find.setString(1, sha);
            try (ResultSet rows = find.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Every version, oldest first. */
    public List<PromptVersion> versions() {
        return file.read(connection -> {
            List<PromptVersion> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT id, base_text, judge_text, created_at FROM prompt_versions ORDER BY id")) {
                while (rows.next()) {
                    versions.add(new PromptVersion(
                            rows.getLong(1), rows.getString(2), rows.getString(3), Instant.parse(rows.getString(4))));
                }
            }
            return versions;
        });
    }
}
