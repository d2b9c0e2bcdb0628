package dev.pgdesk.ui.history;

import static dev.pgdesk.ui.FormRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.history.Outcome;
import dev.pgdesk.task.BackgroundTask;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.TaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class HistoryModelTest {

    @TempDir
    Path dir;

    /** Runs each task only when the test says so, in the order the test chooses. */
    private static final class HeldTasks implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> CancellationToken run(
                BackgroundTask<T> task, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            CancellationToken token = new CancellationToken();
            held.add(() -> {
                try {
                    onSuccess.accept(task.run(token));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return token;
        }
    }

    private static HistoryEntry entry(String statement) {
        return new HistoryEntry(Instant.now(), "p1", "local", statement, List.of(), 1, 1L, Outcome.SUCCESS, "1 row");
    }

    @Test
    void aSearchOvertakenByANewerOneDoesNotOverwriteItsResult(FxRobot robot) throws IOException {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        store.append(entry("select 1"));
        store.append(entry("select 2"));
        HeldTasks tasks = new HeldTasks();
        HistoryModel[] model = new HistoryModel[1];
        robot.interact(() -> {
            model[0] = new HistoryModel(store, tasks);
            model[0].queryProperty().set("select 1");
            model[0].refresh();
            model[0].queryProperty().set("select 2");
            model[0].refresh();
            tasks.held.get(1).run();
            tasks.held.get(0).run();
        });

        assertThat(model[0].entries()).extracting(HistoryEntry::statement).containsExactly("select 2");
    }

    @Test
    void aQueryIsSearchedOnlyOnceItStopsChanging(FxRobot robot) throws Exception {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"));
        HeldTasks tasks = new HeldTasks();
        robot.interact(() -> {
            HistoryModel model = new HistoryModel(store, tasks);
            for (String prefix : List.of("s", "se", "sel", "sele", "selec", "select")) {
                model.queryProperty().set(prefix);
            }
        });

        waitFor(() -> !tasks.held.isEmpty());
        Thread.sleep(HistoryModel.QUIET_MILLIS * 2L);
        assertThat(tasks.held).hasSize(1);
    }
}
