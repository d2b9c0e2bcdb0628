package dev.pgdesk.cli;

import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.Credentials;
import dev.pgdesk.connect.FieldError;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.connect.check.Failure;
import dev.pgdesk.connect.check.FailureExplainer;
import dev.pgdesk.connect.secret.PasswordService;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.query.Notice;
import dev.pgdesk.query.ParameterValue;
import dev.pgdesk.query.ParameterValueException;
import dev.pgdesk.query.ParameterValues;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ScriptListener;
import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.query.ScriptRun;
import dev.pgdesk.query.ScriptRunner;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.StatementOutcome;
import dev.pgdesk.query.StatementResult;
import dev.pgdesk.query.TransactionEnd;
import dev.pgdesk.query.UnsupportedStatementException;
import dev.pgdesk.query.UpdateResult;
import dev.pgdesk.sql.InvalidParametersException;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.task.CancellationToken;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code pgdesk query}: runs a statement or a script through the editor's core (splitting, binding,
 * timeouts, the script's own transactions) and prints each statement's result as JSON on stdout, server
 * errors psql-style on stderr.
 */
final class QueryCommand implements CliCommand {
    static final String SQL = "--sql";
    static final String FILE = "--file";
    static final String PARAM = "--param";
    static final String NULL_PARAM = "--null-param";
    static final String TIMEOUT = "--timeout";
    static final String PRETTY = "--pretty";
    private static final String TARGET = "target (a postgresql:// URI, a key=value string or a saved profile name)";
    /** PostgreSQL's statement_timeout is an int of milliseconds. */
    private static final long MAX_TIMEOUT_SECONDS = Integer.MAX_VALUE / 1000;

    private final TargetResolver targets;
    private final BooleanSupplier stdinIsTerminal;

    /** The command as {@code pgdesk} runs it: the user's saved profiles, the environment, the keyring. */
    QueryCommand() {
        this(
                TargetResolver.forCurrentUser(PasswordService.lazyKeyringLookup(Duration.ofSeconds(2))),
                QueryCommand::stdinIsTerminal);
    }

    /** For tests: saved profiles and environment given explicitly, standard input never a terminal. */
    QueryCommand(Supplier<List<ConnectionProfile>> profiles, PgEnvironment environment, PasswordLookup passwords) {
        this(new TargetResolver(profiles, environment, passwords), () -> false);
    }

