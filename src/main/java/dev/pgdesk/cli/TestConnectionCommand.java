package dev.pgdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.FieldError;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ProfileField;
import dev.pgdesk.connect.ProfileValidator;
import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.connect.check.CheckStep;
import dev.pgdesk.connect.check.ConnectionReport;
import dev.pgdesk.connect.check.ConnectionTester;
import dev.pgdesk.connect.check.Failure;
import dev.pgdesk.connect.check.StepKind;
import dev.pgdesk.connect.check.StepStatus;
import dev.pgdesk.task.CancellationToken;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code pgdesk test-connection}: the connection dialog's Test Connection, for scripts and terminals. */
final class TestConnectionCommand implements CliCommand {
    private final TargetResolver targets;
    private final ConnectionTester tester;

    TestConnectionCommand() {
        this(TargetResolver.forCurrentUser(), new ConnectionTester());
    }

    /** For tests: saved profiles, environment and tester given explicitly. */
    TestConnectionCommand(
            Supplier<List<ConnectionProfile>> profiles, PgEnvironment environment, ConnectionTester tester) {
        this(new TargetResolver(profiles, environment, PasswordLookup.NONE), tester);
    }

    TestConnectionCommand(TargetResolver targets, ConnectionTester tester) {
        this.targets = targets;
        this.tester = tester;
    }

    @Override
    public String name() {
        return "test-connection";
    }

    @Override
    public String summary() {
        return "Test a connection step by step and explain any failure";
    }

    @Override
    public String usage() {
        return "Usage: pgdesk test-connection <target> [--json] [--no-password]\n"
                + "\n"
                + "Connects once, outside any pool, and reports each step: host resolved, TCP connected,\n"
                + "TLS (protocol, cipher, certificate check), authenticated, server facts. On failure,\n"
                + "explains what went wrong and what to do.\n"
                + "\n"
                + "<target> is a connection URI (postgresql://user@host:port/db?sslmode=verify-full),\n"
                + "a key=value string ('host=db user=alice dbname=app'), or the name of a saved profile.\n"
                + "PG* environment variables and ~/.pgpass apply as in libpq; on a terminal pgdesk asks\n"
                + "for a password when the server wants one no source gave.\n"
                + "\n"
                + "Options:\n"
                + "  --json          print the report as JSON\n"
                + "  --no-password   never ask for a password (for scripts)\n"
                + "\n"
                + "Exit status: 0 connected, " + ExitCodes.CONNECTION_FAILED + " connection failed, "
                + ExitCodes.BAD_ARGUMENTS + " malformed target or invalid settings.\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        try {
            return runOnTarget(args, out, err);
        } finally {
            targets.release();
        }
    }

    private int runOnTarget(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Optional<TargetInvocation> invocation = TargetInvocation.parse(name(), args, targets, true, err);
        if (invocation.isEmpty()) {
            return ExitCodes.BAD_ARGUMENTS;
        }
        ResolvedSettings settings = invocation.get().settings();
        ConnectionProfile profile = settings.profile();
        // Only the connection settings matter here; the name was checked when the profile was saved.
        List<FieldError> problems = ProfileValidator.validate(profile, List.of()).stream()
                .filter(problem -> problem.field() != ProfileField.NAME)
                .toList();
        if (!problems.isEmpty()) {
            for (FieldError problem : problems) {
                err.println("pgdesk test-connection: " + problem.message());
            }
            return ExitCodes.BAD_ARGUMENTS;
        }
        String password = settings.password().orElse(null);
        ConnectionReport report = tester.test(profile, password, step -> {}, new CancellationToken());
        if (password == null && demandedPassword(report)) {
            Optional<String> typed =
                    targets.prompt(invocation.get().noPassword()).ask(profile.displayTarget());
            if (typed.isPresent()) {
                report = tester.test(profile, typed.get(), step -> {}, new CancellationToken());
            }
        }
        if (password == null && demandedPassword(report)) {
            report = withCommandLineRemedy(report);
        }
        if (invocation.get().json()) {
            out.println(toJson(profile, report));
        } else {
            printText(profile, report, out);
        }
        return report.succeeded() ? ExitCodes.OK : ExitCodes.CONNECTION_FAILED;
    }

    /** Whether authentication failed because the server wants a password and none was sent. */
    private static boolean demandedPassword(ConnectionReport report) {
        boolean authenticationFailed = report.steps().stream()
                .anyMatch(step -> step.kind() == StepKind.AUTHENTICATE && step.status() == StepStatus.FAILED);
        return authenticationFailed
                && report.failure()
                        .map(failure -> failure.sqlState().equals("08004"))
                        .orElse(false);
    }

    /** The dialog's advice names its own password field; a command line has other sources. */
    private static ConnectionReport withCommandLineRemedy(ConnectionReport report) {
        return new ConnectionReport(
                report.steps(),
                report.failure()
                        .map(f -> new Failure(
                                f.title(), f.explanation(), ConnectionFailureReport.PASSWORD_SOURCES, f.sqlState())));
    }

    private static void printText(ConnectionProfile profile, ConnectionReport report, PrintStream out) {
        out.println("Testing " + profile.displayTarget() + " (sslmode " + profile.sslMode() + ")");
        for (CheckStep step : report.steps()) {
            out.printf("%-4s %-14s %s%n", mark(step.status()), step.kind().title(), step.summary());
            if (!step.detail().isBlank() && step.status() != StepStatus.SKIPPED) {
                for (String line : step.detail().split("\n")) {
                    out.println("                    " + line);
                }
            }
        }
        if (report.failure().isPresent()) {
            Failure failure = report.failure().get();
            out.println();
            out.println("Failed: " + failure.title()
                    + (failure.sqlState().isEmpty() ? "" : " (SQLSTATE " + failure.sqlState() + ")"));
            out.println(failure.explanation());
            out.println("What to do: " + failure.remedy());
        } else {
            out.println();
            out.println("Connection succeeded.");
        }
    }

    private static String mark(StepStatus status) {
        switch (status) {
            case OK:
                return "ok";
            case WARNING:
                return "warn";
            case FAILED:
                return "FAIL";
            case SKIPPED:
                return "skip";
            default:
                return "..";
        }
    }

    private static String toJson(ConnectionProfile profile, ConnectionReport report) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("target", profile.displayTarget());
        root.put("sslmode", profile.sslMode().libpqName());
        root.put("succeeded", report.succeeded());
        ArrayNode steps = root.putArray("steps");
        for (CheckStep step : report.steps()) {
            ObjectNode node = steps.addObject();
            node.put("step", step.kind().name().toLowerCase(java.util.Locale.ROOT));
            node.put("title", step.kind().title());
            node.put("status", step.status().name().toLowerCase(java.util.Locale.ROOT));
            node.put("summary", step.summary());
            node.put("detail", step.detail());
            node.put("elapsedMillis", step.elapsed().toMillis());
        }
        if (report.failure().isPresent()) {
            Failure failure = report.failure().get();
            ObjectNode node = root.putObject("failure");
            node.put("title", failure.title());
            node.put("explanation", failure.explanation());
            node.put("remedy", failure.remedy());
            node.put("sqlState", failure.sqlState());
        } else {
            root.putNull("failure");
        }
        return mapper.writeValueAsString(root);
    }
}
