package dev.pgdesk.query;

import dev.pgdesk.task.CancellationToken;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Run in a forked JVM with a small heap by {@link RowCursorMemoryTest}: reads every row of a large query
 * either through {@link RowCursor} ({@code cursor}) or with a plain auto-commit {@code getObject} loop that
 * lets pgjdbc read the whole result first ({@code whole}). Prints the row count; an OutOfMemoryError ends
 * it with a non-zero status.
 *
 * <p>Arguments: mode, JDBC URL, user, password, SQL.
 */
public final class StreamingReadMain {
    private StreamingReadMain() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Properties properties = new Properties();
        properties.setProperty("user", args[2]);
        properties.setProperty("password", args[3]);
        properties.setProperty("sslmode", "prefer");
        String sql = args[4];
        long rows = 0;
        try (Connection connection = DriverManager.getConnection(args[1], properties)) {
            if (mode.equals("cursor")) {
                try (RowCursor cursor = RowCursor.open(
                        connection, BoundStatement.of(sql), 1000, Duration.ZERO, new CancellationToken())) {
                    for (List<Object[]> batch = cursor.next(500); !batch.isEmpty(); batch = cursor.next(500)) {
                        rows += batch.size();
                    }
                }
            } else {
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery(sql)) {
                    while (result.next()) {
                        result.getObject(1);
                        result.getObject(2);
                        rows++;
                    }
                }
            }
        }
        System.out.println(rows);
    }
}