    QueryCommand(TargetResolver targets, BooleanSupplier stdinIsTerminal) {
        this.targets = targets;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    @Override
    public String name() {
        return "query";
    }

    @Override
    public String summary() {
        return "Run SQL (a statement or a script) and print each result as JSON";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk query <target> [--sql TEXT | --file FILE] [--param VALUE ...]
                                    [--null-param N ...] [--timeout SECONDS] [--pretty]

                Runs SQL through the same core as the editor: the script is split into statements,
                parameters are bound (never pasted into the SQL), each statement runs with a timeout,
                and transactions are the ones the script writes (BEGIN ... COMMIT); anything else
                commits statement by statement. The run stops at the first failing statement.

                <target> is a connection URI (postgresql://user@host:port/db?sslmode=verify-full),
                a key=value string ('host=db user=alice dbname=app'), or the name of a saved profile.
                The password comes from the keyring (saved profiles), PGPASSWORD or ~/.pgpass.

                The SQL comes from exactly one of:
                  --sql TEXT        the statement(s) on the command line
                  --file FILE       a UTF-8 file ('-' for standard input)
                  standard input    when neither is given:  pgdesk query prod < report.sql
                psql meta-commands (\\d, \\set, \\copy, ...) are refused before anything is sent.

                Options:
                  --param VALUE        the value of $1, then $2, ... in order (repeat the option);
                                       for :name parameters write --param name=VALUE
                  --null-param N       make $N NULL (N or $N); for :name parameters --null-param name.
                                       --param values then fill the other numbers in order
                  --timeout SECONDS    cancel any statement running longer (default 30; 0 = no limit)
                  --pretty             indent the JSON
                Values are checked against the type the server expects before anything runs.

                Output (stdout): one JSON document per statement that ran, one per line:
                  rows       an array of objects keyed by column name; a repeated column name gets
                             a suffix (SELECT 1 AS a, 2 AS a gives {"a":1,"a_2":2})
                  otherwise  {"command":"INSERT","rows_affected":3}
                Numbers stay exact (bigint, numeric), booleans are true/false, NULL is null,
                json/jsonb is embedded as JSON, arrays are JSON arrays; dates and times are ISO 8601
                strings (timestamptz in UTC), intervals ISO 8601 durations (P1DT2H), bytea \\x hex,
                NaN and Infinity strings. At most 10000 rows per statement are printed; a warning on
                stderr says when a result had more.

                stderr: notices (NOTICE:  ...), warnings, and errors as psql shows them:
                  ERROR 42P01: relation "x" does not exist
                  LINE 3: SELECT * FROM x
                                        ^
                A transaction still open when the script ends (BEGIN without COMMIT) is rolled
                back, never committed, and a warning says so; the exit status stays 0 then.

                Exit status: 0 every statement ran, 2 bad arguments (including a meta-command or a
                missing, extra or invalid parameter value; nothing was sent), 3 connection failed or
                lost, 4 a statement failed or timed out, 1 anything else.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        return run(args, System.in, out, err);
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        CliArguments arguments;
        String target;
        Duration timeout;
        try {
            arguments = CliArguments.parse(args, Set.of(PRETTY), Set.of(SQL, FILE, TIMEOUT), Set.of(PARAM, NULL_PARAM));
            target = arguments.singlePositional(TARGET);
            timeout = timeout(arguments);
        } catch (CliUsageException e) {
            return usageError(err, e.getMessage());
        }
        ResolvedSettings settings;
        try {
            settings = targets.resolve(target, warning -> warn(err, warning));
        } catch (ConnInfoException e) {
            return error(err, ExitCodes.BAD_ARGUMENTS, e.getMessage());
        }
        List<FieldError> problems = ResolvedSettingsView.problems(settings);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> error(err, ExitCodes.BAD_ARGUMENTS, problem.message()));
            return ExitCodes.BAD_ARGUMENTS;
        }
        ScriptSource source;
        ScriptPlan plan;
        Map<Parameter, String> texts;
        try {
            source = ScriptSource.read(
                    arguments.value(SQL), arguments.value(FILE), in, stdinIsTerminal.getAsBoolean(), target);
            plan = ScriptPlan.ofScript(source.text());
            texts = QueryParameters.assign(plan.parameters(), arguments.values(PARAM), arguments.values(NULL_PARAM));
        } catch (CliUsageException e) {
            return usageError(err, e.getMessage());
        } catch (UnsupportedStatementException | InvalidParametersException e) {
            return error(err, ExitCodes.BAD_ARGUMENTS, e.getMessage() + " Nothing was run.");
        }
        if (plan.isEmpty()) {
            warn(err, source.name() + " holds no SQL statement; nothing was run");
            return ExitCodes.OK;
        }
        try (PoolManager pools = new PoolManager()) {
            PooledSession pooled;
            try {
                pooled = pools.open(
                        settings.profile(),
                        Credentials.password(settings.password().orElse(null)));
            } catch (SQLException e) {
                return connectionFailed(err, settings.profile(), e);
            }
            return run(new QuerySession(pooled), plan, texts, timeout, source.text(), out, err, arguments.has(PRETTY));
        }
    }

    private int run(
            QuerySession session,
            ScriptPlan plan,
            Map<Parameter, String> texts,
            Duration timeout,
            String script,
            PrintStream out,
            PrintStream err,
            boolean pretty) {
        ScriptRun run = null;
        try {
            Map<Parameter, ParameterValue> values;
            try {
                values = convert(session, plan, texts);
            } catch (ParameterValueException e) {
                return error(err, ExitCodes.BAD_ARGUMENTS, e.getMessage() + ". Nothing was run.");
            }
            JsonResultPrinter printer = new JsonResultPrinter(out, pretty);
            run = ScriptRunner.run(session, plan, values, timeout, new CancellationToken(), new ScriptListener() {
                @Override
                public void finished(StatementOutcome outcome) {
                    printOutcome(outcome, printer, err);
                }
            });
            return run.failed() ? reportFailure(run, plan, timeout, script, err) : ExitCodes.OK;
        } finally {
            if (session.close() == TransactionEnd.ROLLED_BACK) {
                if (run != null && !run.failed()) {
                    warn(
                            err,
                            "the script ended inside a transaction (BEGIN without COMMIT); it was rolled back,"
                                    + " so none of its changes were kept");
                } else {
                    err.println("pgdesk query: the open transaction was rolled back");
                }
            }
        }
    }

