package dev.pgdesk.cli;

import dev.pgdesk.config.Redaction;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.check.Failure;
import dev.pgdesk.connect.check.FailureExplainer;
import java.io.PrintStream;
import java.sql.SQLException;

/** Tells the user on stderr, in the connection dialog's words, why a command could not connect. */
final class ConnectionFailureReport {

    /** Where pgdesk looks for a password, for a run that had none and nobody to ask. */
    static final String PASSWORD_SOURCES = "pgdesk asks for the password only when its standard input and"
            + " output are a terminal (not redirected). Otherwise, and for schedulers, save it in the keyring (the connection dialog of the pgdesk window, for a saved"
            + " profile), add a line host:port:database:user:password to ~/.pgpass (mode 0600), or set"
            + " PGPASSWORD.";

    private ConnectionFailureReport() {}

    /** Prints the explanation and what to do; returns {@link ExitCodes#CONNECTION_FAILED}. */
    static int print(PrintStream err, String command, ConnectionProfile profile, SQLException e) {
        Failure failure = new FailureExplainer(profile).explain(e);
        // The driver's words end up in the title and the explanation; they never should carry a password.
        err.println(Redaction.redact("pgdesk " + command + ": could not connect to " + profile.displayTarget() + ": "
                + failure.title() + (failure.sqlState().isEmpty() ? "" : " (SQLSTATE " + failure.sqlState() + ")")));
        if (!failure.explanation().isBlank()) {
            err.println(Redaction.redact(failure.explanation()));
        }
        if (SessionOpener.demandsPassword(e)) {
            err.println("What to do: " + PASSWORD_SOURCES);
        } else if (!failure.remedy().isBlank()) {
            err.println(Redaction.redact("What to do: " + failure.remedy()));
        }
        return ExitCodes.CONNECTION_FAILED;
    }
}
