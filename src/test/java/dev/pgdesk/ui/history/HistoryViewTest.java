package dev.pgdesk.ui.history;

import static dev.pgdesk.ui.FormRobot.set;
import static dev.pgdesk.ui.FormRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.HistoryParameter;
import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.history.Outcome;
import dev.pgdesk.ui.task.FxTaskRunner;
import dev.pgdesk.ui.theme.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {
    private final HistoryEntry orders = new HistoryEntry(
            Instant.parse("2026-01-01T10:00:00Z"),
            "p1",
            "Production",
            "select *\nfrom orders\nwhere id = $1",
            List.of(new HistoryParameter("$1", "integer", "42")),
            12,
            1L,
            Outcome.SUCCESS,
            "1 row");
    private final HistoryEntry failed = new HistoryEntry(
            Instant.parse("2026-01-01T10:01:00Z"),
            "p2",
            "Staging",
            "select * from ordrs",
            List.of(),
            3,
            null,
            Outcome.ERROR,
            "ERROR 42P01: relation \"ordrs\" does not exist");
    private final HistoryEntry update = new HistoryEntry(
            Instant.parse("2026-01-01T10:02:00Z"),
            "p1",
            "Production",
            "update customers set active = true",
            List.of(),
            1500,
            3L,
            Outcome.SUCCESS,
            "UPDATE 3");

    private final List<HistoryEntry> opened = new CopyOnWriteArrayList<>();
    private HistoryStore store;
    private HistoryModel model;

    @Start
    void start(Stage stage) throws IOException {
        Path home = Files.createTempDirectory("pgdesk-history-test");
        store = new HistoryStore(home.resolve("history.jsonl"));
        model = new HistoryModel(store, new FxTaskRunner());
        Scene scene = new Scene(new HistoryView(model, opened::add).content(), 900, 500);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static MouseEvent doubleClick() {
        return new MouseEvent(
                MouseEvent.MOUSE_CLICKED,
                10,
                10,
                10,
                10,
                MouseButton.PRIMARY,
                2,
                false,
                false,
                false,
                false,
                true,
                false,
                false,
                true,
                false,
                true,
                null);
    }

    @SuppressWarnings("unchecked")
    private TableView<HistoryEntry> table(FxRobot robot) {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    private void record(FxRobot robot, HistoryEntry... entries) throws IOException {
        for (HistoryEntry entry : entries) {
            store.append(entry);
        }
        robot.interact(model::refresh);
    }

    @Test
    void anEmptyHistorySaysSo(FxRobot robot) throws Exception {
        robot.interact(model::refresh);
        waitFor(() -> robot.lookup(".history-placeholder").tryQuery().isPresent());

        Label placeholder = robot.lookup(".history-placeholder").queryAs(Label.class);
        assertThat(placeholder.getText()).isEqualTo("No statements run yet.");
        assertThat(robot.lookup("#historyOpen").queryButton().isDisabled()).isTrue();
    }

    @Test
    void recordedStatementsAppearNewestFirst(FxRobot robot) throws Exception {
        record(robot, orders, failed, update);

        waitFor(() -> table(robot).getItems().size() == 3);
        assertThat(table(robot).getItems()).containsExactly(update, failed, orders);
        assertThat(robot.lookup(".table-row-cell.history-error").queryAll()).hasSize(1);
        assertThat(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                        .map(javafx.scene.control.Labeled::getText))
                .contains("select * from orders where id = $1", "✗ ERROR 42P01: relation \"ordrs\" does not exist", "1.50 s");
    }

    @Test
    void typingInTheSearchFieldFiltersTheEntries(FxRobot robot) throws Exception {
        record(robot, orders, failed, update);
        waitFor(() -> table(robot).getItems().size() == 3);

        set(robot, "#historySearch", "production ORDERS");

        waitFor(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems()).containsExactly(orders);

        set(robot, "#historySearch", "nothing like this");

        waitFor(() -> table(robot).getItems().isEmpty());
        assertThat(robot.lookup(".history-placeholder").queryAs(Label.class).getText())
                .isEqualTo("No statements match the search.");
    }

    @Test
    void theOpenButtonHandsTheSelectedEntryToTheEditor(FxRobot robot) throws Exception {
        record(robot, orders, failed, update);
        waitFor(() -> table(robot).getItems().size() == 3);

        robot.interact(() -> table(robot).getSelectionModel().select(failed));
        Button open = robot.lookup("#historyOpen").queryButton();
        assertThat(open.isDisabled()).isFalse();
        robot.clickOn(open);

        assertThat(opened).containsExactly(failed);
    }

    @Test
    void doubleClickingARowOrPressingEnterOpensIt(FxRobot robot) throws Exception {
        record(robot, orders, update);
        waitFor(() -> table(robot).getItems().size() == 2);

        Node firstRow = robot.lookup(".table-row-cell")
                .match((TableRow<?> row) -> row.getItem() == update)
                .query();
        // A synthetic double click: the robot's two clicks can drift apart on a busy machine.
        robot.interact(() -> Event.fireEvent(firstRow, doubleClick()));
        waitFor(() -> opened.size() == 1);

        robot.interact(() -> {
            table(robot).requestFocus();
            table(robot).getSelectionModel().select(orders);
        });
        robot.type(KeyCode.ENTER);
        waitFor(() -> opened.size() == 2);

        assertThat(opened).containsExactly(update, orders);
    }
}
