package dev.pgdesk.testing;

import dev.pgdesk.localdb.SampleDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The app's sample schema and data in the database {@value #DATABASE} of the shared {@link TestServer},
 * loaded once per test JVM on first use. Tests read it; a test that changes it works in a transaction it
 * rolls back, or in a scratch schema of its own.
 */
public final class SampleSchema {
    public static final String DATABASE = "sample";

    private static volatile boolean loaded;

    private SampleSchema() {}

    /** The shared server, with the sample database loaded. */
    public static synchronized TestServer server() {
        TestServer server = TestServer.shared();
        if (!loaded) {
            try {
                load(server);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Could not load the sample schema: " + e.getMessage(), e);
            }
            loaded = true;
        }
        return server;
    }

    /** A connection to the sample database as {@code user} (postgres or alice). */
    public static Connection connect(String user) throws SQLException {
        return server().connect(user, DATABASE);
    }

    private static void load(TestServer server) throws SQLException, IOException {
        try (Connection admin = server.connect(TestServer.SUPERUSER, "postgres");
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
            s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO alice");
        }
        try (Connection c = server.connect(TestServer.SUPERUSER, DATABASE)) {
            c.setAutoCommit(false);
            SampleDatabase.load(c);
            c.commit();
        }
    }
}
