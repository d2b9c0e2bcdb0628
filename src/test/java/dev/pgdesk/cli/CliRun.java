package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code pgdesk} to the end as a user's shell does: its own JVM, an environment of the test's making (a home of its
 * own, no PG* variables of the machine), stdout and stderr in files as a scheduler keeps them. {@link CliProcess} is for runs a test watches or
 * interrupts while they go on.
 */
final class CliRun {
    /** What a run left behind. */
    record Result(int status, String stdout, String stderr) {}

    private final Path home;
    private final Map<String, String> environment = new HashMap<>();

    /** @param home the home directory, also where pgdesk keeps its files */
    CliRun(Path home) {
        this.home = home;
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
    }

    /** Sets an environment variable of the runs to come. */
    CliRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Result run(String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(CliProcess.pgdesk(args));
        // Nothing of the machine's libpq settings may leak in: only what the test sets.
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().putAll(environment);
        Path stdout = Files.createTempFile(home, "stdout", ".txt");
        Path stderr = Files.createTempFile(home, "stderr", ".txt");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("pgdesk %s ended", String.join(" ", args))
                    .isTrue();
            return new Result(
                    process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
