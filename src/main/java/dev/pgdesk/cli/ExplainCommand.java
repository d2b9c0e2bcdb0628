package dev.pgdesk.cli;

import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.FieldError;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.explain.ExplainFailure;
import dev.pgdesk.explain.ExplainMode;
import dev.pgdesk.explain.ExplainOutcome;
import dev.pgdesk.explain.ExplainRunner;
import dev.pgdesk.explain.ExplainedPlan;
import dev.pgdesk.explain.PlanJson;
import dev.pgdesk.explain.PlanText;
import dev.pgdesk.explain.StatementKind;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.query.Notice;
import dev.pgdesk.query.ParameterValue;
import dev.pgdesk.query.ParameterValueException;
import dev.pgdesk.query.ParameterValues;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.query.ScriptRunner;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.ScriptStatement;
import dev.pgdesk.task.CancellationToken;
import java.io.InputStream;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code pgdesk explain}: the plan of one statement, with its parameters bound as the editor binds them,
 * printed as an indented tree with pgdesk's marks (or as JSON); {@code --analyze} runs it inside a
 * transaction that is rolled back.
 */
final class ExplainCommand implements CliCommand {
    private static final String SQL = "--sql";
    private static final String FILE = "--file";
    private static final String PARAM = "--param";
    private static final String NULL_PARAM = "--null-param";
    private static final String TIMEOUT = TimeoutOption.NAME;
    private static final String ANALYZE = "--analyze";
    private static final String JSON = "--json";
    private static final String TARGET = "target (a postgresql:// URI, a key=value string or a saved profile name)";

    private final TargetResolver targets;
    private final boolean cancelOnInterrupt;

    /** The command as {@code pgdesk} runs it: saved profiles, the environment, the keyring. */
    ExplainCommand() {
        this(TargetResolver.forCurrentUser(), true);
    }

    /** For tests: where targets and passwords come from; Ctrl-C handling stays off (tests share one JVM). */
    ExplainCommand(TargetResolver targets) {
        this(targets, false);
    }

