package dev.pgdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaverTest {

    @TempDir
    Path dir;

    private WorkspaceStore store() {
        return new WorkspaceStore(dir.resolve("workspace"));
    }

    @Test
    void tabsSavedThroughTheAutosaverComeBackInANewSession() {
        EditorTabState first = EditorTabState.newTab("p1", "Query 1", 0).withText("select 1");
        EditorTabState second = EditorTabState.newTab(null, "Query 2", 1).withText("select 2");
        try (Autosaver autosaver = new Autosaver(store(), Duration.ofMillis(300))) {
            autosaver.schedule(first);
            autosaver.schedule(second);
        }

        assertThat(store().load().tabs()).containsExactly(first, second);
    }

    @Test
    void manySchedulesCoalesceAndTheLastStateIsOnDiskAfterFlush() {
        EditorTabState tab = EditorTabState.newTab(null, "Query 1", 0);
        Autosaver autosaver = new Autosaver(store(), Duration.ofSeconds(30));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append((char) ('a' + i % 26));
            tab = tab.withText(text.toString(), text.length());
            autosaver.schedule(tab);
        }

        assertThat(store().load().tabs()).as("nothing written before the delay").isEmpty();
        assertThat(autosaver.flush()).isTrue();

        assertThat(store().load().tabs()).containsExactly(tab);
        autosaver.close();
    }

    @Test
    void aScheduledStateIsWrittenWithinTheDelayWithoutAFlush() throws Exception {
        EditorTabState tab = EditorTabState.newTab(null, "Query 1", 0).withText("select 1");
        try (Autosaver autosaver = new Autosaver(store(), Duration.ofMillis(50))) {
            autosaver.schedule(tab);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store().load().tabs().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(store().load().tabs()).containsExactly(tab);
        }
    }

    @Test
    void discardingATabCancelsItsPendingWriteAndDeletesItsFile() throws IOException {
        EditorTabState kept = EditorTabState.newTab(null, "Query 1", 0).withText("kept");
        EditorTabState closed = EditorTabState.newTab(null, "Query 2", 1).withText("closed");
        store().save(closed);
        try (Autosaver autosaver = new Autosaver(store(), Duration.ofSeconds(30))) {
            autosaver.schedule(kept);
            autosaver.schedule(closed.withText("closed, edited"));
            autosaver.discard(closed.id());
            autosaver.flush();
        }

        assertThat(store().load().tabs()).containsExactly(kept);
    }

    @Test
    void aFailedWriteIsReportedToTheListenerAndRetriedAtTheNextFlush() throws IOException {
        Path workspace = dir.resolve("workspace");
        Files.writeString(workspace, "a file where the directory should be");
        List<String> problems = new CopyOnWriteArrayList<>();
        EditorTabState tab = EditorTabState.newTab(null, "Report", 0).withText("select 1");
        Autosaver autosaver = new Autosaver(store(), Duration.ofSeconds(30), problems::add);
        autosaver.schedule(tab);

        assertThat(autosaver.flush()).isFalse();
        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("Autosave failed for \"Report\"")
                .contains("is in the way");

        Files.delete(workspace);
        assertThat(autosaver.flush()).isTrue();
        assertThat(store().load().tabs()).containsExactly(tab);
        autosaver.close();
    }

    @Test
    void requestsFromManyThreadsAllEndUpOnDisk() throws Exception {
        List<EditorTabState> tabs = new CopyOnWriteArrayList<>();
        try (Autosaver autosaver = new Autosaver(store(), Duration.ofMillis(5))) {
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                int order = t;
                threads[t] = new Thread(() -> {
                    EditorTabState tab = EditorTabState.newTab(null, "Query " + order, order);
                    for (int i = 0; i < 200; i++) {
                        tab = tab.withText("select " + i);
                        autosaver.schedule(tab);
                    }
                    tabs.add(tab);
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }

        assertThat(store().load().tabs()).containsExactlyInAnyOrderElementsOf(tabs);
        assertThat(store().load().tabs()).extracting(EditorTabState::text).containsOnly("select 199");
    }
}
