package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class DatabaseStatsReaderTest {
    private final DatabaseStatsReader reader = new DatabaseStatsReader();

    @Test
    void databaseSizesIncludeTheTestDatabaseLargestFirstAndNoTemplate0() throws SQLException {
        try (Connection c = TestServer.shared().connect("postgres")) {
            List<DatabaseSize> sizes = reader.databaseSizes(c);

            DatabaseSize test = sizes.stream()
                    .filter(size -> size.name().equals(TestServer.DATABASE))
                    .findFirst()
                    .orElseThrow();
            assertThat(test.bytes())
                    .isPositive()
                    .isEqualTo(longValue(c, "SELECT pg_database_size(current_database())"));
            assertThat(test.pretty())
                    .isEqualTo(string(c, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
            assertThat(sizes)
                    .extracting(DatabaseSize::name)
                    .contains("postgres", "template1")
                    .doesNotContain("template0");
            assertThat(sizes).extracting(DatabaseSize::bytes).doesNotContainNull();
            assertThat(sizes).extracting(DatabaseSize::bytes).isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    @Test
    void aDatabaseTheRoleMayNotConnectToShowsNoAccessAtTheEnd() throws SQLException {
        String database = unique("pgdesk_private");
        try (Connection admin = TestServer.shared().connect("postgres", "postgres");
                Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
            try {
                s.execute("REVOKE CONNECT ON DATABASE " + database + " FROM PUBLIC");
                try (Connection alice = TestServer.shared().connect("alice")) {
                    List<DatabaseSize> sizes = reader.databaseSizes(alice);

                    assertThat(sizes).contains(new DatabaseSize(database, null, "no access"));
                    assertThat(sizes.get(sizes.size() - 1).bytes()).isNull();
                    assertThat(sizes.stream()
                                    .filter(size -> size.name().equals(TestServer.DATABASE))
                                    .findFirst()
                                    .orElseThrow()
                                    .bytes())
                            .isPositive();
                }
            } finally {
                s.execute("DROP DATABASE " + database);
            }
        }
    }

    @Test
    void largestRelationsFindsANewTableItsIndexAndAMaterializedView() throws SQLException {
        String table = unique("pgdesk_sizes");
        try (Connection c = TestServer.shared().connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, payload text)");
            try {
                s.execute("INSERT INTO " + table + " SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g");
                s.execute("CREATE MATERIALIZED VIEW " + table + "_mv AS SELECT id FROM " + table);

                List<RelationSize> relations = reader.largestRelations(c, 1000);

                RelationSize tableSize = find(relations, table);
                assertThat(tableSize.schema()).isEqualTo("public");
                assertThat(tableSize.kind()).isEqualTo("table");
                assertThat(tableSize.table()).isNull();
                assertThat(tableSize.totalBytes())
                        .isGreaterThan(5000L * 200)
                        .isEqualTo(longValue(c, "SELECT pg_total_relation_size('" + table + "')"));
                assertThat(tableSize.pretty())
                        .isEqualTo(string(c, "SELECT pg_size_pretty(pg_total_relation_size('" + table + "'))"));
                RelationSize index = find(relations, table + "_pkey");
                assertThat(index.kind()).isEqualTo("index");
                assertThat(index.table()).isEqualTo(table);
                assertThat(index.totalBytes())
                        .isPositive()
                        .isEqualTo(longValue(c, "SELECT pg_relation_size('" + table + "_pkey')"));
                assertThat(find(relations, table + "_mv").kind()).isEqualTo("materialized view");
                assertThat(relations)
                        .extracting(RelationSize::schema)
                        .doesNotContain("pg_catalog", "information_schema", "pg_toast");
            } finally {
                s.execute("DROP TABLE " + table + " CASCADE");
            }
        }
    }

    @Test
    void largestRelationsListsTablesThenIndexesEachLargestFirstUpToTheLimit() throws SQLException {
        String table = unique("pgdesk_sizes");
        try (Connection c = TestServer.shared().connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, code int UNIQUE)");
            try {
                s.execute("INSERT INTO " + table + " SELECT g, g FROM generate_series(1, 1000) g");

                List<RelationSize> all = reader.largestRelations(c, 1000);
                List<RelationSize> top = reader.largestRelations(c, 1);

                int firstIndex = indexOfFirstIndex(all);
                assertThat(firstIndex).isPositive();
                assertThat(all.subList(0, firstIndex))
                        .noneMatch(relation -> relation.kind().equals("index"));
                assertThat(all.subList(firstIndex, all.size()))
                        .allMatch(relation -> relation.kind().equals("index"));
                assertThat(all.subList(0, firstIndex))
                        .extracting(RelationSize::totalBytes)
                        .isSortedAccordingTo(Comparator.reverseOrder());
                assertThat(all.subList(firstIndex, all.size()))
                        .extracting(RelationSize::totalBytes)
                        .isSortedAccordingTo(Comparator.reverseOrder());
                assertThat(top).hasSize(2);
                assertThat(top.get(0)).isEqualTo(all.get(0));
                assertThat(top.get(1)).isEqualTo(all.get(firstIndex));
                assertThatThrownBy(() -> reader.largestRelations(c, 0)).isInstanceOf(IllegalArgumentException.class);
            } finally {
                s.execute("DROP TABLE " + table);
            }
        }
    }

    @Test
    void countersOfTheConnectedDatabaseCarryTheServerClock() throws SQLException {
        try (Connection c = TestServer.shared().connect("alice")) {
            Instant before = instant(c);
            DatabaseCounters counters = reader.counters(c);
            Instant after = instant(c);

            assertThat(counters.database()).isEqualTo(TestServer.DATABASE);
            assertThat(counters.takenAt()).isBetween(before, after);
            assertThat(counters.commits()).isPositive();
            assertThat(counters.cacheHitRatio()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void ratesBetweenTwoReadingsAroundSomeTransactionsArePositive() throws Exception {
        String table = unique("pgdesk_rates");
        try (Connection monitor = TestServer.shared().connect("postgres");
                Statement admin = monitor.createStatement()) {
            // Dropping a table can discard its statistics not yet reported, so it outlives the readings.
            admin.execute("CREATE TABLE " + table + " (id int)");
            try {
                DatabaseCounters earlier = reader.counters(monitor);
                // A closed session reports all its statistics; an open one may hold them back for a while.
                try (Connection work = TestServer.shared().connect("postgres");
                        Statement s = work.createStatement()) {
                    for (int i = 0; i < 20; i++) {
                        s.execute("INSERT INTO " + table + " VALUES (" + i + ")");
                    }
                }
                DatabaseCounters later = awaitInserted(monitor, earlier.rowsInserted() + 20);

                DatabaseRates rates = DatabaseRates.between(earlier, later).orElseThrow();

                assertThat(rates.at()).isEqualTo(later.takenAt());
                assertThat(rates.transactionsPerSecond()).isPositive();
                assertThat(rates.rowsWrittenPerSecond()).isPositive();
                assertThat(later.commits() - earlier.commits()).isGreaterThanOrEqualTo(20);
            } finally {
                admin.execute("DROP TABLE " + table);
            }
        }
    }

    /** Waits for the inserts, which (unlike commits) only the work session makes. */
    private DatabaseCounters awaitInserted(Connection monitor, long inserted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        DatabaseCounters counters = reader.counters(monitor);
        while (counters.rowsInserted() < inserted && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            counters = reader.counters(monitor);
        }
        assertThat(counters.rowsInserted())
                .as("inserts reported within 20 seconds")
                .isGreaterThanOrEqualTo(inserted);
        return counters;
    }

    private static int indexOfFirstIndex(List<RelationSize> relations) {
        for (int i = 0; i < relations.size(); i++) {
            if (relations.get(i).kind().equals("index")) {
                return i;
            }
        }
        return -1;
    }

    private static RelationSize find(List<RelationSize> relations, String name) {
        return relations.stream()
                .filter(relation -> relation.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not among " + relations));
    }

    private static Instant instant(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    private static long longValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
