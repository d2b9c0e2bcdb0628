package dev.pgdesk.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.monitor.ServerMonitor;
import dev.pgdesk.task.BackgroundTask;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.RecordingDialogService;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The refresh loop without a server: readings are held by a runner that never runs them, so the test
 * decides when one finishes.
 */
@ExtendWith(ApplicationExtension.class)
class MonitorRefreshTest {
    /** A reading handed to the runner and not finished yet. */
    private record Pending(Consumer<Throwable> onFailure) {}

    private final List<Pending> pending = new CopyOnWriteArrayList<>();
    private MonitorModel model;

    @Start
    void start(Stage stage) {
        TaskRunner holding = new TaskRunner() {
            @Override
            public <T> CancellationToken run(
                    BackgroundTask<T> task, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                pending.add(new Pending(onFailure));
                return new CancellationToken();
            }
        };
        // The monitor is never asked anything: the runner does not run the readings.
        model = new MonitorModel(
                "profile", "Test", new ServerMonitor(null), holding, new RecordingDialogService(), sql -> {});
    }

    @Test
    void aReadingStillOutIsNeverOverlappedAndShowsAsSlow(FxRobot robot) throws Exception {
        robot.interact(model::refreshNow);
        assertThat(pending).hasSize(1);

        Thread.sleep(1200);
        robot.interact(() -> {
            model.refreshNow();
            model.tick();
            model.tick();
        });

        assertThat(pending).hasSize(1);
        assertThat(model.statusProperty().get()).matches("Refreshing… \\(slow: 1\\.\\d s\\)");
    }

    @Test
    void aFailedReadingSaysWhyInWordsAndTheNextOneGoesOut(FxRobot robot) {
        robot.interact(model::refreshNow);
        robot.interact(() -> pending.get(0)
                .onFailure()
                .accept(new SQLException("FATAL: terminating connection due to administrator command")));

        assertThat(model.statusProperty().get())
                .isEqualTo("Refresh failed: FATAL: terminating connection due to administrator command — retrying"
                        + " every 2 s");
        assertThat(model.failingProperty().get()).isTrue();

        robot.interact(model::refreshNow);
        assertThat(pending).hasSize(2);
    }

    @Test
    void pausedTicksReadNothingAndAClosedMonitorNeverReadsAgain(FxRobot robot) {
        robot.interact(() -> {
            // Picking an interval reads at once, paused or not.
            model.intervalProperty().set(RefreshInterval.PAUSED);
            pending.get(0).onFailure().accept(new SQLException("gone"));
            model.tick();
            model.tick();
        });
        assertThat(pending).hasSize(1);
        assertThat(model.statusProperty().get()).isEqualTo("Refresh failed: gone");

        robot.interact(() -> {
            model.close();
            model.refreshNow();
        });
        assertThat(pending).hasSize(1);
    }

    @Test
    void confirmationsNameThePidTheUserAndTheQueryShortened() {
        String query = "SELECT " + "x, ".repeat(200) + "1";
        dev.pgdesk.monitor.SessionActivity session = new dev.pgdesk.monitor.SessionActivity(
                4242,
                "alice",
                "shop",
                "psql",
                "local",
                "client backend",
                "active",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                query,
                List.of(),
                null,
                null,
                false);

        String question = Signals.cancelQuestion(session);

        assertThat(question).startsWith("Cancel the query of pid 4242 (alice)?\n\nSELECT x, x,");
        assertThat(question).contains("…").doesNotContain(query);
        assertThat(Signals.terminateQuestion(session)).startsWith("Terminate the session of pid 4242 (alice)?");
    }
}
