package dev.pgdesk.localdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one PostgreSQL program (initdb, pg_ctl) to completion and captures what it printed.
 *
 * <p>Output goes to a temporary file rather than a pipe: {@code pg_ctl start} leaves a server running
 * that could inherit a pipe and keep it open forever.
 */
final class ServerCommand {

    /** What a finished program left behind. */
    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private ServerCommand() {}

    static Result run(ServerAccount account, List<String> command, Duration timeout) throws LocalPostgresException {
        Path output = null;
        try {
            output = Files.createTempFile("pgdesk-pg-command", ".out");
            ProcessBuilder builder = new ProcessBuilder(account.wrap(command))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            scrubEnvironment(builder.environment());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LocalPostgresException(
                        String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " seconds.");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LocalPostgresException("Could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalPostgresException("Interrupted while running " + command.get(0), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(Platform.isWindows() ? "NUL" : "/dev/null");
    }

    /** libpq and the server tools read these; the user's values must not redirect our server. */
    private static void scrubEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("PG"));
        environment.put("LC_ALL", "C");
    }
}