    /** The failed statement's error psql-style, which statement it was, and the exit status it means. */
    private static int reportFailure(ScriptRun run, ScriptPlan plan, Duration timeout, String script, PrintStream err) {
        StatementOutcome failed = run.outcomes().get(run.outcomes().size() - 1);
        ServerError error = (ServerError) failed.result();
        ServerErrorReport.lines(error, script, failed.errorOffset()).forEach(err::println);
        if (ServerError.QUERY_CANCELED.equals(error.sqlState()) && !timeout.isZero()) {
            err.println("pgdesk query: the statement ran longer than the timeout of " + seconds(timeout)
                    + " s and was canceled; allow more with --timeout SECONDS (0 for no limit)");
        }
        if (plan.statements().size() > 1) {
            err.println("pgdesk query: statement " + (failed.index() + 1) + " of "
                    + plan.statements().size()
                    + " (line " + lineOf(script, failed.statement().start()) + ") failed"
                    + (run.notRun() == 0 ? "" : "; the " + run.notRun() + " after it did not run"));
        }
        return isConnectionLost(error) ? ExitCodes.CONNECTION_FAILED : ExitCodes.SQL_ERROR;
    }

    /** Each parameter's text converted for the type the server expects there; "unknown" passes text through. */
    private static Map<Parameter, ParameterValue> convert(
            QuerySession session, ScriptPlan plan, Map<Parameter, String> texts) throws ParameterValueException {
        if (texts.isEmpty()) {
            return Map.of();
        }
        Map<Parameter, String> types = ScriptRunner.parameterTypes(session, plan);
        Map<Parameter, ParameterValue> values = new LinkedHashMap<>();
        for (Map.Entry<Parameter, String> entry : texts.entrySet()) {
            Parameter parameter = entry.getKey();
            String type = types.getOrDefault(parameter, ScriptRunner.UNKNOWN_TYPE);
            values.put(
                    parameter,
                    entry.getValue() == null
                            ? ParameterValue.nullOf(type)
                            : ParameterValues.convert(entry.getValue(), type, parameter.label()));
        }
        return values;
    }

    private static void printOutcome(StatementOutcome outcome, JsonResultPrinter printer, PrintStream err) {
        StatementResult result = outcome.result();
        for (Notice notice : result.notices()) {
            err.println(notice.severity() + ":  " + notice.message());
        }
        if (result instanceof RowsResult rows) {
            printer.print(rows);
            if (rows.truncated()) {
                warn(
                        err,
                        "statement " + (outcome.index() + 1) + " returned more than "
                                + rows.rows().size()
                                + " rows; only the first " + rows.rows().size() + " were printed (add a LIMIT or"
                                + " narrow the query)");
            }
        } else if (result instanceof UpdateResult update) {
            printer.print(update);
        }
    }

    private static Duration timeout(CliArguments arguments) throws CliUsageException {
        if (arguments.value(TIMEOUT).isEmpty()) {
            return QuerySession.DEFAULT_TIMEOUT;
        }
        String text = arguments.value(TIMEOUT).get().strip();
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new CliUsageException("--timeout '" + text + "' is not a number of seconds (0 for no limit)");
        }
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_TIMEOUT_SECONDS)) > 0) {
            throw new CliUsageException(
                    "--timeout must be between 0 (no limit) and " + MAX_TIMEOUT_SECONDS + " seconds, not " + text);
        }
        long millis = seconds.movePointRight(3)
                .setScale(0, java.math.RoundingMode.CEILING)
                .longValueExact();
        return Duration.ofMillis(millis);
    }

    private static String seconds(Duration timeout) {
        return BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static int connectionFailed(PrintStream err, ConnectionProfile profile, SQLException e) {
        Failure failure = new FailureExplainer(profile).explain(e);
        err.println("pgdesk query: could not connect to " + profile.displayTarget() + ": " + failure.title()
                + (failure.sqlState().isEmpty() ? "" : " (SQLSTATE " + failure.sqlState() + ")"));
        if (!failure.explanation().isBlank()) {
            err.println(failure.explanation());
        }
        if (!failure.remedy().isBlank()) {
            err.println("What to do: " + failure.remedy());
        }
        return ExitCodes.CONNECTION_FAILED;
    }

    /** Connection exceptions and the server ending the session, as the query core tells them apart. */
    private static boolean isConnectionLost(ServerError error) {
        String state = error.sqlState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    private static int lineOf(String script, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (script.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int usageError(PrintStream err, String message) {
        err.println("pgdesk query: " + message);
        err.println("Run 'pgdesk query --help' for usage.");
        return ExitCodes.BAD_ARGUMENTS;
    }

    private static int error(PrintStream err, int status, String message) {
        err.println("pgdesk query: " + message);
        return status;
    }

    private static void warn(PrintStream err, String message) {
        err.println("pgdesk query: warning: " + message);
    }

    /**
     * Whether standard input is a terminal someone would have to type into. Java 17's console exists only
     * when stdin and stdout both are terminals; later versions also say so through {@code isTerminal}.
     */
    private static boolean stdinIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
