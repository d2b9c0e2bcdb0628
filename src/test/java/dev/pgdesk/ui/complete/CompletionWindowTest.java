package dev.pgdesk.ui.complete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.complete.Candidate;
import dev.pgdesk.complete.SnapshotCache;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.EditorWindow;
import dev.pgdesk.ui.FormRobot;
import dev.pgdesk.ui.MainWindowModel;
import dev.pgdesk.ui.TestServices;
import dev.pgdesk.ui.query.QueryTabModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Completion in a connected editor of the main window, against the real test server. */
@Tag("server")
@ExtendWith(ApplicationExtension.class)
class CompletionWindowTest {
    private static final TestServer SERVER = TestServer.shared();
    private TestServices test;
    private MainWindowModel model;
    private ConnectionProfile alice;

    @BeforeAll
    static void createSchema() throws SQLException {
        try (Connection connection = SERVER.connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS alice AUTHORIZATION alice");
        }
    }

    @Start
    void start(Stage stage) {
        test = new TestServices();
        model = test.showWindow(stage);
    }

    @AfterEach
    void closePools() {
        model.shutdown();
    }

    @Test
    void aTableCreatedInTheEditorIsOfferedWithItsColumnsRightAfterwards(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-complete-ddl");
        SnapshotCache cache = model.editors().completionCache(alice.id()).orElseThrow();
        assertThat(fx(() -> editor.completionCacheProperty().get())).isSameAs(cache);
        String table = "spend_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        setText(robot, "CREATE TABLE " + table + " (id int, amount numeric)", 0);

        robot.clickOn("#runStatement");
        FormRobot.waitFor(
                () -> !editor.runningProperty().get() && editor.results().size() == 1);
        FormRobot.waitFor(() -> cache.get().relation("alice", table).isPresent());

        setText(robot, "SELECT  FROM " + table, "SELECT ".length());
        robot.write("amo");
        Waits.until(() -> shown(robot).contains("amount"));

        assertThat(shown(robot)).first().isEqualTo("amount");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> area(robot).getText())).isEqualTo("SELECT amount FROM " + table);
        assertThat(fx(() -> editor.textProperty().get())).isEqualTo("SELECT amount FROM " + table);
    }

    @Test
    void escapeWithThePopupOpenClosesItAndLeavesTheRunningStatementAlone(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-complete-escape");
        setText(robot, "SELECT pg_sleep(30);\nSELECT * FROM ", "SELECT pg_sleep(30);".length());
        robot.clickOn("#runStatement");
        FormRobot.waitFor(() -> editor.runningProperty().get());
        FormRobot.waitFor(() -> !cache().get().isEmpty());
        robot.interact(() -> {
            area(robot).requestFocus();
            area(robot).moveTo(area(robot).getLength());
        });

        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        Waits.until(() -> fx(() -> robot.lookup("#completionList").tryQuery().isPresent()
                && robot.lookup("#completionList").queryAs(ListView.class).isVisible()));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> editor.runningProperty().get())).isTrue();
        assertThat(robot.lookup("#completionPopup").tryQuery()).isEmpty();

        robot.type(KeyCode.ESCAPE);
        FormRobot.waitFor(() -> !editor.runningProperty().get());
    }

    private SnapshotCache cache() {
        return model.editors().completionCache(alice.id()).orElseThrow();
    }

    private QueryTabModel connect(FxRobot robot, String applicationName) throws Exception {
        alice = EditorWindow.aliceProfile(applicationName);
        return EditorWindow.connect(robot, test, model, alice);
    }

    private static void setText(FxRobot robot, String text, int caret) {
        robot.interact(() -> {
            CodeArea area = area(robot);
            area.replaceText(text);
            area.requestFocus();
            area.moveTo(caret);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> shown(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup("#completionList").tryQuery().isEmpty()
                ? List.<String>of()
                : robot.lookup("#completionList").queryAs(ListView.class).getItems().stream()
                        .map(item -> ((Candidate) item).label().toLowerCase(Locale.ROOT))
                        .toList());
    }

    private static CodeArea area(FxRobot robot) {
        return robot.lookup("#sqlEditorArea").queryAs(CodeArea.class);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
