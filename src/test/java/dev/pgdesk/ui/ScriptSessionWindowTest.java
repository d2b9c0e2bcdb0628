package dev.pgdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pgdesk.query.ScriptRun;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.query.MessageLine;
import dev.pgdesk.ui.query.QueryTabModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.assertj.core.api.SoftAssertions;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.service.adapter.impl.JavafxRobotAdapter;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Run Script as psql runs a file, through the editor's own gestures against the real test server: one
 * session per run, Continue on Error from the Run Script button's arrow, a lost connection stopping the run,
 * a tab keeping its own session while it holds settings or temporary tables, and scripts refused before
 * anything is sent.
 */
@Tag("server")
@ExtendWith(ApplicationExtension.class)
class ScriptSessionWindowTest {
    private static final TestServer SERVER = TestServer.shared();

    private TestServices test;
    private MainWindowModel model;

    @BeforeAll
    static void createSchemas() throws SQLException {
        try (Connection connection = SERVER.connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS alice AUTHORIZATION alice");
            statement.execute("CREATE SCHEMA IF NOT EXISTS script_place AUTHORIZATION alice");
        }
        asAlice(
                "DROP TABLE IF EXISTS script_place.marker",
                "CREATE TABLE script_place.marker (place text)",
                "INSERT INTO script_place.marker VALUES ('script_place')",
                "DROP FUNCTION IF EXISTS alice.script_inc(int)");
    }