    private ExplainCommand(TargetResolver targets, boolean cancelOnInterrupt) {
        this.targets = targets;
        this.cancelOnInterrupt = cancelOnInterrupt;
    }

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String summary() {
        return "Show the plan of a statement as a tree, with the expensive nodes and large scans marked";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk explain <target> [--sql TEXT | --file FILE] [--param VALUE ...]
                                      [--null-param N ...] [--analyze] [--json] [--timeout SECONDS]
                                      [--no-password]

                Prints the plan PostgreSQL chooses for ONE statement, as an indented tree: per node
                the cost, estimated rows (and with --analyze the actual rows, loops, time, the
                node's own share of the time and its buffers), its conditions, and lines starting
                with '!' for what deserves a look: the most expensive nodes, sequential scans of
                large tables (with the index that may help), row estimates that were far off,
                sorts and hashes that spilled to disk.

                <target> is a connection URI, a key=value string or the name of a saved profile.
                The password comes from PGPASSWORD, the keyring (saved profiles) or ~/.pgpass;
                on a terminal pgdesk asks for it when the server wants one. --no-password never
                asks (for scripts): the connection then fails at once.

                The statement comes from --sql TEXT, --file FILE ('-' for standard input) or
                standard input. $1-style and :name parameters are bound as in 'pgdesk query'
                (never pasted into the SQL), so the plan is the one for those values.

                Options:
                  --param VALUE        the value of $1, then $2, ... (for :name write name=VALUE)
                  --null-param N       make $N (or :name) NULL
                  --analyze            run the statement: EXPLAIN (ANALYZE, BUFFERS). It runs inside
                                       a transaction that is rolled back, so an INSERT, UPDATE,
                                       DELETE or MERGE changes nothing (sequences still advance)
                  --json               print pgdesk's JSON plan (nodes, derived figures, marks)
                  --timeout SECONDS    cancel the EXPLAIN after this long (default 30; 0 = no limit)

                Exit status: 0 done, 2 bad arguments (including more than one statement or one
                without a plan; nothing was run), 3 connection failed or lost, 4 the server
                reported an error or the timeout struck, 1 anything else.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        try {
            return runOnTarget(args, in, out, err);
        } finally {
            targets.release();
        }
    }

    private int runOnTarget(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        CliArguments arguments;
        String target;
        Duration timeout;
        ScriptSource source;
        ScriptStatement statement;
        Map<Parameter, String> texts;
        ScriptPlan plan;
        try {
            arguments = CliArguments.parse(
                    args,
                    Set.of(ANALYZE, JSON, SessionOpener.NO_PASSWORD),
                    Set.of(SQL, FILE, TIMEOUT),
                    Set.of(PARAM, NULL_PARAM));
            target = arguments.singlePositional(TARGET);
            timeout = TimeoutOption.parse(arguments.value(TIMEOUT));
            // Only the real process can sit at a terminal; reading it then would wait for typing.
            boolean terminal = cancelOnInterrupt && System.console() != null;
            source = ScriptSource.read(arguments.value(SQL), arguments.value(FILE), in, terminal, target);
            plan = ScriptPlan.ofScript(source.text());
            statement = single(plan, source);
            StatementKind.requireExplainable(statement.text());
            texts = QueryParameters.assign(plan.parameters(), arguments.values(PARAM), arguments.values(NULL_PARAM));
        } catch (CliUsageException e) {
            err.println("pgdesk explain: " + e.getMessage());
            err.println("Run 'pgdesk explain --help' for usage.");
            return ExitCodes.BAD_ARGUMENTS;
        } catch (IllegalArgumentException e) {
            // Also UnsupportedStatementException (a meta-command) and InvalidParametersException (mixed styles).
            return error(err, ExitCodes.BAD_ARGUMENTS, CommandMessages.sentence(e.getMessage()) + " Nothing was run.");
        }
        ResolvedSettings settings;
        try {
            settings = targets.resolve(
                    target,
                    warning -> err.println("pgdesk explain: warning: " + warning),
                    line -> err.println("pgdesk explain: " + line));
        } catch (ConnInfoException e) {
            return error(err, ExitCodes.BAD_ARGUMENTS, e.getMessage());
        }
        List<FieldError> problems = ResolvedSettingsView.problems(settings);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> error(err, ExitCodes.BAD_ARGUMENTS, problem.message()));
            return ExitCodes.BAD_ARGUMENTS;
        }
        ExplainMode mode = arguments.has(ANALYZE) ? ExplainMode.ANALYZE : ExplainMode.PLAN;
        try (PoolManager pools = new PoolManager()) {
            PooledSession pooled;
            try {
                pooled =
                        targets.opener(arguments.has(SessionOpener.NO_PASSWORD)).open(pools, settings);
            } catch (SQLException e) {
                return ConnectionFailureReport.print(err, name(), settings.profile(), e);
            }
            QuerySession session = new QuerySession(pooled);
            try {
                Map<Parameter, ParameterValue> values;
                try {
                    values = convert(session, plan, texts);
                } catch (ParameterValueException e) {
                    return error(
                            err,
                            ExitCodes.BAD_ARGUMENTS,
                            CommandMessages.sentence(e.getMessage()) + " Nothing was run.");
                }
                ExplainOutcome outcome = explain(new ExplainRunner(session), statement, values, mode, timeout);
                return report(outcome, statement, source, arguments.has(JSON), out, err);
            } finally {
                session.close();
            }
        }
    }

    private ExplainOutcome explain(
            ExplainRunner runner,
            ScriptStatement statement,
            Map<Parameter, ParameterValue> values,
            ExplainMode mode,
            Duration timeout) {
        CancellationToken token = new CancellationToken();
        if (!cancelOnInterrupt) {
            return runner.explain(statement.text(), values, mode, timeout, token);
        }
        // Ctrl-C cancels the EXPLAIN on the server rather than leaving an ANALYZE running there.
        Thread hook = new Thread(token::cancel, "pgdesk-explain-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runner.explain(statement.text(), values, mode, timeout, token);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running or has run.
            }
        }
    }

    private static int report(
            ExplainOutcome outcome,
            ScriptStatement statement,
            ScriptSource source,
            boolean json,
            PrintStream out,
            PrintStream err) {
        if (outcome instanceof ExplainFailure failure) {
            ServerError error = failure.error();
            printNotices(error.notices(), err);
            OptionalInt offset = error.position() > 0
                    ? OptionalInt.of(statement.scriptOffsetOf(error.position()))
                    : OptionalInt.empty();
            ServerErrorReport.lines(error, source.text(), offset).forEach(err::println);
            failure.rollbackMessage().ifPresent(err::println);
            return error.sqlState().startsWith("08") ? ExitCodes.CONNECTION_FAILED : ExitCodes.SQL_ERROR;
        }
        ExplainedPlan explained = (ExplainedPlan) outcome;
        printNotices(explained.notices(), err);
        if (json) {
            JsonOutput.print(out, PlanJson.of(explained));
        } else {
            out.print(PlanText.render(explained));
        }
        return ExitCodes.OK;
    }

    private static void printNotices(List<Notice> notices, PrintStream err) {
        for (Notice notice : notices) {
            err.println(notice.severity() + ":  " + notice.message());
        }
    }

    private static ScriptStatement single(ScriptPlan plan, ScriptSource source) throws CliUsageException {
        if (plan.isEmpty()) {
            throw new CliUsageException(source.name() + " holds no SQL statement to explain");
        }
        if (plan.statements().size() > 1) {
            throw new CliUsageException("EXPLAIN takes one statement, but " + source.name() + " holds "
                    + plan.statements().size() + "; nothing was run");
        }
        return plan.statements().get(0);
    }

    /** Each parameter's text converted for the type the server expects, as {@code pgdesk query} does. */
    private static Map<Parameter, ParameterValue> convert(
            QuerySession session, ScriptPlan plan, Map<Parameter, String> texts) throws ParameterValueException {
        if (texts.isEmpty()) {
            return Map.of();
        }
        Map<Parameter, String> types = ScriptRunner.parameterTypes(session, plan);
        Map<Parameter, ParameterValue> values = new LinkedHashMap<>();
        for (Map.Entry<Parameter, String> entry : texts.entrySet()) {
            String type = types.getOrDefault(entry.getKey(), ScriptRunner.UNKNOWN_TYPE);
            values.put(
                    entry.getKey(),
                    entry.getValue() == null
                            ? ParameterValue.nullOf(type)
                            : ParameterValues.convert(
                                    entry.getValue(), type, entry.getKey().label()));
        }
        return values;
    }

    private static int error(PrintStream err, int status, String message) {
        err.println("pgdesk explain: " + message);
        return status;
    }
}
