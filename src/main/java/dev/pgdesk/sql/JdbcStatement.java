package dev.pgdesk.sql;

import java.util.List;

/**
 * A statement rewritten for pgjdbc's {@code PreparedStatement}: each parameter occurrence is a {@code ?},
 * and a literal {@code ?} (the jsonb operators {@code ?}, {@code ?|}, {@code ?&}) is doubled so the driver
 * keeps it.
 *
 * @param sql the text to prepare
 * @param bindings the parameter bound by each {@code ?}, in order: bind {@code bindings.get(i)} at JDBC
 *     index {@code i + 1}; a parameter used twice appears twice
 */
public record JdbcStatement(String sql, List<Parameter> bindings) {

    /** Copies the bindings. */
    public JdbcStatement {
        if (sql == null) {
            throw new IllegalArgumentException("sql is required");
        }
        bindings = List.copyOf(bindings);
    }

    /** The number of {@code ?} placeholders to bind. */
    public int placeholderCount() {
        return bindings.size();
    }

    /**
     * The 1-based JDBC index of the first placeholder bound to {@code parameter}, as {@code
     * ParameterMetaData} numbers it, or -1 if the statement does not use it.
     */
    public int placeholderIndexOf(Parameter parameter) {
        int index = bindings.indexOf(parameter);
        return index < 0 ? -1 : index + 1;
    }
}
