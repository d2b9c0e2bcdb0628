package dev.pgdesk.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sample loaded by an older pgdesk (a lower sample version) is loaded again, so new objects appear. */
@Tag("server")
class SampleDatabaseUpgradeTest {

    @TempDir
    Path temp;

    @Test
    void aSampleFromAnOlderVersionIsReloaded() throws Exception {
        // As root the server runs as nobody, who must pass through JUnit's 0700 temp directory.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path directory = temp.resolve("sample");
        List<String> progress = new ArrayList<>();
        try (SampleDatabase first = SampleDatabase.start(directory, progress::add);
                Connection c = connect(first);
                Statement s = c.createStatement()) {
            // What version 1 left: its completion row, and none of the newer objects.
            s.execute("UPDATE pgdesk_sample_info SET version = 1");
            s.execute("DROP TABLE support_tickets");
        }
        progress.clear();

        try (SampleDatabase second = SampleDatabase.start(directory, progress::add);
                Connection c = connect(second);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT max(version) FROM pgdesk_sample_info),"
                        + " to_regclass('public.support_tickets') IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(SampleDatabase.SAMPLE_VERSION);
            assertThat(rs.getBoolean(2)).isTrue();
        }
        assertThat(progress).anyMatch(line -> line.startsWith("Loading the sample data"));
    }

    private static Connection connect(SampleDatabase sample) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", sample.profile().user());
        properties.setProperty("password", sample.password());
        properties.setProperty("sslmode", "disable");
        return DriverManager.getConnection(
                "jdbc:postgresql://" + sample.profile().host() + ":"
                        + sample.profile().port() + "/" + sample.profile().database(),
                properties);
    }
}
