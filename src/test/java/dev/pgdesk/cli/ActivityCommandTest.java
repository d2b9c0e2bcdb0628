package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.testing.BackgroundSession;
import dev.pgdesk.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pgdesk activity} against a real server with real sessions sleeping and blocking. */
@Tag("server")
class ActivityCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Names this test's sessions so that it never confuses them with other tests'. */
    private final String application = "activity-cli-" + UUID.randomUUID();

    private final List<BackgroundSession> sessions = new ArrayList<>();

    @TempDir
    Path home;

    @AfterEach
    void endSessions() throws Exception {
        for (BackgroundSession session : sessions) {
            session.close();
        }
    }

    private BackgroundSession session(String user) throws Exception {
        BackgroundSession session = BackgroundSession.open(user, application);
        sessions.add(session);
        return session;
    }

    private MonitorCommandRun activity(String user, String... args) throws Exception {
        return MonitorCommandRun.as(user, TestServer.shared().database(), home, ActivityCommand::new, args);
    }

    @Test
    void aSleepingSessionIsListedWithItsQueryAndTheCommandsOwnSessionIsMarked() throws Exception {
        BackgroundSession sleeper = session(TestServer.SUPERUSER);
        sleeper.start("SELECT pg_sleep(30) /* cli sleeper */");
        sleeper.awaitState("active", WAIT);

        MonitorCommandRun run = activity(TestServer.SUPERUSER, "--search", application);

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        String line = run.stdout
                .lines()
                .filter(l -> l.startsWith(sleeper.pid() + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for pid " + sleeper.pid() + " in\n" + run.stdout));
        assertThat(line).contains("active").contains("SELECT pg_sleep(30) /* cli sleeper */");
        assertThat(run.stdout).startsWith("Connections: ").contains("(1 of ");
        assertThat(run.stderr).doesNotContain("note:");
    }

    @Test
    void jsonHasTheSessionsDurationAndMarksTheOwnSession() throws Exception {
        BackgroundSession sleeper = session(TestServer.SUPERUSER);
        sleeper.start("SELECT pg_sleep(30)");
        sleeper.awaitState("active", WAIT);
        Thread.sleep(300);

        MonitorCommandRun run = activity(TestServer.SUPERUSER, "--json");

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        JsonNode document = JSON.readTree(run.stdout);
        JsonNode row = sessionRow(document, sleeper.pid());
        assertThat(row.get("query").asText()).isEqualTo("SELECT pg_sleep(30)");
        assertThat(row.get("application").asText()).isEqualTo(application);
        assertThat(row.get("queryDurationSeconds").asDouble()).isGreaterThanOrEqualTo(0.3);
        assertThat(row.get("own").asBoolean()).isFalse();
        JsonNode own = sessionRow(document, document.get("ownPid").asInt());
        assertThat(own.get("own").asBoolean()).isTrue();
        assertThat(document.get("connections").get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(document.get("connections").get("maxConnections").asInt()).isEqualTo(60);
        assertThat(document.get("privilegeNote").isNull()).isTrue();
    }

    @Test
    void aBlockedSessionAppearsUnderItsBlockerInTheTree() throws Exception {
        String table = "cli_blocking_" + UUID.randomUUID().toString().replace("-", "");
        BackgroundSession blocker = session(TestServer.SUPERUSER);
        blocker.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, n int)");
        blocker.execute("INSERT INTO " + table + " VALUES (1, 0)");
        try {
            blocker.execute("BEGIN");
            blocker.execute("UPDATE " + table + " SET n = 1 WHERE id = 1");
            BackgroundSession waiter = session(TestServer.SUPERUSER);
            waiter.start("UPDATE " + table + " SET n = 2 WHERE id = 1");
            waiter.awaitBlocked(WAIT);

            MonitorCommandRun json = activity(TestServer.SUPERUSER, "--json");
            MonitorCommandRun text = activity(TestServer.SUPERUSER);

            assertThat(json.status).as(json.stderr).isEqualTo(ExitCodes.OK);
            JsonNode root = StreamSupport.stream(
                            JSON.readTree(json.stdout).get("blocking").spliterator(), false)
                    .filter(node -> node.get("pid").asInt() == blocker.pid())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("blocker not a root in " + json.stdout));
            assertThat(root.get("waiting")).hasSize(1);
            assertThat(root.get("waiting").get(0).get("pid").asInt()).isEqualTo(waiter.pid());
            assertThat(root.get("waiting").get(0).get("awaitedLock").asText()).isNotBlank();
            assertThat(sessionRow(JSON.readTree(json.stdout), waiter.pid())
                            .get("blockedBy")
                            .get(0)
                            .asInt())
                    .isEqualTo(blocker.pid());
            assertThat(text.stdout)
                    .contains("Blocking (root blockers first):")
                    .containsPattern("(?m)^  " + blocker.pid() + " postgres .*blocks 1")
                    .containsPattern("(?m)^    └ " + waiter.pid() + " postgres +active +waits ");
        } finally {
            for (BackgroundSession session : sessions) {
                session.close();
            }
            sessions.clear();
            try (var connection = TestServer.shared().connect(TestServer.SUPERUSER);
                    var statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void aRoleWithoutPgMonitorSeesHiddenQueriesAndANoteSayingWhy() throws Exception {
        BackgroundSession sleeper = session(TestServer.SUPERUSER);
        sleeper.start("SELECT pg_sleep(30)");
        sleeper.awaitState("active", WAIT);

        MonitorCommandRun run = activity("alice", "--json");

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        JsonNode document = JSON.readTree(run.stdout);
        assertThat(sessionRow(document, sleeper.pid()).get("query").asText()).isEqualTo("<insufficient privilege>");
        assertThat(document.get("privilegeNote").asText()).contains("pg_monitor");
        assertThat(run.stderr).contains("pgdesk activity: note: ").contains("pg_monitor");
    }

    @Test
    void filtersLeaveOutOtherSessions() throws Exception {
        BackgroundSession idle = session("alice");

        MonitorCommandRun mine = activity(TestServer.SUPERUSER, "--mine", "--json");
        MonitorCommandRun hideIdle = activity(TestServer.SUPERUSER, "--hide-idle", "--json");

        List<Integer> minePids = pids(JSON.readTree(mine.stdout));
        assertThat(minePids)
                .doesNotContain(idle.pid())
                .contains(JSON.readTree(mine.stdout).get("ownPid").asInt());
        assertThat(pids(JSON.readTree(hideIdle.stdout))).doesNotContain(idle.pid());
        assertThat(pids(JSON.readTree(activity(TestServer.SUPERUSER, "--json").stdout)))
                .contains(idle.pid());
    }

    @Test
    void badArgumentsAndTargetsAreRefusedWithTheirExitCodes() throws Exception {
        MonitorCommandRun unknownOption = activity(TestServer.SUPERUSER, "--bogus");
        assertThat(unknownOption.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(unknownOption.stderr).contains("unknown option '--bogus'");

        MonitorCommandRun missingValue = activity(TestServer.SUPERUSER, "--search");
        assertThat(missingValue.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(missingValue.stderr).contains("option '--search' needs a value");

        MonitorCommandRun malformed = MonitorCommandRun.withArguments(
                "secret", home, ActivityCommand::new, List.of("postgresql://host:notaport/db"));
        assertThat(malformed.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(malformed.stderr).startsWith("pgdesk activity: ").contains("port");
        assertThat(malformed.stdout).isEmpty();
    }

    @Test
    void aMissingDatabaseIsAConnectionFailure() throws Exception {
        MonitorCommandRun run = MonitorCommandRun.as(TestServer.SUPERUSER, "no_such_db", home, ActivityCommand::new);

        assertThat(run.status).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(run.stderr).contains("pgdesk activity: could not connect to").contains("3D000");
        assertThat(run.stdout).isEmpty();
    }

    private static JsonNode sessionRow(JsonNode document, int pid) {
        return StreamSupport.stream(document.get("sessions").spliterator(), false)
                .filter(row -> row.get("pid").asInt() == pid)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session " + pid + " in " + document));
    }

    private static List<Integer> pids(JsonNode document) {
        return StreamSupport.stream(document.get("sessions").spliterator(), false)
                .map(row -> row.get("pid").asInt())
                .toList();
    }
}
