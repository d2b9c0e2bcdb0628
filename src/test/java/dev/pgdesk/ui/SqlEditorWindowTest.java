package dev.pgdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.history.HistoryEntry;
import dev.pgdesk.history.Outcome;
import dev.pgdesk.query.TransactionState;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.query.QueryTabModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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

/** The SQL editor in the main window, against the real test server: run, script, cancel, close, restore. */
@Tag("server")
@ExtendWith(ApplicationExtension.class)
class SqlEditorWindowTest {
    private static final TestServer SERVER = TestServer.shared();
    private TestServices test;
    private MainWindowModel model;
    private ConnectionProfile alice;

    @BeforeAll
    static void createTables() throws SQLException {
        try (Connection connection = SERVER.connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS alice AUTHORIZATION alice");
        }
        try (Connection connection = SERVER.connect("alice");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS alice.users");
            statement.execute("CREATE TABLE alice.users (id int PRIMARY KEY, name text, status text)");
            statement.execute("INSERT INTO alice.users VALUES (42, 'Ada', 'active'), (43, 'Bob', 'active')");
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
    void ctrlEnterRunsTheStatementUnderTheCaretAndShowsItsRows(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-run");
        type(robot, "SELECT 1 AS skipped;\nSELECT g AS n, 'row ' || g AS label FROM generate_series(1, 3) g;");
        robot.interact(() -> area(robot).moveTo(area(robot).getText().indexOf("generate_series")));

        robot.clickOn("#sqlEditorArea").press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitForRows(robot, "#resultTable-1");

        TableView<?> table = robot.lookup("#resultTable-1").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);
        assertThat((Object[]) table.getItems().get(2)).containsExactly("3", "row 3");
        assertThat(resultTabTitles(robot)).containsExactly("Messages", "Result 1 (3)");
        assertThat(editor.statusProperty().get()).isEqualTo("3 rows");
    }

    @Test
    void aSingleRowIsCalledOneRow(FxRobot robot) throws Exception {
        connect(robot, "ui-one-row");
        type(robot, "SELECT 1 AS one");

        robot.clickOn("#sqlEditorArea").press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitForRows(robot, "#resultTable-1");

        assertThat(robot.lookup("#gridStatus").queryAs(Label.class).getText()).startsWith("1 row · all loaded");
    }

    @Test
    void ctrlTOpensAnEditorThatTakesTheTypingAndCtrlWClosesTheSelectedTab(FxRobot robot) throws Exception {
        QueryTabModel first = connect(robot, "ui-tabs");

        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        FormRobot.waitFor(() -> model.editors().tabs().size() == 2);
        QueryTabModel second = model.editors().tabs().get(1);
        // No click: the new editor has the keyboard by itself.
        FormRobot.waitFor(() -> {
            Tab selected = robot.lookup("#tabs")
                    .queryAs(TabPane.class)
                    .getSelectionModel()
                    .getSelectedItem();
            return selected.getUserData() == second
                    && selected.getContent().lookup("#sqlEditorArea").isFocused();
        });
        robot.write("select 2");
        FormRobot.waitFor(() -> second.textProperty().get().equals("select 2"));

        test.dialogs.choiceAnswers.add("Don't Save");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        FormRobot.waitFor(() -> model.editors().tabs().size() == 1);

        assertThat(model.editors().tabs()).containsExactly(first);
        assertThat(test.dialogs.choices)
                .extracting(RecordingDialogService.Shown::title)
                .containsExactly("Unsaved changes");
    }

    @Test
    void aBigResultStreamsItsFirstRowsScrollingLoadsMoreAndLoadAllReleasesTheConnection(FxRobot robot)
            throws Exception {
        QueryTabModel editor = connect(robot, "ui-stream");
        type(robot, "SELECT g AS n, md5(g::text) AS hash FROM generate_series(1, 60000) g");

        robot.clickOn("#runStatement");
        waitForRows(robot, "#resultTable-1");
        assertThat(editor.statusProperty().get()).isEqualTo("first 1000 rows; more load as you scroll");
        assertThat(robot.lookup("#resultTable-1").queryAs(TableView.class).getItems())
                .hasSize(1000);
        assertThat(activeConnections()).isEqualTo(1);

        robot.interact(
                () -> robot.lookup("#resultTable-1").queryAs(TableView.class).scrollTo(999));
        FormRobot.waitFor(() -> robot.lookup("#resultTable-1")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 2000);
        assertThat(activeConnections()).isEqualTo(1);

        robot.clickOn("#loadAll");
        FormRobot.waitFor(() -> robot.lookup("#resultTable-1")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 60_000);
        FormRobot.waitFor(() -> activeConnections() == 0);
        Object[] last = (Object[]) robot.lookup("#resultTable-1")
                .queryAs(TableView.class)
                .getItems()
                .get(59_999);
        assertThat(last[0]).isEqualTo("60000");
    }

    @Test
    void exportWritesEveryRowFromTheServerNotOnlyTheLoadedOnes(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-export");
        type(
                robot,
                "SELECT g AS n, CASE WHEN g % 2 = 0 THEN 'even, \"quoted\"' END AS label"
                        + " FROM generate_series(1, 5000) g");
        robot.clickOn("#runStatement");
        waitForRows(robot, "#resultTable-1");
        java.nio.file.Path csv = test.home.resolve("numbers.csv");
        test.dialogs.fileAnswer = Optional.of(csv);

        robot.interact(
                () -> robot.lookup("#exportResult-1").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                        .filter(item -> "exportCsv-1".equals(item.getId()))
                        .findFirst()
                        .orElseThrow()
                        .fire());
        FormRobot.waitFor(() -> !editor.exportingProperty().get() && java.nio.file.Files.exists(csv));

        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines).hasSize(5001);
        assertThat(lines.subList(0, 3)).containsExactly("n,label", "1,", "2,\"even, \"\"quoted\"\"\"");
        assertThat(editor.statusProperty().get()).startsWith("Exported 5,000 rows");
        assertThat(robot.lookup("#resultTable-1").queryAs(TableView.class).getItems())
                .hasSize(1000);

        robot.clickOn("#jsonViewToggle");
        FormRobot.waitFor(() -> robot.lookup("#jsonView")
                .queryAs(javafx.scene.control.TextArea.class)
                .getText()
                .startsWith("["));
        String json = robot.lookup("#jsonView")
                .queryAs(javafx.scene.control.TextArea.class)
                .getText();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json))
                .hasSize(1000);
        assertThat(json).contains("\"label\" : null");
    }

    @Test
    void aScriptOfThreeStatementsGivesThreeResultTabsAndTheirMessages(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-script");
        type(
                robot,
                "SELECT 1 AS a;\nDO $$ BEGIN RAISE NOTICE 'half way; still going'; END $$;\nSELECT 2 AS b, 3 AS c;");

        robot.clickOn("#runScript");
        FormRobot.waitFor(
                () -> !editor.runningProperty().get() && editor.results().size() == 3);

        assertThat(resultTabTitles(robot)).containsExactly("Messages", "Result 1 (1)", "Result 2 · DO", "Result 3 (1)");
        assertThat(editor.messages())
                .extracting(line -> line.text())
                .anyMatch(text -> text.equals("NOTICE:  half way; still going"))
                .anyMatch(text -> text.startsWith("Statement 2 (line 2): DO in "));
        assertThat(test.services(null).history().search("", 10))
                .extracting(HistoryEntry::statement)
                .containsExactly(
                        "SELECT 2 AS b, 3 AS c",
                        "DO $$ BEGIN RAISE NOTICE 'half way; still going'; END $$",
                        "SELECT 1 AS a");
    }

    @Test
    void escapeCancelsPgSleepOnTheServerWithinTwoSeconds(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-cancel");
        type(robot, "SELECT pg_sleep(60)");

        robot.clickOn("#runStatement");
        FormRobot.waitFor(() -> activeSleeps("ui-cancel") == 1);
        FormRobot.waitFor(
                () -> robot.lookup("#elapsed").queryAs(Label.class).getText().startsWith("Running"));
        robot.clickOn("#sqlEditorArea");
        long pressed = System.nanoTime();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        FormRobot.waitFor(() -> !editor.runningProperty().get());
        long tookMillis = (System.nanoTime() - pressed) / 1_000_000;

        assertThat(tookMillis).isLessThan(2000);
        assertThat(activeSleeps("ui-cancel")).isZero();
        assertThat(editor.statusProperty().get()).startsWith("Cancelled");
        assertThat(test.services(null).history().search("pg_sleep", 1))
                .singleElement()
                .extracting(HistoryEntry::outcome)
                .isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void closingATabWithAnOpenTransactionAsksAndCancelKeepsIt(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-close");
        type(robot, "BEGIN;\nUPDATE users SET status = 'closing' WHERE id = 43;");
        robot.clickOn("#runScript");
        FormRobot.waitFor(
                () -> !editor.runningProperty().get() && editor.results().size() == 2);
        assertThat(robot.lookup("#transactionState").queryAs(Label.class).getText())
                .isEqualTo("In transaction");
        robot.interact(() -> robot.lookup("#resultTabs")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .select(2));
        assertThat(robot.lookup("#updateSummary").queryAs(Label.class).getText())
                .startsWith("1 row affected · UPDATE 1 · ");

        test.dialogs.choiceAnswer = Optional.empty();
        robot.interact(() -> Event.fireEvent(editorTab(robot), new Event(Tab.TAB_CLOSE_REQUEST_EVENT)));

        assertThat(test.dialogs.choices).singleElement().satisfies(shown -> {
            assertThat(shown.title()).isEqualTo("Open transaction");
            assertThat(shown.message()).contains("has an open transaction");
        });
        assertThat(model.editors().tabs()).containsExactly(editor);
        assertThat(editor.transactionStateProperty().get()).isEqualTo(TransactionState.IN_TRANSACTION);

        test.dialogs.choiceAnswers.addAll(List.of("Roll Back", "Don't Save"));
        robot.interact(() -> Event.fireEvent(editorTab(robot), new Event(Tab.TAB_CLOSE_REQUEST_EVENT)));
        FormRobot.waitFor(() -> model.editors().tabs().isEmpty());

        assertThat(test.dialogs.choices)
                .extracting(RecordingDialogService.Shown::title)
                .containsExactly("Open transaction", "Open transaction", "Unsaved changes");
        assertThat(statusOf(43)).isEqualTo("active");
    }

    @Test
    void quittingWithAnOpenTransactionAsksAndCommitsWhenTold(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-quit");
        type(robot, "BEGIN;\nUPDATE users SET status = 'quitting' WHERE id = 43;");
        robot.clickOn("#runScript");
        FormRobot.waitFor(
                () -> !editor.runningProperty().get() && editor.results().size() == 2);
        java.util.concurrent.atomic.AtomicBoolean exited = new java.util.concurrent.atomic.AtomicBoolean();

        test.dialogs.choiceAnswer = Optional.empty();
        robot.interact(() -> model.requestExit(() -> exited.set(true)));
        assertThat(exited).isFalse();
        assertThat(statusOf(43)).isEqualTo("active");

        test.dialogs.choiceAnswers.add("Commit");
        robot.interact(() -> model.requestExit(() -> exited.set(true)));
        FormRobot.waitFor(exited::get);

        assertThat(test.dialogs.choices)
                .extracting(RecordingDialogService.Shown::title)
                .containsExactly("Open transaction", "Open transaction");
        assertThat(statusOf(43)).isEqualTo("quitting");
        asAlice("UPDATE alice.users SET status = 'active' WHERE id = 43");
    }

    @Test
    void aFailedTransactionIsShownAndRollbackEndsIt(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-failed");
        type(robot, "BEGIN;\nSELECT 1 / 0;");
        robot.clickOn("#runScript");
        FormRobot.waitFor(
                () -> !editor.runningProperty().get() && editor.results().size() == 2);

        assertThat(robot.lookup("#transactionState").queryAs(Label.class).getText())
                .isEqualTo("Failed: roll back");
        assertThat(editor.statusProperty().get()).contains("statements are ignored until you roll back");
        assertThat(robot.lookup("#rollback").queryButton().isDisabled()).isFalse();

        robot.clickOn("#rollback");
        FormRobot.waitFor(() -> editor.transactionStateProperty().get() == TransactionState.IDLE);
        assertThat(robot.lookup("#transactionState").queryAs(Label.class).getText())
                .isEqualTo("Idle");
    }

    @Test
    void aServerErrorShowsItsStateAndMarksItsPositionInTheScript(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-error");
        String script = "SELECT 1;\nSELECT * FROM no_such_table;\nSELECT 3;";
        type(robot, script);

        robot.clickOn("#runScript");
        FormRobot.waitFor(
                () -> !editor.runningProperty().get() && editor.results().size() == 2);

        assertThat(resultTabTitles(robot)).containsExactly("Messages", "Result 1 (1)", "Result 2 · Error");
        assertThat(robot.lookup("#resultTabs")
                        .queryAs(TabPane.class)
                        .getSelectionModel()
                        .getSelectedItem()
                        .getText())
                .isEqualTo("Result 2 · Error");
        assertThat(editor.errorMarkProperty().get().offset()).isEqualTo(script.indexOf("no_such_table"));
        assertThat(area(robot).getStyleAtPosition(script.indexOf("no_such_table") + 1))
                .contains("error-mark");
        assertThat(editor.messages())
                .extracting(line -> line.text())
                .contains("1 statement was not run after the error.");
        assertThat(editor.statusProperty().get()).startsWith("Failed: ERROR 42P01");
    }

    @Test
    void parametersAreAskedForCheckedAndRememberedForTheSameStatement(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-params");
        String statement = "SELECT * FROM users WHERE id = $1 AND status = $2";
        type(robot, statement);

        robot.clickOn("#runStatement");
        FormRobot.waitFor(() -> !editor.parameters().isEmpty());
        assertThat(editor.statusProperty().get()).startsWith("Enter the parameters' values");
        assertThat(robot.lookup("#param-type-1").queryComboBox().getValue()).isEqualTo("int4");
        assertThat(robot.lookup("#param-type-2").queryComboBox().getValue()).isEqualTo("text");

        FormRobot.set(robot, "#param-value-1", "abc");
        FormRobot.set(robot, "#param-value-2", "active");
        robot.clickOn("#runWithParameters");
        assertThat(FormRobot.label(robot, "#param-problem-1").getText())
                .isEqualTo("$1 expects integer: \"abc\" is not a number");
        assertThat(editor.results()).isEmpty();

        FormRobot.set(robot, "#param-value-1", "42");
        robot.clickOn("#runWithParameters");
        waitForRows(robot, "#resultTable-1");
        TableView<?> table = robot.lookup("#resultTable-1").queryAs(TableView.class);
        assertThat(table.getItems())
                .singleElement()
                .satisfies(row -> assertThat((Object[]) row).containsExactly("42", "Ada", "active"));

        robot.interact(() -> model.newEditor());
        FormRobot.waitFor(() -> model.editors().tabs().size() == 2);
        QueryTabModel second = model.editors().tabs().get(1);
        // Re-indented and inside a script: the statement still recalls its values.
        robot.interact(() -> second.textProperty()
                .set("SELECT 0 AS warm_up;\nSELECT *   FROM users\nWHERE id = $1 AND status = $2"));
        robot.interact(second::runScript);
        FormRobot.waitFor(() -> second.results().size() == 2);
        assertThat(second.parameters())
                .extracting(row -> row.valueProperty().get())
                .containsExactly("42", "active");
        assertThat(editor.statusProperty().get()).isEqualTo("1 row");
    }

    @Test
    void theHistoryListsWhatRanAndOpensItInANewEditor(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-history");
        type(robot, "SELECT 'from history' AS origin");
        robot.clickOn("#runStatement");
        FormRobot.waitFor(() -> editor.results().size() == 1);

        robot.clickOn("#toolHistory");
        FormRobot.waitFor(() -> robot.lookup("#historyTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        robot.interact(() -> history.getSelectionModel().select(0));
        robot.clickOn("#historyOpen");
        FormRobot.waitFor(() -> model.editors().tabs().size() == 2);

        QueryTabModel reopened = model.editors().tabs().get(1);
        assertThat(reopened.textProperty().get()).isEqualTo("SELECT 'from history' AS origin");
        assertThat(reopened.connected().get()).isTrue();
    }

    @Test
    void manualCommitHoldsChangesUntilCommit(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-manual");
        robot.clickOn("#manualCommit");
        FormRobot.waitFor(() -> editor.statusProperty().get().startsWith("Manual commit:"));
        type(robot, "UPDATE users SET name = 'Ada L.' WHERE id = 42");

        robot.clickOn("#runStatement");
        FormRobot.waitFor(
                () -> !editor.runningProperty().get() && editor.results().size() == 1);
        assertThat(robot.lookup("#transactionState").queryAs(Label.class).getText())
                .isEqualTo("In transaction");
        assertThat(nameOf(42)).isEqualTo("Ada");

        robot.clickOn("#commit");
        FormRobot.waitFor(() -> editor.transactionStateProperty().get() == TransactionState.IDLE);
        assertThat(nameOf(42)).isEqualTo("Ada L.");
        assertThat(editor.statusProperty().get()).isEqualTo("Committed.");
        asAlice("UPDATE alice.users SET name = 'Ada' WHERE id = 42");
    }

    @Test
    void aNullParameterAndTheTabsTimeoutReachTheServer(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-null-timeout");
        type(robot, "SELECT $1::text IS NULL AS missing, pg_sleep($2)");
        robot.clickOn("#runStatement");
        FormRobot.waitFor(() -> robot.lookup("#param-null-1").tryQuery().isPresent());
        robot.clickOn("#param-null-1");
        FormRobot.set(robot, "#param-value-2", "0");
        robot.clickOn("#runWithParameters");
        FormRobot.waitFor(() -> editor.results().size() == 1);
        waitForRows(robot, "#resultTable-1");
        TableView<?> table = robot.lookup("#resultTable-1").queryAs(TableView.class);
        assertThat(((Object[]) table.getItems().get(0))[0]).isEqualTo("t");

        robot.interact(() -> robot.lookup("#timeout")
                .queryAs(javafx.scene.control.Spinner.class)
                .getValueFactory()
                .setValue(1));
        FormRobot.set(robot, "#param-value-2", "5");
        robot.clickOn("#runWithParameters");
        FormRobot.waitFor(() -> !editor.runningProperty().get()
                && editor.results().size() == 1
                && editor.results().get(0).result() instanceof dev.pgdesk.query.ServerError);

        assertThat(editor.statusProperty().get()).isEqualTo("Cancelled: canceled after 1 s (statement timeout)");
        assertThat(editor.state().timeoutSeconds()).isEqualTo(1);
    }

    @Test
    void saveWritesTheFileAndOpenBringsOneBack(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-files");
        type(robot, "SELECT 'saved' AS state;\n");
        java.nio.file.Path file = test.home.resolve("report.sql");
        test.dialogs.fileAnswer = Optional.of(file);

        robot.clickOn("#sqlEditorArea").press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        assertThat(java.nio.file.Files.readString(file)).isEqualTo("SELECT 'saved' AS state;\n");
        assertThat(editor.titleProperty().get()).isEqualTo("report.sql");
        assertThat(editor.modifiedProperty().get()).isFalse();

        java.nio.file.Path other = test.home.resolve("other.sql");
        java.nio.file.Files.writeString(other, "\uFEFFSELECT 2;\n");
        test.dialogs.fileAnswer = Optional.of(other);
        robot.interact(model::openSqlFile);
        FormRobot.waitFor(() -> model.editors().tabs().size() == 2);
        QueryTabModel opened = model.editors().tabs().get(1);
        assertThat(opened.textProperty().get()).isEqualTo("SELECT 2;\n");
        assertThat(opened.titleProperty().get()).isEqualTo("other.sql");
        assertThat(opened.connected().get()).isTrue();
    }

    @Test
    void aKilledAppBringsBackItsEditorText(FxRobot robot) throws Exception {
        connect(robot, "ui-restore");
        String text = "-- work in progress\nSELECT name FROM users WHERE status = 'active';";
        type(robot, text);
        FormRobot.waitFor(() -> workspaceHolds(text));

        // A second window over the same files, with no shutdown of the first: what a kill leaves behind
        // (its connections die with the process).
        test.pools.close();
        MainWindowModel restarted =
                WaitForAsyncUtils.asyncFx(() -> test.showWindow(new Stage())).get();
        FormRobot.waitFor(
                () -> WaitForAsyncUtils.asyncFx(() -> restarted.editors().tabs().size() == 1)
                        .get());

        QueryTabModel restored = restarted.editors().tabs().get(0);
        assertThat(restored.textProperty().get()).isEqualTo(text);
        assertThat(restored.profileName()).isEqualTo("Alice");
        assertThat(restored.connected().get()).isFalse();

        // Running in the restored, unconnected tab connects first and then runs.
        FormRobot.waitFor(() -> WaitForAsyncUtils.asyncFx(
                        () -> restarted.passwordsReadyProperty().get())
                .get());
        robot.interact(() -> restored.runStatement(text.indexOf("SELECT"), 0, 0));
        FormRobot.waitFor(() -> restored.results().size() == 1);
        assertThat(restored.statusProperty().get()).isEqualTo("2 rows");
        restarted.shutdown();
    }

    // Steps
    private QueryTabModel connect(FxRobot robot, String applicationName) throws Exception {
        alice = EditorWindow.aliceProfile(applicationName);
        return EditorWindow.connect(robot, test, model, alice);
    }

    /** Waits until the grid of a result tab shows its first rows (it loads them in the background). */
    private static void waitForRows(FxRobot robot, String id) throws Exception {
        FormRobot.waitFor(() -> robot.lookup(id)
                .tryQueryAs(TableView.class)
                .map(table -> !table.getItems().isEmpty())
                .orElse(false));
    }

    private void type(FxRobot robot, String text) {
        robot.interact(() -> area(robot).replaceText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static CodeArea area(FxRobot robot) {
        return robot.lookup("#sqlEditorArea").queryAs(CodeArea.class);
    }

    private static Tab editorTab(FxRobot robot) {
        return robot.lookup("#tabs").queryAs(TabPane.class).getTabs().stream()
                .filter(tab -> tab.getId() != null && tab.getId().startsWith("editor-"))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> resultTabTitles(FxRobot robot) {
        return robot.lookup("#resultTabs").queryAs(TabPane.class).getTabs().stream()
                .map(Tab::getText)
                .toList();
    }

    private boolean workspaceHolds(String text) throws Exception {
        return test.services(null).workspace().load().tabs().stream()
                .anyMatch(tab -> tab.text().equals(text));
    }

    private int activeConnections() {
        return test.pools.stats(alice.id()).orElseThrow().active();
    }

    private static int activeSleeps(String applicationName) throws SQLException {
        try (Connection connection = SERVER.connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                                + applicationName + "' AND state = 'active' AND query LIKE '%pg_sleep%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String nameOf(int id) throws SQLException {
        return userColumn("name", id);
    }

    private static String statusOf(int id) throws SQLException {
        return userColumn("status", id);
    }

    /** Runs {@code sql} as alice outside any session under test, to put shared rows back. */
    private static void asAlice(String sql) throws SQLException {
        try (Connection connection = SERVER.connect("alice");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A column of alice's users table, read outside any session under test. */
    private static String userColumn(String column, int id) throws SQLException {
        try (Connection connection = SERVER.connect("alice");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + column + " FROM alice.users WHERE id = " + id)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
