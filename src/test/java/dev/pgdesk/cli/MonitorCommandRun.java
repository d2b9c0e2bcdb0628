package dev.pgdesk.cli;

import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs a monitoring command against the shared test server as a given role, capturing its output. */
final class MonitorCommandRun {
    final int status;
    final String stdout;
    final String stderr;

    private MonitorCommandRun(int status, String stdout, String stderr) {
        this.status = status;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Runs the command built by {@code command} with {@code user}'s password in PGPASSWORD and an empty home,
     * so nothing of the machine's own PG* settings leaks in.
     */
    static MonitorCommandRun as(
            String user, String database, Path home, Function<TargetResolver, CliCommand> command, String... args)
            throws Exception {
        TestServer server = TestServer.shared();
        List<String> arguments = new ArrayList<>();
        arguments.add("postgresql://" + user + "@localhost:" + server.port() + "/" + database);
        arguments.addAll(List.of(args));
        return withArguments(server.password(user), home, command, arguments);
    }

    /** Runs the command with exactly {@code arguments}, {@code password} in PGPASSWORD and an empty home. */
    static MonitorCommandRun withArguments(
            String password, Path home, Function<TargetResolver, CliCommand> command, List<String> arguments)
            throws Exception {
        PgEnvironment environment = new PgEnvironment(Map.of("PGPASSWORD", password), home);
        TargetResolver targets = new TargetResolver(List::of, environment, PasswordLookup.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.apply(targets)
                .run(
                        arguments,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new MonitorCommandRun(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
