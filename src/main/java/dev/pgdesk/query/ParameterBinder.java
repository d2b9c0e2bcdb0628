package dev.pgdesk.query;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Binds converted values to a prepared statement with the setter that matches each value's type. */
final class ParameterBinder {
    private ParameterBinder() {}

    static void bind(PreparedStatement statement, List<ParameterValue> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(statement, i + 1, values.get(i));
        }
    }

    private static void bind(PreparedStatement statement, int index, ParameterValue parameter) throws SQLException {
        Object value = parameter.value();
        if (value == null) {
            // Unspecified type: the server keeps the type it inferred for the parameter.
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof Short s) {
            statement.setShort(index, s);
        } else if (value instanceof Integer n) {
            statement.setInt(index, n);
        } else if (value instanceof Long n) {
            statement.setLong(index, n);
        } else if (value instanceof BigDecimal n) {
            statement.setBigDecimal(index, n);
        } else if (value instanceof Float n) {
            statement.setFloat(index, n);
        } else if (value instanceof Double n) {
            statement.setDouble(index, n);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof String text && parameter.typeName().equals("text")) {
            statement.setString(index, text);
        } else if (value instanceof String text) {
            // json, jsonb and types we do not know: sent untyped, converted by the server.
            statement.setObject(index, text, Types.OTHER);
        } else {
            // LocalDate, LocalDateTime, OffsetDateTime, UUID: pgjdbc maps these itself.
            statement.setObject(index, value);
        }
    }
}
