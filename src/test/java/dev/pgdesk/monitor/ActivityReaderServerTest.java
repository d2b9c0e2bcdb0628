package dev.pgdesk.monitor;

import static dev.pgdesk.monitor.ActivityTestSessions.awaitSession;
import static dev.pgdesk.monitor.ActivityTestSessions.pid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class ActivityReaderServerTest {
    private final ActivityReader reader = new ActivityReader();
    private final ActivityTestSessions sessions = new ActivityTestSessions();
    private final String table = "activity_test_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void endEverySession() throws Exception {
        sessions.close();
        try (Connection c = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    @Test
    void aSleepingQueryShowsItsTextActiveStateAndAGrowingDuration() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        Connection sleeper = sessions.open("postgres", "sleeper");
        int sleeperPid = pid(sleeper);
        sessions.runInBackground(sleeper, "SELECT pg_sleep(60)");

        SessionActivity first = awaitSession(monitor, s -> s.pid() == sleeperPid && s.active());
        SessionActivity later = awaitSession(
                monitor, s -> s.pid() == sleeperPid && s.queryDuration().compareTo(first.queryDuration()) > 0);

        assertThat(first.query()).isEqualTo("SELECT pg_sleep(60)");
        assertThat(first.user()).isEqualTo("postgres");
        assertThat(first.database()).isEqualTo(TestServer.DATABASE);
        assertThat(first.application()).isEqualTo(sessions.application("sleeper"));
        assertThat(first.backendType()).isEqualTo("client backend");
        assertThat(first.clientAddress()).isIn("127.0.0.1", "::1");
        assertThat(first.waitEventType()).isEqualTo("Timeout");
        assertThat(first.waitEvent()).isEqualTo("PgSleep");
        assertThat(first.queryStart()).isNotNull();
        assertThat(first.transactionAge()).isGreaterThanOrEqualTo(first.queryDuration());
        assertThat(first.blockedBy()).isEmpty();
        assertThat(first.awaitedLock()).isNull();
        assertThat(first.lockWait()).isNull();
        assertThat(first.own()).isFalse();
        assertThat(later.queryStart()).isEqualTo(first.queryStart());
    }

    @Test
    void aSnapshotSaysWhoLookedAndListsEveryProcessByPid() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        int monitorPid = pid(monitor);
        Instant before = serverClock(monitor);

        ActivitySnapshot snapshot = reader.activity(monitor);

        assertThat(snapshot.ownPid()).isEqualTo(monitorPid);
        assertThat(snapshot.currentUser()).isEqualTo("postgres");
        assertThat(snapshot.currentDatabase()).isEqualTo(TestServer.DATABASE);
        assertThat(snapshot.takenAt()).isAfterOrEqualTo(before).isBeforeOrEqualTo(serverClock(monitor));
        assertThat(snapshot.privileges()).isEqualTo(new MonitorPrivileges("postgres", true, true, true));
        assertThat(snapshot.sessions()).isSortedAccordingTo(Comparator.comparingInt(SessionActivity::pid));
        assertThat(snapshot.sessions())
                .filteredOn(SessionActivity::own)
                .singleElement()
                .satisfies(own -> {
                    assertThat(own.pid()).isEqualTo(monitorPid);
                    assertThat(own.active()).isTrue();
                });
        // Background processes are listed too, without a database.
        assertThat(snapshot.sessions())
                .anySatisfy(process -> assertThat(process.backendType()).isEqualTo("checkpointer"));
    }

    @Test
    void aBlockedUpdateShowsItsBlockerTheAwaitedLockAndSitsUnderItsBlockerInTheTree() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        createTable(monitor);
        Connection holder = sessions.open("postgres", "holder");
        holder.setAutoCommit(false);
        execute(holder, "UPDATE " + table + " SET n = n + 1 WHERE id = 1");
        int holderPid = pid(holder);
        String holderXid =
                queryText(holder, "SELECT backend_xid::text FROM pg_stat_activity WHERE pid = pg_backend_pid()");
        Connection waiter = sessions.open("postgres", "waiter");
        int waiterPid = pid(waiter);
        Future<Void> update = sessions.runInBackground(waiter, "UPDATE " + table + " SET n = n + 10 WHERE id = 1");

        SessionActivity blocked = awaitSession(monitor, s -> s.pid() == waiterPid && s.blocked());

        assertThat(blocked.blockedBy()).containsExactly(holderPid);
        assertThat(blocked.awaitedLock()).isEqualTo("ShareLock on transaction " + holderXid);
        assertThat(blocked.lockWait()).isNotNull();
        assertThat(blocked.lockWait().isNegative()).isFalse();
        assertThat(blocked.waitEventType()).isEqualTo("Lock");
        assertThat(blocked.active()).isTrue();

        List<SessionActivity> ours = reader.activity(monitor).sessions().stream()
                .filter(sessions::ours)
                .toList();
        List<BlockingNode> tree = BlockingTree.of(ours);
        assertThat(tree).singleElement().satisfies(root -> {
            assertThat(root.session().pid()).isEqualTo(holderPid);
            assertThat(root.session().idleInTransaction()).isTrue();
            assertThat(root.waiting())
                    .singleElement()
                    .satisfies(node -> assertThat(node.session().pid()).isEqualTo(waiterPid));
        });

        holder.rollback();
        update.get();
    }

    @Test
    void aQueryWaitingForATableLockNamesTheTable() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        createTable(monitor);
        Connection holder = sessions.open("postgres", "holder");
        holder.setAutoCommit(false);
        execute(holder, "LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        Connection reader = sessions.open("postgres", "reader");
        int readerPid = pid(reader);
        Future<Void> select = sessions.runInBackground(reader, "SELECT count(*) FROM " + table);

        SessionActivity blocked = awaitSession(monitor, s -> s.pid() == readerPid && s.blocked());

        assertThat(blocked.blockedBy()).containsExactly(pid(holder));
        assertThat(blocked.awaitedLock()).isEqualTo("AccessShareLock on table public." + table);
        holder.rollback();
        select.get();
    }

    @Test
    void aTableOfAnotherDatabaseIsNamedByItsOidAndDatabase() throws Exception {
        Connection monitor = sessions.open("postgres", "postgres", "monitor");
        Connection holder = sessions.open("postgres", "holder");
        createTable(holder);
        String oid = queryText(holder, "SELECT '" + table + "'::regclass::oid::text");
        holder.setAutoCommit(false);
        execute(holder, "LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        Connection reader = sessions.open("postgres", "reader");
        int readerPid = pid(reader);
        Future<Void> select = sessions.runInBackground(reader, "SELECT count(*) FROM " + table);

        SessionActivity blocked = awaitSession(monitor, s -> s.pid() == readerPid && s.blocked());

        assertThat(blocked.awaitedLock())
                .isEqualTo("AccessShareLock on relation " + oid + " in database " + TestServer.DATABASE);
        holder.rollback();
        select.get();
    }

    @Test
    void aWaitForAnAdvisoryLockNamesItsKey() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        Connection holder = sessions.open("postgres", "holder");
        long key = 7_000_000_000L + pid(holder); // beyond 32 bits, and unique to this test run
        execute(holder, "SELECT pg_advisory_lock(" + key + ")");
        Connection waiter = sessions.open("postgres", "waiter");
        int waiterPid = pid(waiter);
        Future<Void> wait = sessions.runInBackground(waiter, "SELECT pg_advisory_xact_lock(" + key + ")");

        SessionActivity blocked = awaitSession(monitor, s -> s.pid() == waiterPid && s.blocked());

        assertThat(blocked.awaitedLock()).isEqualTo("ExclusiveLock on advisory lock " + key);
        execute(holder, "SELECT pg_advisory_unlock(" + key + ")");
        wait.get();
    }

    @Test
    void connectionCountsIncludeTheTestsSessionsByStateAgainstTheLimit() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        Connection idleInTransaction = sessions.open("postgres", "idle-in-transaction");
        idleInTransaction.setAutoCommit(false);
        execute(idleInTransaction, "SELECT 1");
        Connection sleeper = sessions.open("postgres", "sleeper");
        int sleeperPid = pid(sleeper);
        sessions.runInBackground(sleeper, "SELECT pg_sleep(60)");
        awaitSession(monitor, s -> s.pid() == sleeperPid && s.active());

        ConnectionCounts counts = reader.connections(monitor);

        assertThat(counts.byState().get("active")).isGreaterThanOrEqualTo(2); // the sleeper and the monitor
        assertThat(counts.byState().get("idle in transaction")).isGreaterThanOrEqualTo(1);
        assertThat(counts.total())
                .isEqualTo(counts.byState().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isGreaterThanOrEqualTo(3);
        assertThat(counts.maxConnections()).isEqualTo(Integer.parseInt(queryText(monitor, "SHOW max_connections")));
        int reserved = Integer.parseInt(queryText(monitor, "SHOW superuser_reserved_connections"));
        if (TestServer.shared().majorVersion() >= 16) {
            reserved += Integer.parseInt(queryText(monitor, "SHOW reserved_connections"));
        }
        assertThat(counts.reserved()).isEqualTo(reserved);
        assertThat(counts.takenAt()).isNotNull();
    }

    @Test
    void aRoleWithoutPgMonitorSeesOtherRolesQueriesHiddenAndIsToldWhy() throws Exception {
        Connection postgresMonitor = sessions.open("postgres", "monitor");
        Connection aliceMonitor = sessions.open("alice", "alice-monitor");
        Connection sleeper = sessions.open("postgres", "sleeper");
        int sleeperPid = pid(sleeper);
        sessions.runInBackground(sleeper, "SELECT pg_sleep(60)");
        awaitSession(postgresMonitor, s -> s.pid() == sleeperPid && s.active());

        ActivitySnapshot asAlice = reader.activity(aliceMonitor);

        assertThat(asAlice.sessions())
                .filteredOn(s -> s.pid() == sleeperPid)
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.hidden()).isTrue();
                    assertThat(s.query()).isEqualTo(SessionActivity.INSUFFICIENT_PRIVILEGE);
                    assertThat(s.user()).isEqualTo("postgres");
                    assertThat(s.state()).isNull();
                    assertThat(s.queryDuration()).isNull();
                });
        assertThat(asAlice.sessions())
                .filteredOn(SessionActivity::own)
                .singleElement()
                .satisfies(own -> assertThat(own.hidden()).isFalse());
        MonitorPrivileges alice = reader.privileges(aliceMonitor);
        assertThat(alice).isEqualTo(asAlice.privileges());
        assertThat(alice.superuser()).isFalse();
        assertThat(alice.readAllStats()).isFalse();
        assertThat(alice.signalBackend()).isFalse();
        assertThat(alice.note())
                .hasValueSatisfying(note -> assertThat(note)
                        .contains(SessionActivity.INSUFFICIENT_PRIVILEGE, "pg_monitor", "GRANT pg_monitor TO alice;"));
        assertThat(reader.privileges(postgresMonitor).note()).isEmpty();
    }

    @Test
    void connectionCountsAsARoleWithoutPgMonitorStillCountOtherRolesSessions() throws Exception {
        Connection aliceMonitor = sessions.open("alice", "alice-monitor");
        Connection postgresMonitor = sessions.open("postgres", "monitor");

        ConnectionCounts asAlice = reader.connections(aliceMonitor);
        ConnectionCounts asPostgres = reader.connections(postgresMonitor);

        // Both see at least the two monitors; alice cannot see postgres's state, which counts as unknown.
        assertThat(asAlice.total()).isGreaterThanOrEqualTo(2);
        assertThat(asAlice.byState()).containsKey("unknown");
        assertThat(asPostgres.byState()).doesNotContainKey("unknown");
    }

    private void createTable(Connection connection) throws SQLException {
        execute(connection, "CREATE TABLE " + table + " (id int PRIMARY KEY, n int NOT NULL)");
        execute(connection, "INSERT INTO " + table + " VALUES (1, 0)");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryText(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Instant serverClock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return row.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }
}
