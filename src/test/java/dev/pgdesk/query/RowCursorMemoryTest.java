package dev.pgdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proves streaming by memory: three million rows of about 110 bytes (some 330 MB of values) are read in a
 * JVM with a 64 MB heap through {@link RowCursor}, while the same query read the non-streaming way runs out
 * of memory in that heap, so this test would notice if the cursor stopped streaming.
 */
@Tag("server")
class RowCursorMemoryTest {
    private static final String HEAP = "-Xmx64m";
    private static final int ROWS = 3_000_000;
    private static final String SQL = "SELECT g, repeat('x', 100) FROM generate_series(1, " + ROWS + ") g";

    @Test
    void aMultiMillionRowQueryStreamsThroughACursorInASmallHeap() throws Exception {
        Fork fork = fork("cursor");

        assertThat(fork.status).as(fork.output).isZero();
        assertThat(fork.output.strip()).endsWith(Integer.toString(ROWS));
    }

    @Test
    void theSameQueryReadWithoutACursorRunsOutOfMemoryInThatHeap() throws Exception {
        Fork fork = fork("whole");

        assertThat(fork.status).isNotZero();
        assertThat(fork.output).contains("OutOfMemoryError");
    }

    private record Fork(int status, String output) {}

    private static Fork fork(String mode) throws IOException, InterruptedException {
        TestServer server = TestServer.shared();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.database();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        HEAP,
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StreamingReadMain.class.getName(),
                        mode,
                        url,
                        TestServer.SUPERUSER,
                        server.password(TestServer.SUPERUSER),
                        SQL))
                .redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the forked reader did not finish in 120 s");
        }
        return new Fork(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
