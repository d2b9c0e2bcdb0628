package dev.pgdesk.cli;

import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.FieldError;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.export.OutputTarget;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.RowCursor;
import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.query.UnsupportedStatementException;
import dev.pgdesk.sql.InvalidParametersException;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.task.CancellationToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    static final String TIMEOUT = TimeoutOption.NAME;
    static final String PRETTY = "--pretty";
    static final String FORMAT = "--format";
    static final String OUTPUT = "--output";
    static final String DELIMITER = "--delimiter";
    static final String NUMERIC_AS_STRING = "--numeric-as-string";
    static final String ON_ERROR = "--on-error";
    private static final String TARGET = "target (a postgresql:// URI, a key=value string or a saved profile name)";
    /** How long Ctrl-C waits for the canceled statement's rollback and error report before the JVM exits. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(3);

    private final TargetResolver targets;
    private final BooleanSupplier stdinIsTerminal;
    private final boolean cancelOnInterrupt;

    /** The command as {@code pgdesk} runs it: the user's saved profiles, the environment, the keyring. */
    QueryCommand() {
        this(TargetResolver.forCurrentUser(), QueryCommand::stdinIsTerminal, true);
    }

    /** For tests: saved profiles and environment given explicitly, standard input never a terminal. */
    QueryCommand(Supplier<List<ConnectionProfile>> profiles, PgEnvironment environment, PasswordLookup passwords) {
        this(new TargetResolver(profiles, environment, passwords), () -> false, false);
    }

    /**
     * @param cancelOnInterrupt whether Ctrl-C (the JVM shutting down) cancels the running statement on the
     *     server; only for the real process, as tests share one JVM
     */
    QueryCommand(TargetResolver targets, BooleanSupplier stdinIsTerminal, boolean cancelOnInterrupt) {
        this.targets = targets;
        this.stdinIsTerminal = stdinIsTerminal;
        this.cancelOnInterrupt = cancelOnInterrupt;
    }

    @Override
    public String name() {
        return "query";
    }

    @Override
    public String summary() {
        return "Run SQL (a statement or a script) and print each result as JSON, JSON Lines, CSV or a table";
    }

    @Override
    public String usage() {
        return """
                Usage: pgdesk query <target> [--sql TEXT | --file FILE] [--param VALUE ...]
                                    [--null-param N ...] [--timeout SECONDS] [--pretty]
                                    [--format json|jsonl|csv|table] [--output FILE]
                                    [--delimiter C] [--numeric-as-string] [--no-password]
                                    [--on-error stop|continue]

                Runs SQL through the same core as the editor: the script is split into statements
                as psql splits it, parameters are bound (never pasted into the SQL), each statement
                runs with a timeout, and transactions are the ones the script writes (BEGIN ...
                COMMIT); anything else commits statement by statement.

                The script is one session, as in psql: every statement runs on the same connection,
                so SET, temporary tables and prepared statements carry from one to the next. If that
                connection is lost, the script stops at once with exit status 3: nothing is retried
                or moved to another connection.

                By default the run stops at the first failing statement (psql's ON_ERROR_STOP).
                --on-error continue runs the rest too, as psql does by default (inside a transaction
                block the server then refuses the rest of the block until its ROLLBACK), lists every
                failed statement at the end and exits 4 if any failed.

                <target> is a connection URI (postgresql://user@host:port/db?sslmode=verify-full),
                a key=value string ('host=db user=alice dbname=app'), the name of a saved profile,
                or 'Sample database' (the window's sample server: used if running, else started
                for the command and stopped after it).
                The password comes from PGPASSWORD, the keyring (saved profiles) or ~/.pgpass;
                on a terminal pgdesk asks for it when the server wants one. --no-password never
                asks (for scripts): the connection then fails at once.

                The SQL comes from exactly one of:
                  --sql TEXT        the statement(s) on the command line
                  --file FILE       a UTF-8 file ('-' for standard input)
                  standard input    when neither is given:  pgdesk query prod < report.sql
                Before anything is sent, the whole script is checked: a psql meta-command (\\d, \\set,
                \\copy, ... on a line of its own or after a ';'), a NUL byte, and a string, quoted name,
                dollar quote or /* comment left open at the end are refused with their line.
                Strings are read as the session reads them: a SET standard_conforming_strings = off
                in the script makes a backslash in '...' escape the next character from then on.

                Options:
                  --param VALUE        the value of $1, then $2, ... in order (repeat the option);
                                       for :name parameters write --param name=VALUE
                  --null-param N       make $N NULL (N or $N); for :name parameters --null-param name.
                                       --param values then fill the other numbers in order
                  --timeout SECONDS    cancel any statement running longer (default 30). Never
                                       longer than the session's own statement_timeout (set by the
                                       script, the role or the database); 0 leaves that alone
                  --on-error stop|continue
                                       stop at the first failing statement (default) or run on
                  --pretty             indent the JSON
                Values are sent as written, typed as the server expects; the server reads them
                (a value it refuses fails with its error). Clearly wrong ones stop before anything runs.

                Output (stdout): one JSON document per statement that ran, one per line:
                  rows       an array of objects keyed by column name; a repeated column name gets
                             a suffix (SELECT 1 AS a, 2 AS a gives {"a":1,"a_2":2})
                  otherwise  {"command":"INSERT","rows_affected":3}
                Values are written as PostgreSQL's row_to_json writes them: numbers with the
                server's digits, booleans true/false, NULL null, json/jsonb embedded, arrays as
                arrays, composite types as objects, timestamps ISO 8601 in the session's time zone
                (2024-01-31T13:45:00+01:00); everything else (money, time, interval, bytea \\x hex,
                NaN, geometric types, ranges, enums, extension types) as the server's text.
                At most 10000 rows per statement are printed; a warning on stderr says when a result
                had more.

                stderr: notices (NOTICE:  ...), warnings, and errors as psql shows them:
                  ERROR 42P01: relation "x" does not exist
                  LINE 3: SELECT * FROM x
                                        ^
                --format and --output stream every row instead (no cap, in a small heap): the rows
                of each reading statement (SELECT, WITH, VALUES, TABLE, SHOW, EXPLAIN) come from a
                server-side cursor and are written as they arrive:
                  --format json        one JSON array of objects per statement
                  --format jsonl       one object per row, one row per line
                  --format csv         what COPY ... (FORMAT csv, HEADER) writes, byte for byte:
                                       the server's text, NULL empty, an empty string "", LF
                  --format table       aligned text like psql (widths from the first 1000 rows)
                  --output FILE        write the rows to FILE (json, jsonl or csv; the format
                                       defaults to FILE's extension and must agree with it);
                                       FILE appears only when complete, keeps its permissions,
                                       and a symbolic link is written through to its target.
                                       A file that cannot be written is refused before anything
                                       runs. The SQL must have exactly one reading statement.
                  --delimiter C        the CSV field separator (default ','; \\t for a tab)
                  --numeric-as-string  write numeric values as JSON strings
                Values as above (CSV: the server's text). A closed pipe (| head) stops the query
                quietly with status 1; a full disk stops it with a message and status 1. Command
                results go to stderr as psql's tags (INSERT 3); rows of INSERT ... RETURNING are
                written in the format, capped like the default output.

                A transaction still open when the script ends (BEGIN without COMMIT) is rolled
                back, never committed, and a warning says so; the exit status stays 0 then.

                Exit status: 0 every statement ran, 2 bad arguments (including a meta-command, an
                unclosed string or a missing, extra or invalid parameter value; nothing was run),
                3 connection failed or lost, or the server stopped answering (--timeout plus a
                grace for the cancel), 4 a statement failed or timed out, 1 anything else (output
                lost or not writable).
                Ctrl-C cancels the running statement on the server.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        return run(args, System.in, out, err);
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return run(new CommandMessages(name(), err), args, in, out);
    }

    /**
     * Runs the command with its messages under another command's name ({@code pgdesk run}, which runs a
     * saved query through this one).
     */
    int run(CommandMessages messages, List<String> args, InputStream in, PrintStream out) {
        try {
            return runOnTarget(messages, args, in, out);
        } finally {
            targets.release();
        }
    }

    private int runOnTarget(CommandMessages messages, List<String> args, InputStream in, PrintStream out) {
        PrintStream err = messages.err();
        CliArguments arguments;
        String target;
        Duration timeout;
        OutputFormat format;
        char delimiter;
        boolean continueOnError;
        try {
            arguments = CliArguments.parse(
                    args,
                    Set.of(PRETTY, NUMERIC_AS_STRING, SessionOpener.NO_PASSWORD),
                    Set.of(SQL, FILE, TIMEOUT, FORMAT, OUTPUT, DELIMITER, ON_ERROR),
                    Set.of(PARAM, NULL_PARAM));
            target = arguments.singlePositional(TARGET);
            timeout = TimeoutOption.parse(arguments.value(TIMEOUT));
            format = format(arguments);
            delimiter = delimiter(arguments, format);
            continueOnError = continueOnError(arguments);
        } catch (CliUsageException e) {
            return messages.usageError(e.getMessage());
        }
        ResolvedSettings settings;
        try {
            settings = targets.resolve(target, messages::warning, messages::info);
        } catch (ConnInfoException e) {
            return messages.error(ExitCodes.BAD_ARGUMENTS, e.getMessage());
        }
        // What the target asked for that pgdesk does not do yet (options=-c ...) is said, never dropped quietly.
        settings.notes().forEach(messages::warning);
        List<FieldError> problems = ResolvedSettingsView.problems(settings);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> messages.error(ExitCodes.BAD_ARGUMENTS, problem.message()));
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
            return messages.usageError(e.getMessage());
        } catch (UnsupportedStatementException | InvalidParametersException e) {
            return messages.error(
                    ExitCodes.BAD_ARGUMENTS, CommandMessages.sentence(e.getMessage()) + " Nothing was run.");
        }
        if (arguments.value(OUTPUT).isPresent()) {
            long reading = plan.statements().stream()
                    .filter(statement -> RowCursor.canStream(statement.text()))
                    .count();
            if (reading != 1) {
                return messages.usageError(
                        "--output takes the rows of exactly one reading statement (SELECT, WITH, VALUES, TABLE,"
                                + " SHOW, EXPLAIN); the SQL has " + reading);
            }
        }
        if (plan.isEmpty()) {
            messages.warning(source.name() + " holds no SQL statement; nothing was run");
            return ExitCodes.OK;
        }
        Optional<Path> output;
        try {
            output = outputFile(arguments);
        } catch (CliUsageException e) {
            return messages.usageError(e.getMessage());
        } catch (OutputTarget.FileException e) {
            return messages.error(ExitCodes.FAILURE, e.getMessage() + ". Nothing was run.");
        } catch (IOException e) {
            return messages.error(
                    ExitCodes.FAILURE,
                    "cannot write " + arguments.value(OUTPUT).orElseThrow() + ": " + e.getMessage()
                            + ". Nothing was run.");
        }
        ServerDeadline deadline = new ServerDeadline(Duration.ZERO, () -> {});
        try (PoolManager pools = new PoolManager()) {
            PooledSession pooled;
            try {
                pooled =
                        targets.opener(arguments.has(SessionOpener.NO_PASSWORD)).open(pools, settings);
            } catch (SQLException e) {
                return ConnectionFailureReport.print(err, messages.command(), settings.profile(), e);
            }
            // A server that stops answering (a stopped backend, a partition) is given up after the timeout and
            // a grace: closing the pools aborts the connection the run waits on.
            deadline = new ServerDeadline(timeout, pools::close);
            QueryExecution execution = format == OutputFormat.DOCUMENTS
                    ? new QueryExecution(plan, texts, timeout, source.text(), arguments.has(PRETTY), out, messages)
                    : new QueryExecution(
                            plan,
                            texts,
                            timeout,
                            source.text(),
                            new FormattedResults(
                                    format,
                                    output,
                                    delimiter,
                                    arguments.has(NUMERIC_AS_STRING),
                                    arguments.has(PRETTY),
                                    out,
                                    messages,
                                    deadline),
                            out,
                            messages);
            return runCancellingOnInterrupt(
                    execution.continueOnError(continueOnError).deadline(deadline), new QuerySession(pooled));
        } finally {
            deadline.close();
        }
    }

    /**
     * Runs the execution; with {@code cancelOnInterrupt}, Ctrl-C cancels the running statement on the server
     * (otherwise it would run on after the process is gone) and waits briefly for the rollback and report.
     */
    private int runCancellingOnInterrupt(QueryExecution execution, QuerySession session) {
        CancellationToken token = new CancellationToken();
        if (!cancelOnInterrupt) {
            return execution.run(session, token);
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    token.cancel();
                    try {
                        finished.await(INTERRUPT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "pgdesk-query-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return execution.run(session, token);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running or has run.
            }
        }
    }

    /**
     * {@code --format}, or the one {@code --output}'s file name suggests, or the JSON documents of old when
     * neither is given.
     */
    private static OutputFormat format(CliArguments arguments) throws CliUsageException {
        Optional<String> output = arguments.value(OUTPUT);
        if (arguments.value(FORMAT).isEmpty()) {
            if (output.isEmpty()) {
                if (arguments.has(NUMERIC_AS_STRING)
                        || arguments.value(DELIMITER).isPresent()) {
                    throw new CliUsageException(DELIMITER + " and " + NUMERIC_AS_STRING + " need --format or --output");
                }
                return OutputFormat.DOCUMENTS;
            }
            return OutputFormat.ofFileName(output.get())
                    .orElseThrow(() -> new CliUsageException("say which format to write to " + output.get()
                            + " with --format json|jsonl|csv (or name it .json, .jsonl, .csv)"));
        }
        OutputFormat format = OutputFormat.parse(arguments.value(FORMAT).get());
        if (format == OutputFormat.TABLE && output.isPresent()) {
            throw new CliUsageException("--format table is for the terminal; --output writes json, jsonl or csv");
        }
        Optional<OutputFormat> named = output.flatMap(OutputFormat::ofFileName);
        if (named.isPresent() && named.get() != format) {
            // A reader (or a program) goes by the extension: rows.csv holding JSON would be misread.
            throw new CliUsageException("--format " + format.label() + " does not match --output " + output.get()
                    + ", whose name says " + named.get().label() + "; name the file ." + format.label()
                    + " or leave out --format to write " + named.get().label());
        }
        if (output.isPresent() && output.get().isBlank()) {
            throw new CliUsageException("--output needs a file name");
        }
        return format;
    }

    /**
     * The {@code --output} file, checked before anything runs: a missing directory, a directory, a read-only
     * file or a directory where no file can be created are reported now, naming the target.
     */
    private static Optional<Path> outputFile(CliArguments arguments) throws CliUsageException, IOException {
        Optional<String> name = arguments.value(OUTPUT);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(name.get());
        } catch (InvalidPathException e) {
            throw new CliUsageException("--output " + name.get() + " is not a file name: " + e.getReason());
        }
        OutputTarget.check(path);
        return Optional.of(path);
    }

    private static boolean continueOnError(CliArguments arguments) throws CliUsageException {
        Optional<String> value = arguments.value(ON_ERROR);
        if (value.isEmpty() || value.get().equals("stop")) {
            return false;
        }
        if (value.get().equals("continue")) {
            return true;
        }
        throw new CliUsageException(ON_ERROR + " takes stop or continue, not '" + value.get() + "'");
    }

    private static char delimiter(CliArguments arguments, OutputFormat format) throws CliUsageException {
        Optional<String> text = arguments.value(DELIMITER);
        if (text.isEmpty()) {
            return ',';
        }
        if (format != OutputFormat.CSV) {
            throw new CliUsageException(DELIMITER + " applies to --format csv only");
        }
        String value = text.get().equals("\\t") ? "\t" : text.get();
        if (value.length() != 1 || value.equals("\"") || value.equals("\r") || value.equals("\n")) {
            throw new CliUsageException(DELIMITER + " must be one character other than a double quote or a line"
                    + " break (write \\t for a tab), not '" + text.get() + "'");
        }
        return value.charAt(0);
    }

    /**
     * Whether standard input is a terminal someone would have to type into. Java 17's console exists only
     * when stdin and stdout both are terminals; later versions also say so through {@code isTerminal}.
     */
    private static boolean stdinIsTerminal() {
        return Terminal.console().isPresent();
    }
}