    @BeforeEach
    void freshRows() throws SQLException {
        asAlice(
                "DROP TABLE IF EXISTS alice.script_rows",
                "CREATE TABLE alice.script_rows (id int)",
                "INSERT INTO alice.script_rows VALUES (1), (2), (3)",
                "DROP TABLE IF EXISTS alice.script_mc",
                "DROP FUNCTION IF EXISTS alice.script_inc(int)");
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

    // 1. Continue on Error

    @Test
    void byDefaultTheRunStopsAtTheFirstErrorAndTheDeleteAfterItIsNotSent(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-script-stop");
        typeScript(
                robot,
                "select 1 as a;\nselect * from script_missing;\nselect 1 / 0 as boom;\ndelete from script_rows;");

        ScriptRun before = editor.lastRunProperty().get();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitForRun(editor, before);

        assertThat(resultTabTitles(robot)).containsExactly("Messages", "Result 1 (1)", "Result 2 · Error");
        assertThat(messageTexts(robot))
                .containsSubsequence(
                        "Statement 2 (line 2): ERROR 42P01: relation \"script_missing\" does not exist",
                        "2 statements were not run after the error.");
        assertThat(status(robot)).isEqualTo("Failed: ERROR 42P01: relation \"script_missing\" does not exist");
        assertThat(continueOnErrorItem(robot).isSelected()).isFalse();
        assertThat(scriptRows()).isEqualTo(3);
        waitForPool(robot, "pool: 0 active");
    }

    @Test
    void continueOnErrorFromTheArrowsMenuRunsEveryStatementAndListsTheFailures(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-script-continue");
        typeScript(
                robot,
                "select 1 as a;\nselect * from script_missing;\nselect 1 / 0 as boom;\ndelete from script_rows;");

        checkContinueOnError(robot);
        assertThat(continueOnErrorItem(robot).isSelected()).isTrue();
        assertThat(inEditor(robot, "#continueOnErrorMode", Label.class).isVisible())
                .isTrue();

        robot.clickOn(area(robot));
        runScriptWithKeys(robot, editor);

        assertThat(resultTabTitles(robot))
                .containsExactly(
                        "Messages", "Result 1 (1)", "Result 2 · Error", "Result 3 · Error", "Result 4 · DELETE");
        List<MessageLine> messages = messages(robot);
        assertThat(messages.subList(messages.size() - 3, messages.size()))
                .extracting(MessageLine::kind, MessageLine::text)
                .containsExactly(
                        tuple(
                                MessageLine.Kind.ERROR,
                                "2 of 4 statements failed; the run went on after each (Continue on Error):"),
                        tuple(
                                MessageLine.Kind.ERROR,
                                "  Statement 2 (line 2): ERROR 42P01: relation \"script_missing\" does not exist"),
                        tuple(MessageLine.Kind.ERROR, "  Statement 3 (line 3): ERROR 22012: division by zero"));
        assertThat(status(robot)).isEqualTo("4 statements run, 2 failed: see Messages.");
        assertThat(scriptRows()).isZero();
        assertThat(transactionLabel(robot).getText()).isEqualTo("Idle");
        waitForPool(robot, "pool: 0 active");
    }

    @Test
    void theArrowsMenuWorksAtTheDefaultWindowSizeAndEveryToolbarButtonStaysInTheToolbar(FxRobot robot)
            throws Exception {
        connect(robot, "ui-script-toolbar");
        ToolBar bar = inEditor(robot, ".query-toolbar", ToolBar.class);
        screenshot(robot, bar, "query-toolbar");

        assertThat(runScriptButton(robot).isVisible()).isTrue();
        assertWholeToolbarShows(robot, bar);

        assertThat(inEditor(robot, "#continueOnErrorMode", Label.class).isVisible())
                .isFalse();
        checkContinueOnError(robot);
        assertThat(runScriptButton(robot).getText()).isEqualTo("Run Script");
        assertThat(inEditor(robot, "#continueOnErrorMode", Label.class).isVisible())
                .as("the mode is shown in the status line")
                .isTrue();
        screenshot(robot, bar, "query-toolbar-continue-on-error");
        // Commit and Rollback stay out of the overflow menu (>>) in either mode.
        assertWholeToolbarShows(robot, bar);
    }

    // 2. A lost connection stops the run

    @Test
    void terminatingItsOwnBackendStopsTheRunAndTheNextRunStartsANewSession(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-script-lost");
        typeScript(robot, "select 1 as a;\nselect pg_terminate_backend(pg_backend_pid());\ndelete from script_rows;");

        ScriptRun before = editor.lastRunProperty().get();
        robot.clickOn(runScriptButton(robot));
        waitForRun(editor, before);

        assertThat(resultTabTitles(robot)).containsExactly("Messages", "Result 1 (1)", "Result 2 · Error");
        assertThat(messages(robot))
                .extracting(MessageLine::kind, MessageLine::text)
                .contains(tuple(
                        MessageLine.Kind.ERROR,
                        "The connection was lost during statement 2 (line 2). The session's settings (SET), temporary"
                                + " tables and prepared statements are gone, and the 1 statement after it was not"
                                + " run: nothing is moved to another connection. The next run starts a new"
                                + " session."));
        assertThat(status(robot)).isEqualTo("Connection lost during statement 2; the rest was not run.");
        assertThat(transactionLabel(robot).getText()).isEqualTo("Idle");
        assertThat(mainStatus(robot)).doesNotContain("transaction was rolled back");
        assertThat(scriptRows()).as("the DELETE after the lost statement").isEqualTo(3);
        waitForPool(robot, "pool: 0 active");

        typeScript(robot, "select 'again' as state;");
        runStatementWithKeys(robot, editor);
        assertThat(firstRow(robot, 1)).containsExactly("again");
        assertThat(status(robot)).isEqualTo("1 row");
    }

    @Test
    void aLostConnectionStopsTheRunEvenWithContinueOnError(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-script-lost-continue");
        typeScript(robot, "select pg_terminate_backend(pg_backend_pid());\ndelete from script_rows;");
        checkContinueOnError(robot);

        robot.clickOn(area(robot));
        runScriptWithKeys(robot, editor);

        assertThat(resultTabTitles(robot)).containsExactly("Messages", "Result 1 · Error");
        assertThat(messageTexts(robot))
                .anyMatch(text -> text.startsWith("The connection was lost during statement 1 (line 1).")
                        && text.contains("and the 1 statement after it was not run"))
                .noneMatch(text -> text.contains("Continue on Error"));
        assertThat(status(robot)).isEqualTo("Connection lost during statement 1; the rest was not run.");
        assertThat(scriptRows()).as("the DELETE after the lost statement").isEqualTo(3);
    }

    @Test
    void aConnectionLostInTheLastStatementIsSaidToBeLostAndNoTransactionIsClaimed(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-script-lost-last");
        typeScript(robot, "select pg_terminate_backend(pg_backend_pid());");

        runStatementWithKeys(robot, editor);

        assertThat(resultTabTitles(robot)).containsExactly("Messages", "Result 1 · Error");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(status(robot)).isEqualTo("Connection lost during statement 1.");
        soft.assertThat(messageTexts(robot))
                .contains("The connection was lost during statement 1 (line 1). The session's settings (SET),"
                        + " temporary tables and prepared statements are gone: nothing is moved to another"
                        + " connection. The next run starts a new session.");
        soft.assertThat(mainStatus(robot))
                .as("the window's status bar, after a lost connection with no transaction open")
                .doesNotContain("transaction was rolled back");
        soft.assertAll();
    }

    @Test
    void aKeptSessionTerminatedFromOutsideIsReportedLostAndNotReplacedSilently(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-script-killed");
        typeScript(robot, "set search_path = script_place;\nselect place, pg_backend_pid() as pid from marker;");
        runScriptWithKeys(robot, editor);
        Object[] row = firstRow(robot, 2);
        assertThat(row[0]).isEqualTo("script_place");
        int pid = Integer.parseInt((String) row[1]);
        assertThat(transactionLabel(robot).getText()).isEqualTo("Idle · own session");
        waitForPool(robot, "pool: 1 active");

        terminate(pid);
        waitUpTo(15, () -> !backendAlive(pid));

        runScriptWithKeys(robot, editor);
        assertThat(resultTabTitles(robot)).containsExactly("Messages", "Result 1 · Error");
        assertThat(messageTexts(robot))
                .anyMatch(text -> text.startsWith("The connection was lost during statement 1 (line 1). The"
                        + " session's settings (SET), temporary tables and prepared statements are gone,"
                        + " and the 1 statement after it was not run"));
        assertThat(status(robot)).isEqualTo("Connection lost during statement 1; the rest was not run.");
        assertThat(transactionLabel(robot).getText()).isEqualTo("Idle");
        waitForPool(robot, "pool: 0 active");

        // The next run is a new session: the search_path set before the loss is gone with it.
        typeScript(robot, "select place from marker;");
        runStatementWithKeys(robot, editor);
        assertThat(status(robot)).isEqualTo("Failed: ERROR 42P01: relation \"marker\" does not exist");
    }

    // 3. A tab whose session holds state keeps its connection

    @Test
    void aTabKeepsItsOwnSessionForItsSettingsAndTempTablesAnotherTabDoesNotSeeThem(FxRobot robot) throws Exception {
        QueryTabModel first = connect(robot, "ui-script-own");
        typeScript(robot, "set search_path = script_place;\ncreate temp table script_temp as select 7 as v;");
        runScriptWithKeys(robot, first);

        Label state = transactionLabel(robot);
        assertThat(state.getText()).isEqualTo("Idle · own session");
        assertThat(state.getTooltip().getText()).contains("setting search_path; 1 temporary table or object");
        assertThat(messages(robot))
                .filteredOn(line -> line.kind() == MessageLine.Kind.INFO)
                .extracting(MessageLine::text)
                .contains("This tab keeps its own session (setting search_path; 1 temporary table or object) for"
                        + " its next runs; no other tab gets its connection. DISCARD ALL or closing the tab gives"
                        + " it back.");
        waitForPool(robot, "pool: 1 active");

        typeScript(robot, "select place, (select v from script_temp) as v from marker;");
        runStatementWithKeys(robot, first);
        assertThat(firstRow(robot, 1)).containsExactly("script_place", "7");

        // A second editor on the same connection (Ctrl+T) gets a clean pooled connection.
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        FormRobot.waitFor(() -> model.editors().tabs().size() == 2);
        QueryTabModel second = model.editors().tabs().get(1);
        FormRobot.waitFor(() -> selectedEditor(robot) == second);
        typeScript(
                robot, "select current_setting('search_path') as path, to_regclass('script_temp') is null as no_temp;");
        runStatementWithKeys(robot, second);
        assertThat(firstRow(robot, 1)).containsExactly("\"$user\", public", "t");
        assertThat(transactionLabel(robot).getText()).isEqualTo("Idle");
        waitForPool(robot, "pool: 1 active");

        // Back in the first tab, DISCARD ALL leaves its session with nothing of its own.
        robot.clickOn(robot.lookup("#editor-" + first.id()).<Node>query());
        FormRobot.waitFor(() -> selectedEditor(robot) == first);
        typeScript(robot, "discard all;");
        runStatementWithKeys(robot, first);
        assertThat(status(robot)).isEqualTo("DISCARD ALL");
        assertThat(transactionLabel(robot).getText()).isEqualTo("Idle");
        assertThat(transactionLabel(robot).getTooltip().getText()).isEqualTo("No transaction is open.");
        waitForPool(robot, "pool: 0 active");

        typeScript(robot, "select current_setting('search_path') as path;");
        runStatementWithKeys(robot, first);
        assertThat(firstRow(robot, 1)).containsExactly("\"$user\", public");
    }

    @Test
    void closingATabThatKeepsItsSessionClosesItsConnection(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-script-close");
        typeScript(robot, "set search_path = script_place;\nselect pg_backend_pid() as pid;");
        runScriptWithKeys(robot, editor);
        int pid = Integer.parseInt((String) firstRow(robot, 2)[0]);
        assertThat(transactionLabel(robot).getText()).isEqualTo("Idle · own session");
        waitForPool(robot, "pool: 1 active");

        test.dialogs.choiceAnswers.add("Don't Save");
        robot.clickOn(robot.from(robot.lookup("#editor-" + editor.id()).<Node>query())
                .lookup(".tab-close-button")
                .<Node>query());
        FormRobot.waitFor(() -> model.editors().tabs().isEmpty());

        eventually(15, () -> !backendAlive(pid));
        assertThat(backendAlive(pid))
                .as("the closed tab's connection (backend %d) is still open on the server", pid)
                .isFalse();
        waitForPool(robot, "pool: 0 active");
    }

    // 4. standard_conforming_strings

    @Test
    void aScriptThatTurnsStandardConformingStringsOffIsReadAsTheServerReadsIt(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-script-strings");
        typeScript(robot, "set standard_conforming_strings = off;\nselect 'a\\'b;' as x;\nselect 2 as y;");
        runScriptWithKeys(robot, editor);

        assertThat(resultTabTitles(robot))
                .containsExactly("Messages", "Result 1 · SET", "Result 2 (1)", "Result 3 (1)");
        assertThat(firstRow(robot, 2)).containsExactly("a'b;");
        assertThat(firstRow(robot, 3)).containsExactly("2");
        assertThat(status(robot)).isEqualTo("3 statements run.");
        assertThat(transactionLabel(robot).getText()).isEqualTo("Idle · own session");
        assertThat(transactionLabel(robot).getTooltip().getText()).contains("standard_conforming_strings");

        // The tab's next run reads strings as its session does.
        typeScript(robot, "select 'c\\'d;' as z;\n");
        runStatementWithKeys(robot, editor);
        assertThat(firstRow(robot, 1)).containsExactly("c'd;");
    }

    // 5. $n that belong to the SQL itself

    @Test
    void dollarParametersOfPrepareAndFunctionBodiesAskForNoValues(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-script-dollar");
        typeScript(robot, "prepare script_p(int) as select $1 + 1;\nexecute script_p(41);");
        runScriptWithKeys(robot, editor);

        assertThat(resultTabTitles(robot)).containsExactly("Messages", "Result 1 · PREPARE", "Result 2 (1)");
        assertThat(firstRow(robot, 2)).containsExactly("42");
        assertThat(parameterPanelShown(robot)).isFalse();
        assertThat(transactionLabel(robot).getTooltip().getText()).contains("1 prepared statement");

        // RETURN bodies (PostgreSQL 14+) hold their $1 outside any string; on 13 the body is dollar-quoted.
        String function = SERVER.majorVersion() >= 14
                ? "create function script_inc(int) returns int language sql return $1 + 1;"
                : "create function script_inc(int) returns int language sql as $$ select $1 + 1 $$;";
        typeScript(robot, function + "\nselect script_inc(41) as v;");
        runScriptWithKeys(robot, editor);

        assertThat(resultTabTitles(robot)).containsExactly("Messages", "Result 1 · CREATE FUNCTION", "Result 2 (1)");
        assertThat(firstRow(robot, 2)).containsExactly("42");
        assertThat(parameterPanelShown(robot)).isFalse();
        assertThat(status(robot)).isEqualTo("2 statements run.");
    }

    // 6. Scripts refused before anything is sent

    @Test
    void aMetaCommandAfterASemicolonAnUnclosedStringAndANulAreRefusedBeforeAnythingRuns(FxRobot robot)
            throws Exception {
        connect(robot, "ui-script-refused");

        typeScript(robot, "create table script_mc(x int); \\copy script_mc from stdin");
        pressRunScript(robot);
        FormRobot.waitFor(() -> status(robot).startsWith("Line "));
        assertThat(status(robot)).startsWith("Line 1: \\copy is a psql meta-command, which only psql understands");
        assertThat(resultTabTitles(robot)).containsExactly("Messages");
        assertThat(messages(robot))
                .singleElement()
                .extracting(MessageLine::kind, MessageLine::text)
                .containsExactly(MessageLine.Kind.ERROR, status(robot));
        assertThat(tableExists("alice.script_mc")).isFalse();

        typeScript(robot, "create table script_mc(x int);\nselect 'never closed;");
        pressRunScript(robot);
        FormRobot.waitFor(() -> status(robot).startsWith("Line 2"));
        assertThat(status(robot)).startsWith("Line 2: the string that starts here ('never closed;) is never closed");
        assertThat(tableExists("alice.script_mc")).isFalse();

        // A NUL cannot be typed (the editor drops control characters); it comes in by pasting.
        pasteScript(robot, "create table script_mc(x int);\nselect 1\u0000;");
        pressRunScript(robot);
        FormRobot.waitFor(() -> status(robot).contains("NUL"));
        assertThat(status(robot)).startsWith("Line 2: the SQL holds a NUL character (byte 0)");
        assertThat(resultTabTitles(robot)).containsExactly("Messages");
        assertThat(tableExists("alice.script_mc")).isFalse();
    }

    // Steps

    private QueryTabModel connect(FxRobot robot, String applicationName) throws Exception {
        return EditorWindow.connect(robot, test, model, EditorWindow.aliceProfile(applicationName));
    }

    /** The editor of the main window's selected tab; null when another kind of tab is selected. */
    private static Object selectedEditor(FxRobot robot) {
        return robot.lookup("#tabs")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .getSelectedItem()
                .getUserData();
    }

    /** The content of the selected editor tab: every lookup of a tab's controls starts here. */
    private static Node editorContent(FxRobot robot) {
        Tab selected =
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
        assertThat(selected.getId()).startsWith("editor-");
        return selected.getContent();
    }

    private static <T extends Node> T inEditor(FxRobot robot, String query, Class<T> type) {
        return robot.from(editorContent(robot)).lookup(query).queryAs(type);
    }

    private static CodeArea area(FxRobot robot) {
        return inEditor(robot, "#sqlEditorArea", CodeArea.class);
    }

    /** Clicks into the editor, selects all its text (Ctrl+A) and types {@code text} over it, key by key. */
    private static void typeScript(FxRobot robot, String text) throws TimeoutException {
        CodeArea area = area(robot);
        robot.clickOn(area);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        type(area, text);
        FormRobot.waitFor(() -> area.getText().equals(text));
    }

    /**
     * Types {@code text} into the focused control key by key, with the events {@link FxRobot#write(String)}
     * sends (a typed character, and Enter pressed and released for a new line), queued in order; without
     * write's wait of some 50 ms after each character, which made a short script take seconds.
     */
    private static void type(Node focused, String text) {
        JavafxRobotAdapter keyboard = new JavafxRobotAdapter();
        keyboard.robotCreate(focused.getScene());
        for (char character : text.toCharArray()) {
            KeyCode key = character == '\n' ? KeyCode.ENTER : KeyCode.UNDEFINED;
            keyboard.keyPress(key);
            keyboard.keyType(KeyCode.UNDEFINED, String.valueOf(character));
            keyboard.keyRelease(key);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the Run Script button's arrow menu and clicks Continue on Error. */
    private static void checkContinueOnError(FxRobot robot) throws TimeoutException {
        robot.clickOn(robot.from(runScriptButton(robot)).lookup(".arrow-button").<Node>query());
        FormRobot.waitFor(() -> robot.lookup("#continueOnError").tryQuery().isPresent());
        robot.clickOn("#continueOnError");
    }

    private static SplitMenuButton runScriptButton(FxRobot robot) {
        return inEditor(robot, "#runScript", SplitMenuButton.class);
    }

    private static CheckMenuItem continueOnErrorItem(FxRobot robot) {
        return (CheckMenuItem) runScriptButton(robot).getItems().stream()
                .filter(item -> "continueOnError".equals(item.getId()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Puts {@code text} on the system clipboard, as copying it in another program would, then selects all the
     * editor's text and pastes over it (Ctrl+A, Ctrl+V).
     */
    private static void pasteScript(FxRobot robot, String text) throws TimeoutException {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        CodeArea area = area(robot);
        robot.clickOn(area);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        FormRobot.waitFor(() -> area.getText().equals(text));
    }

    private static boolean parameterPanelShown(FxRobot robot) {
        return robot.from(editorContent(robot))
                .lookup("#parameterPanel")
                .tryQuery()
                .map(Node::isVisible)
                .orElse(false);
    }

    private static String mainStatus(FxRobot robot) {
        return robot.lookup("#statusMessage").queryAs(Label.class).getText();
    }

    /**
     * Every item of the toolbar is laid out in it (none in the overflow menu) and every button shows its whole
     * text (no ellipsis).
     */
    private static void assertWholeToolbarShows(FxRobot robot, ToolBar bar) {
        for (Node item : bar.getItems()) {
            assertThat(item.getParent())
                    .as("the parent of toolbar item %s (none: it is in the overflow menu)", item.getId())
                    .isNotNull();
            if (item instanceof Labeled labeled) {
                assertThat(robot.from(item)
                                .lookup((Predicate<Node>) node -> node instanceof Text)
                                .<Text>queryAll())
                        .extracting(Text::getText)
                        .as("the text shown by %s", item.getId())
                        .contains(labeled.getText());
            }
        }
        assertThat(robot.from(bar)
                        .lookup(".tool-bar-overflow-button")
                        .<Node>query()
                        .isVisible())
                .as("the toolbar's overflow button (>>)")
                .isFalse();
    }

    /** Writes a picture of {@code node} to target/screenshots, for a person to look at. */
    private static void screenshot(FxRobot robot, Node node, String name) throws IOException {
        Image image = robot.capture(node).getImage();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        Path directory = Path.of("target", "screenshots");
        Files.createDirectories(directory);
        ImageIO.write(png, "png", directory.resolve(name + ".png").toFile());
    }

    /** Presses Ctrl+Shift+Enter: Run Script. */
    private static void pressRunScript(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER)
                .release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    /** Presses Ctrl+Shift+Enter (Run Script) and waits for the run to finish. */
    private static void runScriptWithKeys(FxRobot robot, QueryTabModel editor) throws TimeoutException {
        ScriptRun before = editor.lastRunProperty().get();
        pressRunScript(robot);
        waitForRun(editor, before);
    }

    /** Presses Ctrl+Enter (run the statement under the caret) and waits for the run to finish. */
    private static void runStatementWithKeys(FxRobot robot, QueryTabModel editor) throws TimeoutException {
        ScriptRun before = editor.lastRunProperty().get();
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitForRun(editor, before);
    }

    /** Waits until the run started after {@code before} has finished and the view shows its outcome. */
    private static void waitForRun(QueryTabModel editor, ScriptRun before) throws TimeoutException {
        FormRobot.waitFor(() -> editor.lastRunProperty().get() != before
                && !editor.runningProperty().get());
    }

    private static List<String> resultTabTitles(FxRobot robot) {
        return inEditor(robot, "#resultTabs", TabPane.class).getTabs().stream()
                .map(Tab::getText)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<MessageLine> messages(FxRobot robot) {
        return List.copyOf(inEditor(robot, "#messages", ListView.class).getItems());
    }

    private static List<String> messageTexts(FxRobot robot) {
        return messages(robot).stream().map(MessageLine::text).toList();
    }

    private static String status(FxRobot robot) {
        return inEditor(robot, "#queryStatus", Label.class).getText();
    }

    private static Label transactionLabel(FxRobot robot) {
        return inEditor(robot, "#transactionState", Label.class);
    }

    /** The first row of a result tab's grid, once it has loaded. */
    private static Object[] firstRow(FxRobot robot, int result) throws TimeoutException {
        FormRobot.waitFor(() -> robot.from(editorContent(robot))
                .lookup("#resultTable-" + result)
                .tryQueryAs(TableView.class)
                .map(table -> !table.getItems().isEmpty())
                .orElse(false));
        return (Object[]) inEditor(robot, "#resultTable-" + result, TableView.class)
                .getItems()
                .get(0);
    }

    /** Waits until the status bar's pool figures (refreshed every two seconds) start with {@code figures}. */
    private static void waitForPool(FxRobot robot, String figures) throws TimeoutException {
        waitUpTo(
                15,
                () -> robot.lookup("#poolStatus").queryAs(Label.class).getText().startsWith(figures));
    }

    /** Waits up to {@code seconds} for {@code condition}; the caller asserts on what it waited for. */
    private static void eventually(int seconds, Callable<Boolean> condition) {
        try {
            waitUpTo(seconds, condition);
        } catch (TimeoutException e) {
            // the assertion that follows says what did not happen
        }
    }

    private static void waitUpTo(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // The server, seen from outside the sessions under test

    private static void asAlice(String... statements) throws SQLException {
        try (Connection connection = SERVER.connect("alice");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static int scriptRows() throws SQLException {
        return superuserInt("SELECT count(*) FROM alice.script_rows");
    }

    private static boolean tableExists(String name) throws SQLException {
        return superuserInt("SELECT count(*) FROM pg_class WHERE oid = to_regclass('" + name + "')") == 1;
    }

    private static boolean backendAlive(int pid) throws SQLException {
        return superuserInt("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) == 1;
    }

    private static void terminate(int pid) throws SQLException {
        try (Connection connection = SERVER.connect(TestServer.SUPERUSER);
                PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            statement.execute();
        }
    }

    private static int superuserInt(String sql) throws SQLException {
        try (Connection connection = SERVER.connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
