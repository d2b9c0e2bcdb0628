package dev.pgdesk.ui.monitor;

import dev.pgdesk.monitor.ServerMonitor;
import dev.pgdesk.monitor.SessionActivity;
import dev.pgdesk.monitor.SignalResult;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.dialog.DialogService;
import java.util.function.Consumer;

/**
 * Cancel Query and Terminate Session, from the activity table and the blocking tree alike: a confirmation
 * that names the pid, the user and the query, the signal off the FX thread, and the outcome in words.
 */
final class Signals {
    /** Makes the signaller of a pane that shows outcomes through {@code message}. */
    @FunctionalInterface
    interface Factory {
        Signals create(Consumer<String> message);
    }

    private final ServerMonitor monitor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<String> message;
    private final Runnable afterwards;

    Signals(
            ServerMonitor monitor,
            TaskRunner tasks,
            DialogService dialogs,
            Consumer<String> message,
            Runnable afterwards) {
        this.monitor = monitor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.message = message;
        this.afterwards = afterwards;
    }

    /** The question Cancel Query asks. */
    static String cancelQuestion(SessionActivity session) {
        return "Cancel the query of pid " + session.pid() + who(session) + "?\n\n"
                + MonitorText.shortened(session.query(), MonitorText.QUOTED_QUERY_LENGTH)
                + "\n\nThe session stays connected; its statement fails with “canceling statement due to user"
                + " request”.";
    }

    /** The question Terminate Session asks. */
    static String terminateQuestion(SessionActivity session) {
        return "Terminate the session of pid " + session.pid() + who(session) + "?\n\n"
                + MonitorText.shortened(session.query(), MonitorText.QUOTED_QUERY_LENGTH)
                + "\n\nIts connection is closed and an open transaction is rolled back.";
    }

    private static String who(SessionActivity session) {
        return session.user() == null ? "" : " (" + session.user() + ")";
    }

    void cancel(SessionActivity session) {
        if (dialogs.confirm("Cancel Query", cancelQuestion(session), "Cancel Query")) {
            send(session, "Cancelling", () -> monitor.cancel(session.pid()));
        }
    }

    void terminate(SessionActivity session) {
        if (dialogs.confirm("Terminate Session", terminateQuestion(session), "Terminate Session")) {
            send(session, "Terminating", () -> monitor.terminate(session.pid()));
        }
    }

    private interface Signal {
        SignalResult send() throws Exception;
    }

    private void send(SessionActivity session, String doing, Signal signal) {
        message.accept(doing + " pid " + session.pid() + "…");
        tasks.run(
                token -> signal.send(),
                result -> {
                    message.accept(result.message());
                    switch (result.outcome()) {
                        case SENT -> {}
                        case GONE -> dialogs.showInfo("Session has ended", result.message());
                        case NOT_PERMITTED -> dialogs.showError("Not permitted", result.message());
                    }
                    afterwards.run();
                },
                error -> {
                    String said = doing + " pid " + session.pid() + " failed: " + MonitorText.describe(error);
                    message.accept(said);
                    dialogs.showError("Could not signal pid " + session.pid(), said);
                });
    }
}
