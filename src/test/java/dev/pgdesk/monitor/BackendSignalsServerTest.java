package dev.pgdesk.monitor;

import static dev.pgdesk.monitor.ActivityTestSessions.awaitSession;
import static dev.pgdesk.monitor.ActivityTestSessions.pid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.monitor.SignalResult.Outcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class BackendSignalsServerTest {
    private static final String SLEEP = "SELECT pg_sleep(60)";

    private final BackendSignals signals = new BackendSignals();
    private final ActivityReader reader = new ActivityReader();
    private final ActivityTestSessions sessions = new ActivityTestSessions();

    @AfterEach
    void endEverySession() throws Exception {
        sessions.close();
    }

    @Test
    void cancellingASleepingQueryFailsItsStatementAndKeepsTheSession() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        Connection sleeper = sessions.open("postgres", "sleeper");
        int sleeperPid = pid(sleeper);
        Future<Void> sleep = sessions.runInBackground(sleeper, SLEEP);
        awaitSession(
                monitor, s -> s.pid() == sleeperPid && s.active() && s.query().equals(SLEEP));

        SignalResult result = signals.cancel(monitor, sleeperPid);

        assertThat(result)
                .isEqualTo(new SignalResult(Outcome.SENT, "Cancelled the query of pid " + sleeperPid + " (postgres)."));
        assertThatThrownBy(() -> sleep.get(ActivityTestSessions.DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
        SessionActivity afterwards = awaitSession(monitor, s -> s.pid() == sleeperPid && s.idle());
        assertThat(afterwards.query()).isEqualTo(SLEEP);
        assertThat(sleeper.isValid(5)).isTrue();
    }

    @Test
    void terminatingASleepingSessionEndsItsConnection() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        Connection sleeper = sessions.open("postgres", "sleeper");
        int sleeperPid = pid(sleeper);
        Future<Void> sleep = sessions.runInBackground(sleeper, SLEEP);
        awaitSession(
                monitor, s -> s.pid() == sleeperPid && s.active() && s.query().equals(SLEEP));

        SignalResult result = signals.terminate(monitor, sleeperPid);

        // Even a single statement runs in a transaction of its own, which the termination rolls back.
        assertThat(result)
                .isEqualTo(new SignalResult(
                        Outcome.SENT,
                        "Terminated pid " + sleeperPid + " (postgres); its open transaction was rolled back."));
        assertThatThrownBy(() -> sleep.get(ActivityTestSessions.DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(SQLException.class);
        sessions.awaitGone(sleeperPid);
        assertThat(reader.activity(monitor).sessions()).noneMatch(s -> s.pid() == sleeperPid);
        assertThat(sleeper.isValid(5)).isFalse();
    }

    @Test
    void aRoleWithoutPrivilegeCannotSignalASuperusersSessionAndIsToldWhy() throws Exception {
        Connection aliceMonitor = sessions.open("alice", "alice-monitor");
        Connection postgresMonitor = sessions.open("postgres", "monitor");
        Connection sleeper = sessions.open("postgres", "sleeper");
        int sleeperPid = pid(sleeper);
        Future<Void> sleep = sessions.runInBackground(sleeper, SLEEP);
        awaitSession(postgresMonitor, s -> s.pid() == sleeperPid && s.active());

        SignalResult cancel = signals.cancel(aliceMonitor, sleeperPid);
        SignalResult terminate = signals.terminate(aliceMonitor, sleeperPid);

        assertThat(cancel.outcome()).isEqualTo(Outcome.NOT_PERMITTED);
        assertThat(cancel.sent()).isFalse();
        assertThat(cancel.message())
                .startsWith("alice may not cancel the query of pid " + sleeperPid + " (postgres): postgres is a"
                        + " superuser")
                .contains("only superusers may signal");
        assertThat(terminate.outcome()).isEqualTo(Outcome.NOT_PERMITTED);
        assertThat(terminate.message()).startsWith("alice may not terminate pid " + sleeperPid + " (postgres)");
        assertThat(sleep).isNotDone();
        assertThat(awaitSession(postgresMonitor, s -> s.pid() == sleeperPid).active())
                .isTrue();
        // The refusal left alice's connection usable.
        assertThat(reader.privileges(aliceMonitor).user()).isEqualTo("alice");
    }

    @Test
    void aRoleMayCancelItsOwnOtherSessions() throws Exception {
        Connection aliceMonitor = sessions.open("alice", "alice-monitor");
        Connection sleeper = sessions.open("alice", "alice-sleeper");
        int sleeperPid = pid(sleeper);
        Future<Void> sleep = sessions.runInBackground(sleeper, SLEEP);
        awaitSession(aliceMonitor, s -> s.pid() == sleeperPid && s.active());

        assertThat(signals.cancel(aliceMonitor, sleeperPid).message())
                .isEqualTo("Cancelled the query of pid " + sleeperPid + " (alice).");
        assertThatThrownBy(() -> sleep.get(ActivityTestSessions.DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void aSessionThatHasEndedIsGone() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        Connection shortLived = sessions.open("postgres", "short-lived");
        int pid = pid(shortLived);
        shortLived.close();
        sessions.awaitGone(pid);

        assertThat(signals.cancel(monitor, pid))
                .isEqualTo(new SignalResult(Outcome.GONE, "pid " + pid + " is no longer running."));
        assertThat(signals.terminate(monitor, pid).outcome()).isEqualTo(Outcome.GONE);
    }

    @Test
    void theMonitorNeverSignalsItsOwnBackend() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        int own = pid(monitor);

        SignalResult result = signals.terminate(monitor, own);

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_PERMITTED);
        assertThat(result.message())
                .isEqualTo("pid " + own + " is this monitor's own session; pgdesk never terminates its own session.");
        assertThat(monitor.isValid(5)).isTrue();
    }

    @Test
    void aServerProcessWithoutABackendCannotBeCancelled() throws Exception {
        Connection monitor = sessions.open("postgres", "monitor");
        SessionActivity checkpointer = awaitSession(monitor, s -> "checkpointer".equals(s.backendType()));

        SignalResult result = signals.cancel(monitor, checkpointer.pid());

        assertThat(result)
                .isEqualTo(new SignalResult(
                        Outcome.NOT_PERMITTED,
                        "pid " + checkpointer.pid() + " (checkpointer) is a server process that cannot be cancelled"
                                + " from SQL."));
    }
}
