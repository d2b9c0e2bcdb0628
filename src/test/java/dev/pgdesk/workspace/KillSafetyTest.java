package dev.pgdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.HistoryStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a process that is busy saving tabs and recording history, and checks that everything loads. */
class KillSafetyTest {

    @TempDir
    Path home;

    @Test
    void aProcessKilledWhileWritingLeavesTabsAndHistoryThatLoadWithTheFlushedWork() throws Exception {
        for (int round = 1; round <= 3; round++) {
            int flushed = runAndKill(round, 50 * round);

            WorkspaceStore.LoadResult tabs = new WorkspaceStore(home.resolve("workspace")).load();
            assertThat(tabs.problems()).as("round %d", round).isEmpty();
            assertThat(tabs.tabs()).hasSize(2 * round);
            String run = "of run " + round;
            List<EditorTabState> latest = tabs.tabs().stream()
                    .filter(tab -> tab.title().endsWith(run))
                    .toList();
            assertThat(latest).hasSize(2);
            for (EditorTabState tab : tabs.tabs()) {
                assertThat(tab.text()).startsWith("select ");
            }
            assertThat(latest).allSatisfy(tab -> assertThat(counter(tab.text())).isGreaterThanOrEqualTo(flushed));

            HistoryStore history = new HistoryStore(home.resolve("history.jsonl"), 40);
            List<HistoryEntry> entries = history.search("", 100);
            assertThat(history.problems()).as("round %d", round).isEmpty();
            assertThat(entries).isNotEmpty();
            assertThat(counter(entries.get(0).statement())).isGreaterThanOrEqualTo(flushed);
        }
    }

    private static int counter(String statement) {
        return Integer.parseInt(statement.substring("select ".length(), statement.indexOf(',')));
    }

    /** @return the last counter the process reported as flushed before it was killed */
    private int runAndKill(int round, int atLeast) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledWriter.class.getName(),
                        home.toString(),
                        Integer.toString(round))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int flushed = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (flushed < atLeast && (line = out.readLine()) != null) {
                flushed = Integer.parseInt(line.strip());
            }
            // SIGKILL: no shutdown hooks, no flush, whatever write is under way stops where it is.
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(flushed).as("the writer process reported progress").isGreaterThanOrEqualTo(atLeast);
        return flushed;
    }
}
