package dev.pgdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.monitor.ActivityFilter;
import dev.pgdesk.monitor.ActivitySnapshot;
import dev.pgdesk.monitor.BlockingNode;
import dev.pgdesk.monitor.BlockingTree;
import dev.pgdesk.monitor.ConnectionCounts;
import dev.pgdesk.monitor.ElapsedText;
import dev.pgdesk.monitor.ServerMonitor;
import dev.pgdesk.monitor.SessionActivity;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code pgdesk activity}: the monitoring pane's activity table, connection counts and blocking tree. */
final class ActivityCommand implements CliCommand {
    private static final String JSON = "--json";
    private static final String HIDE_IDLE = "--hide-idle";
    private static final String THIS_DATABASE = "--this-database";
    private static final String MINE = "--mine";
    private static final String SEARCH = "--search";
    private static final int QUERY_WIDTH = 80;

    private final TargetResolver targets;

    /** The command as {@code pgdesk} runs it: saved profiles, the environment, the keyring. */
    ActivityCommand() {
        this(TargetResolver.forCurrentUser());
    }

    /** For tests: where targets and passwords come from. */
    ActivityCommand(TargetResolver targets) {
        this.targets = targets;
    }

    @Override
    public String name() {
        return "activity";
    }

    @Override
    public String summary() {
        return "Show the server's sessions (pg_stat_activity), connection counts and who blocks whom";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk activity <target> [--hide-idle] [--this-database] [--mine] [--search TEXT] [--json]
                                       [--no-password]

                Prints every session of the server as pg_stat_activity shows it to you: pid, user,
                database, application, client, state, wait event, transaction and query age, the pids
                blocking it and its query. Then the connections by state against max_connections and,
                when sessions wait for locks, the blocking tree with the root blockers first. Your own
                session is marked with *.

                Without superuser or pg_monitor, other roles' queries read <insufficient privilege>;
                a note on stderr says why and which role to ask for.

                <target> is a connection URI, a key=value string or the name of a saved profile.
                The password comes from PGPASSWORD, the keyring (saved profiles) or ~/.pgpass;
                on a terminal pgdesk asks for it when the server wants one. --no-password never
                asks (for scripts): the connection then fails at once.

                Options:
                  --hide-idle       leave out idle sessions (idle in transaction stays)
                  --this-database   only sessions connected to the target's database
                  --mine            only sessions of the connecting role
                  --search TEXT     only sessions whose query, user, application, … contain every word
                  --json            print one JSON document instead of tables

                Exit status: 0 done, 2 bad arguments, 3 connection failed, 4 SQL error.
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
        try {
            arguments = CliArguments.parse(
                    args, Set.of(JSON, HIDE_IDLE, THIS_DATABASE, MINE, SessionOpener.NO_PASSWORD), Set.of(SEARCH));
            target = arguments.singlePositional("target (a postgresql:// URI, a key=value string or a profile name)");
        } catch (CliUsageException e) {
            return usageError(err, e.getMessage());
        }
        ResolvedSettings settings;
        try {
            settings = targets.resolve(
                    target,
                    warning -> err.println("pgdesk activity: warning: " + warning),
                    line -> err.println("pgdesk activity: " + line));
        } catch (ConnInfoException e) {
            err.println("pgdesk activity: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        ActivityFilter filter = new ActivityFilter(
                arguments.has(HIDE_IDLE),
                arguments.has(THIS_DATABASE),
                arguments.has(MINE),
                arguments.value(SEARCH).orElse(""));
        return MonitorConnection.run(
                name(),
                settings,
                targets.opener(arguments.has(SessionOpener.NO_PASSWORD)),
                err,
                monitor -> print(monitor, filter, arguments.has(JSON), out, err));
    }

    private static int print(
            ServerMonitor monitor, ActivityFilter filter, boolean json, PrintStream out, PrintStream err)
            throws SQLException {
        ActivitySnapshot snapshot = monitor.activity();
        ConnectionCounts counts = monitor.connections();
        List<SessionActivity> sessions = snapshot.filtered(filter);
        List<BlockingNode> blocking = BlockingTree.of(snapshot.sessions());
        if (json) {
            JsonOutput.print(out, toJson(snapshot, counts, sessions, blocking));
        } else {
            printText(snapshot, counts, sessions, blocking, out);
            counts.warning().ifPresent(warning -> err.println("pgdesk activity: warning: " + warning));
        }
        snapshot.privileges().note().ifPresent(note -> err.println("pgdesk activity: note: " + note));
        return ExitCodes.OK;
    }

    private static void printText(
            ActivitySnapshot snapshot,
            ConnectionCounts counts,
            List<SessionActivity> sessions,
            List<BlockingNode> blocking,
            PrintStream out) {
        out.println(connectionLine(counts));
        out.println();
        TablePrinter table = new TablePrinter(
                "PID",
                "USER",
                "DATABASE",
                "APPLICATION",
                "CLIENT",
                "TYPE",
                "STATE",
                "WAIT",
                "XACT AGE",
                "QUERY AGE",
                "BLOCKED BY",
                "QUERY");
        for (SessionActivity session : sessions) {
            table.row(
                    session.pid() + (session.own() ? "*" : ""),
                    session.user(),
                    session.database(),
                    session.application(),
                    session.clientAddress(),
                    shortType(session.backendType()),
                    session.state(),
                    waitText(session),
                    ElapsedText.of(session.transactionAge()),
                    ElapsedText.of(session.queryDuration()),
                    session.blockedBy().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    OneLine.of(session.query(), QUERY_WIDTH));
        }
        table.print(out);
        out.println(
                "(" + sessions.size() + " of " + snapshot.sessions().size() + " sessions; * is this command's own)");
        if (!blocking.isEmpty()) {
            out.println();
            out.println("Blocking (root blockers first):");
            blocking.forEach(node -> printNode(node, 0, out));
        }
    }

    private static String connectionLine(ConnectionCounts counts) {
        String byState = new TreeMap<>(counts.byState())
                .entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", "));
        return "Connections: " + counts.total() + " of " + (counts.maxConnections() - counts.reserved())
                + " usable in use (max_connections " + counts.maxConnections() + ", " + counts.reserved()
                + " reserved)" + (byState.isEmpty() ? "" : ": " + byState);
    }

    /** One line per session, waiting sessions indented under their blocker with a └. */
    private static void printNode(BlockingNode node, int depth, PrintStream out) {
        SessionActivity session = node.session();
        String indent = "  ".repeat(depth + 1) + (depth > 0 ? "└ " : "");
        StringBuilder line =
                new StringBuilder(indent).append(session.pid()).append(' ').append(nullToEmpty(session.user()));
        line.append("  ").append(nullToEmpty(session.state()));
        if (session.awaitedLock() != null) {
            line.append("  waits ")
                    .append(ElapsedText.of(session.lockWait()))
                    .append(" for ")
                    .append(session.awaitedLock());
        } else if (session.transactionAge() != null) {
            line.append("  transaction open ").append(ElapsedText.of(session.transactionAge()));
        }
        if (!node.waiting().isEmpty()) {
            line.append("  blocks ").append(node.waitingCount());
        }
        line.append("  ").append(OneLine.of(session.query(), QUERY_WIDTH));
        out.println(line.toString().stripTrailing());
        node.waiting().forEach(waiting -> printNode(waiting, depth + 1, out));
    }

    private static String waitText(SessionActivity session) {
        if (session.waitEventType() == null) {
            return "";
        }
        return session.waitEventType() + (session.waitEvent() == null ? "" : ":" + session.waitEvent());
    }

    private static String shortType(String backendType) {
        return "client backend".equals(backendType) ? "client" : backendType;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static ObjectNode toJson(
            ActivitySnapshot snapshot,
            ConnectionCounts counts,
            List<SessionActivity> sessions,
            List<BlockingNode> blocking) {
        ObjectNode document = JsonOutput.object();
        document.put("takenAt", snapshot.takenAt().toString());
        document.put("currentUser", snapshot.currentUser());
        document.put("currentDatabase", snapshot.currentDatabase());
        document.put("ownPid", snapshot.ownPid());
        document.put("privilegeNote", snapshot.privileges().note().orElse(null));
        ObjectNode connections = document.putObject("connections");
        connections.put("total", counts.total());
        connections.put("maxConnections", counts.maxConnections());
        connections.put("reserved", counts.reserved());
        connections.put("available", counts.available());
        ObjectNode byState = connections.putObject("byState");
        new TreeMap<>(counts.byState()).forEach(byState::put);
        connections.put("warning", counts.warning().orElse(null));
        ArrayNode rows = document.putArray("sessions");
        sessions.forEach(session -> rows.add(sessionJson(session)));
        ArrayNode trees = document.putArray("blocking");
        blocking.forEach(node -> trees.add(nodeJson(node)));
        return document;
    }

    private static ObjectNode sessionJson(SessionActivity session) {
        ObjectNode row = JsonOutput.object();
        row.put("pid", session.pid());
        row.put("user", session.user());
        row.put("database", session.database());
        row.put("application", session.application());
        row.put("clientAddress", session.clientAddress());
        row.put("backendType", session.backendType());
        row.put("state", session.state());
        row.put("waitEventType", session.waitEventType());
        row.put("waitEvent", session.waitEvent());
        row.put("transactionStart", instant(session.transactionStart()));
        row.put("transactionAgeSeconds", seconds(session.transactionAge()));
        row.put("queryStart", instant(session.queryStart()));
        row.put("queryDurationSeconds", seconds(session.queryDuration()));
        row.put("stateChange", instant(session.stateChange()));
        ArrayNode blockedBy = row.putArray("blockedBy");
        session.blockedBy().forEach(blockedBy::add);
        row.put("awaitedLock", session.awaitedLock());
        row.put("lockWaitSeconds", seconds(session.lockWait()));
        row.put("own", session.own());
        row.put("query", session.query());
        return row;
    }

    private static ObjectNode nodeJson(BlockingNode node) {
        ObjectNode json = JsonOutput.object();
        json.put("pid", node.session().pid());
        json.put("user", node.session().user());
        json.put("state", node.session().state());
        json.put("awaitedLock", node.session().awaitedLock());
        json.put("lockWaitSeconds", seconds(node.session().lockWait()));
        json.put("query", node.session().query());
        ArrayNode waiting = json.putArray("waiting");
        node.waiting().forEach(child -> waiting.add(nodeJson(child)));
        return json;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }

    private static int usageError(PrintStream err, String message) {
        err.println("pgdesk activity: " + message);
        err.println("Run 'pgdesk activity --help' for usage.");
        return ExitCodes.BAD_ARGUMENTS;
    }
}
