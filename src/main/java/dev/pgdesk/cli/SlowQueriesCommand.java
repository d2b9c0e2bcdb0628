package dev.pgdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.monitor.MonitorPrivileges;
import dev.pgdesk.monitor.ServerMonitor;
import dev.pgdesk.monitor.SlowQueries;
import dev.pgdesk.monitor.SlowQueryOrder;
import dev.pgdesk.monitor.StatementStats;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code pgdesk slow-queries}: the monitoring pane's pg_stat_statements table. */
final class SlowQueriesCommand implements CliCommand {
    private static final String JSON = "--json";
    private static final String TOP = "--top";
    private static final String ORDER = "--order";
    private static final int DEFAULT_TOP = 20;
    private static final int MAX_TOP = 1000;
    private static final int QUERY_WIDTH = 100;
    private static final Map<String, SlowQueryOrder> ORDERS = Map.of(
            "total", SlowQueryOrder.TOTAL_TIME,
            "mean", SlowQueryOrder.MEAN_TIME,
            "calls", SlowQueryOrder.CALLS,
            "rows", SlowQueryOrder.ROWS);

    private final TargetResolver targets;

    /** The command as {@code pgdesk} runs it: saved profiles, the environment, the keyring. */
    SlowQueriesCommand() {
        this(TargetResolver.forCurrentUser());
    }

    /** For tests: where targets and passwords come from. */
    SlowQueriesCommand(TargetResolver targets) {
        this.targets = targets;
    }

    @Override
    public String name() {
        return "slow-queries";
    }

