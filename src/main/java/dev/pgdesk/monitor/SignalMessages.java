package dev.pgdesk.monitor;

import dev.pgdesk.monitor.BackendSignals.Signal;
import dev.pgdesk.monitor.SignalResult.Outcome;

/** The words of {@link SignalResult}s: what happened, and when refused, who may do it instead. */
final class SignalMessages {

    private SignalMessages() {}

    static SignalResult gone(int pid) {
        return new SignalResult(Outcome.GONE, "pid " + pid + " is no longer running.");
    }

    static SignalResult own(SignalTarget target, Signal signal) {
        String action = signal == Signal.CANCEL ? "cancels its own queries" : "terminates its own session";
        return new SignalResult(
                Outcome.NOT_PERMITTED,
                "pid " + target.pid() + " is this monitor's own session; pgdesk never " + action + ".");
    }

    static SignalResult sent(SignalTarget target, Signal signal) {
        if (signal == Signal.TERMINATE) {
            String transaction = target.inTransaction() ? "; its open transaction was rolled back." : ".";
            return new SignalResult(Outcome.SENT, "Terminated " + target.described() + transaction);
        }
        if ("idle".equals(target.state())) {
            return new SignalResult(Outcome.SENT, target.described() + " was idle: there was no query to cancel.");
        }
        if (target.state() != null && target.state().startsWith("idle in transaction")) {
            return new SignalResult(
                    Outcome.SENT,
                    target.described() + " was idle in a transaction: there was no query to cancel. Terminate it"
                            + " to end its transaction.");
        }
        return new SignalResult(Outcome.SENT, "Cancelled the query of " + target.described() + ".");
    }

    static SignalResult notPermitted(SignalTarget target, Signal signal) {
        String refused = target.monitorUser() + " may not " + verb(signal) + " " + target.described();
        String why;
        if (target.user() == null) {
            why = ": it is a server process, which only superusers may signal.";
        } else if (target.ownerSuperuser()) {
            why = ": " + target.user() + " is a superuser, and only superusers may signal a superuser's sessions"
                    + " (pg_signal_backend does not extend to them). Ask a superuser to do it.";
        } else {
            why = ". Superusers, members of role " + target.user() + " and members of pg_signal_backend may."
                    + " To be allowed, ask a superuser to run: GRANT pg_signal_backend TO "
                    + RoleNames.quote(target.monitorUser()) + ";";
        }
        return new SignalResult(Outcome.NOT_PERMITTED, refused + why);
    }

    static SignalResult notABackend(SignalTarget target, Signal signal) {
        return new SignalResult(
                Outcome.NOT_PERMITTED,
                target.described() + " is a server process that cannot be "
                        + (signal == Signal.CANCEL ? "cancelled" : "terminated") + " from SQL.");
    }

    /** "cancel the query of" or "terminate", to be followed by the target. */
    private static String verb(Signal signal) {
        return signal == Signal.CANCEL ? "cancel the query of" : "terminate";
    }
}
