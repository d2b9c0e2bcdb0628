package dev.pgdesk.workspace;

import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.history.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The process {@link KillSafetyTest} kills: it saves two tabs through the autosaver and appends to the
 * history as fast as it can, and after each flush prints how far it got.
 */
public final class KilledWriter {
    private KilledWriter() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        WorkspaceStore store = new WorkspaceStore(home.resolve("workspace"));
        // A small limit makes the history compact often, so kills also land in the middle of compactions.
        HistoryStore history = new HistoryStore(home.resolve("history.jsonl"), 40);
        EditorTabState first = EditorTabState.newTab(null, "First of run " + args[1], 0);
        EditorTabState second = EditorTabState.newTab(null, "Second of run " + args[1], 1);
        Autosaver autosaver = new Autosaver(store, Duration.ofMillis(1));
        for (int i = 0; ; i++) {
            String statement = "select " + i + ", '" + "x".repeat(i % 500) + "'";
            first = first.withText(statement);
            second = second.withText(statement + " -- second");
            autosaver.schedule(first);
            autosaver.schedule(second);
            history.append(new HistoryEntry(
                    Instant.now(), null, "killed", statement, List.of(), 1, 1L, Outcome.SUCCESS, "1 row"));
            if (i % 10 == 0) {
                autosaver.flush();
                System.out.println(i);
                System.out.flush();
            }
        }
    }
}
