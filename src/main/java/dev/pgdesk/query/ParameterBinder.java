package dev.pgdesk.query;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.postgresql.util.PGobject;

/**
 * Binds values to a prepared statement. The text of a user's parameter goes to the server as text: typed
 * with its type's OID for the types pgdesk checks (so the server's input function for that type reads it and
 * a type the user chose in the GUI holds), as plain text for text, and untyped for every other type, which
 * the server then takes as the type it inferred for the parameter. Nothing is converted on the way.
 */
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
        } else if (value instanceof String text) {
            bindText(statement, index, ParameterValues.canonical(parameter.typeName()), text);
        } else if (value instanceof Short s) {
            statement.setShort(index, s);
        } else if (value instanceof Integer n) {
            statement.setInt(index, n);
        } else if (value instanceof Long n) {
            statement.setLong(index, n);
        } else if (value instanceof BigDecimal n) {
            statement.setBigDecimal(index, n);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else {
            // Values pgdesk makes itself (not a user's text): pgjdbc maps these.
            statement.setObject(index, value);
        }
    }

    private static void bindText(PreparedStatement statement, int index, String type, String text) throws SQLException {
        String serverName = ParameterValues.serverName(type);
        if (serverName != null) {
            PGobject typed = new PGobject();
            typed.setType(serverName);
            typed.setValue(text);
            statement.setObject(index, typed);
        } else if (type.equals("text")) {
            statement.setString(index, text);
        } else {
            // json, jsonb, money, interval, extension and user types: the server's inferred type reads it.
            statement.setObject(index, text, Types.OTHER);
        }
    }
}
