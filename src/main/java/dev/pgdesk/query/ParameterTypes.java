package dev.pgdesk.query;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Asks the server which type each parameter of a statement has, without running it. */
public final class ParameterTypes {
    private ParameterTypes() {}

    /**
     * The PostgreSQL type name (e.g. {@code int4}, {@code text}) of each {@code ?} in {@code jdbcSql}, in
     * order. The server parses the statement to answer, so a syntax error surfaces here as an SQLException.
     */
    public static List<String> describe(Connection connection, String jdbcSql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
            ParameterMetaData metaData = statement.getParameterMetaData();
            List<String> types = new ArrayList<>(metaData.getParameterCount());
            for (int i = 1; i <= metaData.getParameterCount(); i++) {
                types.add(metaData.getParameterTypeName(i));
            }
            return types;
        }
    }
}
