package dev.pgdesk.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterPidTest {

    @Test
    void thePidAndPortAreTakenFromTheFirstAndFourthLines() {
        List<String> lines =
                List.of("4242", "/var/tmp/sample/pgdata", "1763950000", "54321", "", "127.0.0.1", "  1234", "ready");

        assertThat(PostmasterPid.parse(lines)).contains(new PostmasterPid(4242, 54321));
    }

    @Test
    void aFileTheServerHasNotFinishedWritingIsIgnored() {
        assertThat(PostmasterPid.parse(List.of("4242", "/var/tmp/sample/pgdata")))
                .isEmpty();
        assertThat(PostmasterPid.parse(List.of("4242", "/d", "1763950000", ""))).isEmpty();
        assertThat(PostmasterPid.parse(List.of("x", "/d", "1763950000", "5432")))
                .isEmpty();
        assertThat(PostmasterPid.parse(List.of("4242", "/d", "1763950000", "70000")))
                .isEmpty();
    }

    @Test
    void aClusterWithoutAPidFileHasNoServer(@TempDir Path cluster) {
        assertThat(PostmasterPid.read(cluster)).isEmpty();
    }

    @Test
    void aPidFileIsReadFromTheCluster(@TempDir Path cluster) throws IOException {
        Files.writeString(cluster.resolve(PostmasterPid.FILE), "4242\n/d\n1763950000\n5433\n\n127.0.0.1\n");

        assertThat(PostmasterPid.read(cluster)).contains(new PostmasterPid(4242, 5433));
    }

    @Test
    void aLiveProcessThatIsNotPostgresIsNotTakenForTheServer() {
        // This JVM is alive but is no postmaster: a crashed server's id reused by another program.
        assertThat(new PostmasterPid(ProcessHandle.current().pid(), 5432).isAlive())
                .isFalse();
    }

    @Test
    void anEndedProcessIsNotAlive() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();

        assertThat(new PostmasterPid(process.pid(), 5432).isAlive()).isFalse();
    }
}
