package dev.pgdesk.ui.query;

import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ScriptRun;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.StatementOutcome;
import dev.pgdesk.query.StatementResult;
import dev.pgdesk.query.StreamedRows;
import dev.pgdesk.query.TransactionState;
import dev.pgdesk.query.UpdateResult;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** How results read in the status line, the Messages and the history: "3 rows", "UPDATE 2", "ERROR …". */
final class ResultText {
    private static final List<String> COUNTED = List.of("INSERT", "UPDATE", "DELETE", "MERGE", "COPY");

    private ResultText() {}

    static String describe(StatementResult result) {
        if (result instanceof RowsResult rows) {
            return rowCount(rows.rows().size()) + (rows.truncated() ? " (more exist)" : "");
        }
        if (result instanceof UpdateResult update) {
            return commandTag(update);
        }
        if (result instanceof StreamedRows streamed) {
            return "first " + rowCount(streamed.firstRows().size()) + "; more load as you scroll";
        }
        ServerError error = (ServerError) result;
        return "ERROR " + error.sqlState() + ": " + error.message();
    }

    /** The command with its row count where the server gives one, as psql prints it. */
    static String commandTag(UpdateResult update) {
        boolean counts = update.rowsAffected() > 0 || COUNTED.contains(update.command());
        return counts ? update.command() + " " + update.rowsAffected() : update.command();
    }

    static String rowCount(int rows) {
        return rows == 1 ? "1 row" : rows + " rows";
    }

    static String millis(Duration duration) {
        long ms = duration.toMillis();
        return ms < 1000 ? ms + " ms" : String.format("%.2f s", ms / 1000.0);
    }

    /** The Messages lines of one statement: its notices, then its summary or its error in full. */
    static List<MessageLine> linesFor(StatementOutcome outcome, String script) {
        LocalTime now = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        List<MessageLine> lines = new ArrayList<>();
        StatementResult result = outcome.result();
        result.notices()
                .forEach(notice -> lines.add(
                        new MessageLine(now, MessageLine.Kind.NOTICE, notice.severity() + ":  " + notice.message())));
        String where = "Statement " + (outcome.index() + 1) + " (line "
                + lineOf(script, outcome.statement().start()) + ")";
        if (result instanceof RowsResult rows) {
            lines.add(new MessageLine(
                    now,
                    MessageLine.Kind.INFO,
                    where + ": " + rowCount(rows.rows().size()) + (rows.truncated() ? " shown; more exist" : "")
                            + " in " + millis(rows.duration())));
        } else if (result instanceof StreamedRows streamed) {
            lines.add(new MessageLine(
                    now,
                    MessageLine.Kind.INFO,
                    where + ": first " + rowCount(streamed.firstRows().size()) + " in " + millis(streamed.duration())
                            + "; the rest streams from the server as you scroll"));
        } else if (result instanceof UpdateResult update) {
            lines.add(new MessageLine(
                    now,
                    MessageLine.Kind.INFO,
                    where + ": " + commandTag(update) + " in " + millis(update.duration())));
        } else if (result instanceof ServerError error) {
            lines.add(new MessageLine(
                    now, MessageLine.Kind.ERROR, where + ": ERROR " + error.sqlState() + ": " + error.message()));
            if (error.detail() != null && !error.detail().isBlank()) {
                lines.add(new MessageLine(now, MessageLine.Kind.ERROR, "DETAIL:  " + error.detail()));
            }
            if (error.hint() != null && !error.hint().isBlank()) {
                lines.add(new MessageLine(now, MessageLine.Kind.ERROR, "HINT:  " + error.hint()));
            }
            outcome.errorOffset()
                    .ifPresent(offset -> lines.add(new MessageLine(
                            now,
                            MessageLine.Kind.ERROR,
                            "at line " + lineOf(script, offset) + ", marked in the editor")));
        }
        return lines;
    }

