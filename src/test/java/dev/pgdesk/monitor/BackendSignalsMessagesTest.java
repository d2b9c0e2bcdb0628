package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.monitor.BackendSignals.Signal;
import dev.pgdesk.monitor.SignalResult.Outcome;
import org.junit.jupiter.api.Test;

class BackendSignalsMessagesTest {

    private static SignalTarget target(String user, String state, boolean inTransaction, boolean superuser) {
        return new SignalTarget(4242, user, "client backend", state, inTransaction, superuser, "alice", false);
    }

    @Test
    void sentSignalsNameThePidAndTheRole() {
        assertThat(SignalMessages.sent(target("bob", "active", true, false), Signal.CANCEL))
                .isEqualTo(new SignalResult(Outcome.SENT, "Cancelled the query of pid 4242 (bob)."));
        assertThat(SignalMessages.sent(target("bob", "active", true, false), Signal.TERMINATE))
                .isEqualTo(new SignalResult(
                        Outcome.SENT, "Terminated pid 4242 (bob); its open transaction was rolled back."));
        assertThat(SignalMessages.sent(target("bob", "idle", false, false), Signal.TERMINATE)
                        .message())
                .isEqualTo("Terminated pid 4242 (bob).");
    }

    @Test
    void cancellingAnIdleSessionSaysThereWasNothingToCancel() {
        assertThat(SignalMessages.sent(target("bob", "idle", false, false), Signal.CANCEL)
                        .message())
                .isEqualTo("pid 4242 (bob) was idle: there was no query to cancel.");
        assertThat(SignalMessages.sent(target("bob", "idle in transaction", true, false), Signal.CANCEL)
                        .message())
                .isEqualTo("pid 4242 (bob) was idle in a transaction: there was no query to cancel. Terminate it"
                        + " to end its transaction.");
    }

    @Test
    void refusalForAnOrdinaryRolesSessionSaysWhoMayAndWhichRoleToGrant() {
        assertThat(SignalMessages.notPermitted(target("bob", null, false, false), Signal.CANCEL))
                .isEqualTo(new SignalResult(
                        Outcome.NOT_PERMITTED,
                        "alice may not cancel the query of pid 4242 (bob). Superusers, members of role bob and"
                                + " members of pg_signal_backend may. To be allowed, ask a superuser to run:"
                                + " GRANT pg_signal_backend TO alice;"));
    }

    @Test
    void refusalForASuperusersSessionOffersNoGrantBecauseNoneWouldHelp() {
        assertThat(SignalMessages.notPermitted(target("postgres", null, false, true), Signal.TERMINATE)
                        .message())
                .isEqualTo("alice may not terminate pid 4242 (postgres): postgres is a superuser, and only"
                        + " superusers may signal a superuser's sessions (pg_signal_backend does not extend to"
                        + " them). Ask a superuser to do it.");
    }

    @Test
    void aServerProcessIsNamedByItsType() {
        SignalTarget walWriter = new SignalTarget(77, null, "walwriter", null, false, false, "alice", false);

        assertThat(SignalMessages.notPermitted(walWriter, Signal.CANCEL).message())
                .isEqualTo("alice may not cancel the query of pid 77 (walwriter): it is a server process, which"
                        + " only superusers may signal.");
        assertThat(SignalMessages.notABackend(walWriter, Signal.TERMINATE).message())
                .isEqualTo("pid 77 (walwriter) is a server process that cannot be terminated from SQL.");
    }

    @Test
    void goneAndOwnSessionsAreSaidPlainly() {
        assertThat(SignalMessages.gone(123)).isEqualTo(new SignalResult(Outcome.GONE, "pid 123 is no longer running."));
        SignalTarget own = new SignalTarget(9, "alice", "client backend", "active", true, false, "alice", true);
        assertThat(SignalMessages.own(own, Signal.TERMINATE))
                .isEqualTo(new SignalResult(
                        Outcome.NOT_PERMITTED,
                        "pid 9 is this monitor's own session; pgdesk never terminates its own session."));
    }
}