    @Override
    public String summary() {
        return "Show the most expensive statements from pg_stat_statements";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk slow-queries <target> [--top N] [--order total|mean|calls|rows] [--json]
                                           [--no-password]

                Prints the top statements recorded by the pg_stat_statements extension: total and mean
                execution time, calls, rows, shared-buffer hit ratio, role, database and the normalised
                query text (constants appear as $1, $2, …). Works with the column names of every
                supported PostgreSQL version.

                When the extension is not installed in the database, or its library is not in
                shared_preload_libraries, says so and how to enable it, and exits with status 5.

                <target> is a connection URI, a key=value string or the name of a saved profile.
                The password comes from PGPASSWORD, the keyring (saved profiles) or ~/.pgpass;
                on a terminal pgdesk asks for it when the server wants one. --no-password never
                asks (for scripts): the connection then fails at once.

                Options:
                  --top N        how many statements (default 20, at most 1000)
                  --order KEY    rank by total (default), mean, calls or rows
                  --json         print one JSON document instead of a table

                Exit status: 0 done, 2 bad arguments, 3 connection failed, 4 SQL error,
                5 pg_stat_statements not available.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            return runOnTarget(args, out, err);
        } finally {
            targets.release();
        }
    }

    private int runOnTarget(List<String> args, PrintStream out, PrintStream err) {
        CliArguments arguments;
        String target;
        int top;
        SlowQueryOrder order;
        try {
            arguments = CliArguments.parse(args, Set.of(JSON, SessionOpener.NO_PASSWORD), Set.of(TOP, ORDER));
            target = arguments.singlePositional("target (a postgresql:// URI, a key=value string or a profile name)");
            top = top(arguments);
            order = order(arguments);
        } catch (CliUsageException e) {
            err.println("pgdesk slow-queries: " + e.getMessage());
            err.println("Run 'pgdesk slow-queries --help' for usage.");
            return ExitCodes.BAD_ARGUMENTS;
        }
        ResolvedSettings settings;
        try {
            settings = targets.resolve(
                    target,
                    warning -> err.println("pgdesk slow-queries: warning: " + warning),
                    line -> err.println("pgdesk slow-queries: " + line));
        } catch (ConnInfoException e) {
            err.println("pgdesk slow-queries: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        boolean json = arguments.has(JSON);
        SessionOpener opener = targets.opener(arguments.has(SessionOpener.NO_PASSWORD));
        return MonitorConnection.run(
                name(), settings, opener, err, monitor -> print(monitor, order, top, json, out, err));
    }

    private static int top(CliArguments arguments) throws CliUsageException {
        String text = arguments.value(TOP).orElse(String.valueOf(DEFAULT_TOP));
        try {
            int top = Integer.parseInt(text.strip());
            if (top >= 1 && top <= MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new CliUsageException("--top needs a whole number from 1 to " + MAX_TOP + ", got '" + text + "'");
    }

    private static SlowQueryOrder order(CliArguments arguments) throws CliUsageException {
        String text = arguments.value(ORDER).orElse("total");
        SlowQueryOrder order = ORDERS.get(text.strip().toLowerCase(Locale.ROOT));
        if (order == null) {
            throw new CliUsageException("--order takes total, mean, calls or rows, got '" + text + "'");
        }
        return order;
    }

    private static int print(
            ServerMonitor monitor, SlowQueryOrder order, int top, boolean json, PrintStream out, PrintStream err)
            throws SQLException {
        SlowQueries result = monitor.slowQueries(order, top);
        MonitorPrivileges privileges = monitor.privileges();
        if (result instanceof SlowQueries.Unavailable) {
            SlowQueries.Unavailable unavailable = (SlowQueries.Unavailable) result;
            if (json) {
                ObjectNode document = JsonOutput.object();
                document.put("available", false);
                document.put("reason", unavailable.reason());
                document.put("howToEnable", unavailable.howToEnable());
                JsonOutput.print(out, document);
            }
            err.println("pgdesk slow-queries: " + unavailable.reason());
            err.println(unavailable.howToEnable());
            return ExitCodes.NOT_AVAILABLE;
        }
        List<StatementStats> statements = ((SlowQueries.Available) result).statements();
        if (json) {
            JsonOutput.print(out, toJson(order, statements, privileges));
        } else {
            printText(order, statements, out);
        }
        privileges.statementNote().ifPresent(note -> err.println("pgdesk slow-queries: note: " + note));
        return ExitCodes.OK;
    }

    private static void printText(SlowQueryOrder order, List<StatementStats> statements, PrintStream out) {
        TablePrinter table =
                new TablePrinter("TOTAL MS", "CALLS", "MEAN MS", "ROWS", "HIT %", "USER", "DATABASE", "QUERY");
        for (StatementStats statement : statements) {
            table.row(
                    String.format(Locale.ROOT, "%.1f", statement.totalMillis()),
                    String.valueOf(statement.calls()),
                    String.format(Locale.ROOT, "%.3f", statement.meanMillis()),
                    String.valueOf(statement.rows()),
                    statement.hitRatio() == null ? "" : String.format(Locale.ROOT, "%.1f", statement.hitRatio() * 100),
                    statement.user(),
                    statement.database(),
                    OneLine.of(statement.query(), QUERY_WIDTH));
        }
        table.print(out);
        out.println("(top " + statements.size() + " by " + order.label() + ")");
    }

    private static ObjectNode toJson(
            SlowQueryOrder order, List<StatementStats> statements, MonitorPrivileges privileges) {
        ObjectNode document = JsonOutput.object();
        document.put("available", true);
        document.put("order", order.label());
        document.put("privilegeNote", privileges.statementNote().orElse(null));
        ArrayNode rows = document.putArray("statements");
        for (StatementStats statement : statements) {
            ObjectNode row = rows.addObject();
            row.put("queryId", statement.queryId());
            row.put("user", statement.user());
            row.put("database", statement.database());
            row.put("calls", statement.calls());
            row.put("totalMillis", statement.totalMillis());
            row.put("meanMillis", statement.meanMillis());
            row.put("rows", statement.rows());
            row.put("hitRatio", statement.hitRatio());
            row.put("query", statement.query());
        }
        return document;
    }
}