    /**
     * The Messages lines that close a run: why it stopped early (a lost connection names the statement it
     * cut off and what went with the session), what was not run, and after a run that continued past
     * errors, every failed statement again.
     */
    static List<MessageLine> afterRun(ScriptRun run, String script) {
        LocalTime now = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        List<MessageLine> lines = new ArrayList<>();
        String rest = run.notRun() == 1
                ? "the 1 statement after it was"
                : "the " + run.notRun() + " statements after it were";
        switch (run.stop()) {
            case CONNECTION_LOST -> {
                StatementOutcome cut = run.outcomes().get(run.outcomes().size() - 1);
                lines.add(new MessageLine(
                        now,
                        MessageLine.Kind.ERROR,
                        "The connection was lost during statement " + (cut.index() + 1) + " (line "
                                + lineOf(script, cut.statement().start()) + "). The session's settings (SET),"
                                + " temporary tables and prepared statements are gone"
                                + (run.notRun() == 0 ? "" : ", and " + rest + " not run")
                                + ": nothing is moved to another connection. The next run starts a new session."));
            }
            case ERROR, CANCEL -> {
                if (run.notRun() > 0) {
                    lines.add(new MessageLine(
                            now,
                            MessageLine.Kind.INFO,
                            (run.notRun() == 1 ? "1 statement was" : run.notRun() + " statements were")
                                    + " not run after the "
                                    + (run.stop() == ScriptRun.Stop.ERROR ? "error." : "cancel.")));
                }
            }
            case NONE -> {
                // every statement ran
            }
        }
        List<StatementOutcome> failures = run.failures();
        if (run.stop() == ScriptRun.Stop.NONE
                && !failures.isEmpty()
                && run.outcomes().size() > 1) {
            lines.add(new MessageLine(
                    now,
                    MessageLine.Kind.ERROR,
                    failures.size() + " of " + run.outcomes().size() + " statements failed; the run went on after"
                            + " each (Continue on Error):"));
            for (StatementOutcome failed : failures) {
                ServerError error = (ServerError) failed.result();
                lines.add(new MessageLine(
                        now,
                        MessageLine.Kind.ERROR,
                        "  Statement " + (failed.index() + 1) + " (line "
                                + lineOf(script, failed.statement().start()) + "): ERROR " + error.sqlState() + ": "
                                + error.message()));
            }
        }
        return lines;
    }

    /** The status line after a run: what happened, and what the transaction state asks of the user. */
    static String summary(ScriptRun run, TransactionState state) {
        String outcome;
        List<StatementOutcome> failures = run.failures();
        if (run.connectionLost()) {
            StatementOutcome cut = run.outcomes().get(run.outcomes().size() - 1);
            outcome = "Connection lost during statement " + (cut.index() + 1)
                    + (run.notRun() == 0 ? "." : "; the rest was not run.");
        } else if (run.stop() == ScriptRun.Stop.NONE
                && !failures.isEmpty()
                && run.outcomes().size() > 1) {
            outcome = run.outcomes().size() + " statements run, " + failures.size() + " failed: see Messages.";
        } else if (run.failed()) {
            ServerError error = (ServerError) failures.get(failures.size() - 1).result();
            outcome = ServerError.QUERY_CANCELED.equals(error.sqlState())
                    ? "Cancelled: " + error.message()
                    : "Failed: ERROR " + error.sqlState() + ": " + error.message();
        } else if (run.notRun() > 0) {
            outcome = "Cancelled after " + run.outcomes().size() + " statements.";
        } else {
            outcome = run.outcomes().size() == 1
                    ? describe(run.outcomes().get(0).result())
                    : run.outcomes().size() + " statements run.";
        }
        if (state != TransactionState.IDLE && !outcome.endsWith(".")) {
            outcome += ".";
        }
        return switch (state) {
            case IDLE -> outcome;
            case IN_TRANSACTION -> outcome + " A transaction is open: commit or roll back.";
            case FAILED -> outcome + " The transaction failed: statements are ignored until you roll back.";
        };
    }

    /** The 1-based line of {@code offset} in {@code script}. */
    static int lineOf(String script, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, script.length()); i++) {
            if (script.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
