package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.check.ConnectionTester;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("server")
class TestConnectionCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path home;

    private int run(String... args) throws Exception {
        // An empty environment and home: no PG* variables or ~/.pgpass of the machine leak in.
        TestConnectionCommand command =
                new TestConnectionCommand(List::of, new PgEnvironment(Map.of(), home), new ConnectionTester());
        return command.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String target(String password) {
        TestServer server = TestServer.shared();
        return "host=localhost port=" + server.port() + " dbname=" + server.database() + " user=alice password='"
                + password + "' sslmode=verify-full sslrootcert="
                + server.certificates().caCert();
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void successfulTestPrintsEveryStepAndExitsZero() throws Exception {
        int status = run(target(TestServer.shared().password("alice")));

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(stdout())
                .contains("Resolve host", "TCP connect", "certificate verified against", "Authenticate")
                .containsPattern("(?m)^ok +TLS +TLSv1\\.")
                .contains("Connection succeeded.");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void jsonOutputHoldsTheStepsAndNoFailure() throws Exception {
        int status = run(target(TestServer.shared().password("alice")), "--json");

        JsonNode report = new ObjectMapper().readTree(stdout());
        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(report.get("succeeded").asBoolean()).isTrue();
        assertThat(report.get("failure").isNull()).isTrue();
        assertThat(report.get("steps")).hasSize(5);
        assertThat(report.get("steps").get(2).get("step").asText()).isEqualTo("tls");
        assertThat(report.get("steps").get(2).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void wrongPasswordExitsWithConnectionFailedAndTheExplanation() throws Exception {
        int status = run(target("wrong-password"));

        assertThat(status).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(stdout())
                .contains("Failed: Password authentication failed (SQLSTATE 28P01)")
                .contains("What to do:")
                .doesNotContain("Exception");
    }

    @Test
    void wrongPasswordAsJsonCarriesTheFailure() throws Exception {
        int status = run("--json", target("wrong-password"));

        JsonNode failure = new ObjectMapper().readTree(stdout()).get("failure");
        assertThat(status).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(failure.get("title").asText()).isEqualTo("Password authentication failed");
        assertThat(failure.get("sqlState").asText()).isEqualTo("28P01");
    }

    @Test
    void malformedUriIsRejectedInOneLine() throws Exception {
        int status = run("postgresql://localhost:notaport/db");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr().strip()).isNotEmpty().doesNotContain("\n");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void missingTargetIsABadArgument() throws Exception {
        assertThat(run("--json")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("missing target (a postgresql:// URI");
    }

    @Test
    void aListenerThatAcceptsAndNeverAnswersIsNotBlamedOnAFirewall() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(
                    () -> {
                        while (!silent.isClosed()) {
                            try {
                                accepted.add(silent.accept());
                            } catch (IOException e) {
                                return;
                            }
                        }
                    },
                    "silent-listener");
            acceptor.setDaemon(true);
            acceptor.start();

            CliRun.Result result = new CliRun(home)
                    .run(
                            "test-connection",
                            "host=127.0.0.1 port=" + silent.getLocalPort() + " dbname=x user=alice connect_timeout=1",
                            "--no-password");

            String report = result.stdout() + result.stderr();
            assertThat(result.status()).as(report).isEqualTo(ExitCodes.CONNECTION_FAILED);
            assertThat(report)
                    .containsPattern("(?m)^ok +TCP connect")
                    .contains("accepted the TCP connection but never answered PostgreSQL's TLS request")
                    .contains("within the connection timeout (1 s)")
                    .contains("is really PostgreSQL's")
                    .doesNotContain("firewall")
                    .doesNotContain("right after TCP connect");
            assertThat(accepted).isNotEmpty();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
