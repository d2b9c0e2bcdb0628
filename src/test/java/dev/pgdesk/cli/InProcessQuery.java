package dev.pgdesk.cli;

import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pgdesk query <test server> <args>} in this JVM, with an empty home and only {@code PGPASSWORD} set, so
 * nothing of the machine's PG* settings or {@code ~/.pgpass} leaks in. {@link CliProcess} runs it as a process.
 */
final class InProcessQuery {
    private InProcessQuery() {}

    /** The exit status; what the command wrote is in {@code out} and {@code err}. */
    static int run(Path home, OutputStream out, OutputStream err, String... args) {
        TestServer server = TestServer.shared();
        PgEnvironment environment =
                new PgEnvironment(Map.of("PGPASSWORD", server.password(TestServer.SUPERUSER)), home);
        QueryCommand command = new QueryCommand(List::of, environment, PasswordLookup.NONE);
        List<String> arguments = new ArrayList<>();
        arguments.add(CliProcess.target());
        arguments.addAll(List.of(args));
        return command.run(
                arguments,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
