package io.arbiter.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;

/** The few JDBC idioms every table of the project file repeats: nullable text, one-number queries, instants. */
final class Sql {

    private Sql() {}

    /** The first column of the first row as a number; 0 when there is no row. */
    static int intQuery(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** An instant as stored (ISO-8601 text); null stays null. */
    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
