package dev.pgdesk.ui.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.explain.ExplainOutcome;
import dev.pgdesk.explain.MarkKind;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.EditorWindow;
import dev.pgdesk.ui.FormRobot;
import dev.pgdesk.ui.MainWindowModel;
import dev.pgdesk.ui.TestServices;
import dev.pgdesk.ui.query.MessageLine;
import dev.pgdesk.ui.query.QueryTabModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Explain and Explain Analyze from the editor tab, against the real test server. */
@Tag("server")
@ExtendWith(ApplicationExtension.class)
class ExplainWindowTest {
    private static final TestServer SERVER = TestServer.shared();
    private static final int ROWS = 20_000;
    private TestServices test;
    private MainWindowModel model;

    @BeforeAll
    static void createTable() throws SQLException {
        try (Connection connection = SERVER.connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS alice AUTHORIZATION alice");
        }
        asAlice("DROP TABLE IF EXISTS alice.explain_items");
        asAlice("CREATE TABLE alice.explain_items (id int PRIMARY KEY, val int NOT NULL, note text)");
        asAlice("INSERT INTO alice.explain_items SELECT g, g % 1000, 'item ' || g FROM generate_series(1, " + ROWS
                + ") g");
        asAlice("ANALYZE alice.explain_items");
    }

    @AfterAll
    static void dropTable() throws SQLException {
        asAlice("DROP TABLE IF EXISTS alice.explain_items");
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
    void explainAsksForTheParameterThenShowsAnIndexScanAtTheRoot(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-explain-param");
        type(robot, "SELECT * FROM explain_items WHERE id = $1");

        robot.clickOn("#explain");
        FormRobot.waitFor(() -> !editor.parameters().isEmpty());
        assertThat(editor.statusProperty().get()).contains("to explain");
        FormRobot.set(robot, "#param-value-1", "4242");
        robot.clickOn("#runWithParameters");
        TreeTableView<PlanRow> tree = waitForPlan(robot, editor);

        PlanRow root = tree.getRoot().getValue();
        assertThat(root.node().nodeType()).isEqualTo("Index Scan");
        assertThat(root.node().conditions().indexCond()).contains("4242");
        assertThat(tabTitles(robot)).containsExactly("Messages", "Plan");
        assertThat(selectedTab(robot)).isEqualTo("Plan");
        assertThat(tree.getSelectionModel().getSelectedItem().getValue()).isSameAs(root);
        assertThat(FormRobot.label(robot, "#planSummary").getText())
                .contains("Estimates only: the statement did not run");
        assertThat(editor.results()).isEmpty();
    }

    @Test
    void explainAnalyzeShowsActualRowsAndTheSeqScanHintWithoutHovering(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-explain-analyze");
        type(robot, "SELECT * FROM explain_items WHERE val = 7");

        robot.clickOn("#sqlEditorArea").press(KeyCode.SHIFT, KeyCode.F7).release(KeyCode.F7, KeyCode.SHIFT);
        TreeTableView<PlanRow> tree = waitForPlan(robot, editor);

        PlanRow scan = tree.getRoot().getValue().descendantsAndSelf().stream()
                .filter(row -> row.node().isSequentialScan())
                .findFirst()
                .orElseThrow();
        int kept = ROWS / 1000;
        assertThat(scan.node().actuals().allLoopsRows()).isEqualTo(kept);
        assertThat(scan.rowsText()).contains("→ " + kept);
        assertThat(scan.analysis().has(MarkKind.LARGE_SEQ_SCAN)).isTrue();
        assertThat(tabTitles(robot)).containsExactly("Messages", "Plan (analyze)");
        // The hint is in the marks column's text and in the details pane of the selected scan.
        assertThat(markCellTexts(robot)).anyMatch(text -> text.contains("an index on (val) may help"));
        assertThat(tree.getSelectionModel().getSelectedItem().getValue()).isSameAs(scan);
        assertThat(robot.lookup("#planDetails .detail-value").queryAllAs(Label.class))
                .extracting(Label::getText)
                .anyMatch(text -> text.contains("an index on (val) may help"))
                .anyMatch(text -> text.contains("(val = 7)"));
        assertThat(FormRobot.label(robot, "#planSummary").getText()).contains("Execution ");
        assertThat(robot.lookup("#planRollback").tryQuery()).isEmpty();
    }

    @Test
    void explainAnalyzeOfAnUpdateSaysItWasRolledBackAndChangesNothing(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-explain-update");
        type(robot, "UPDATE explain_items SET note = 'changed' WHERE id <= 100");

        robot.clickOn("#explainAnalyze");
        TreeTableView<PlanRow> tree = waitForPlan(robot, editor);

        String rolledBack = ExplainOutcome.rollbackMessage("UPDATE");
        assertThat(tree.getRoot().getValue().title()).startsWith("Update on explain_items");
        assertThat(FormRobot.label(robot, "#planRollback").getText()).contains(rolledBack);
        assertThat(editor.messages()).extracting(MessageLine::text).contains(rolledBack);
        assertThat(editor.statusProperty().get()).contains(rolledBack);
        assertThat(changedNotes()).isZero();
    }

    @Test
    void anErrorIsShownLikeARunsErrorAndNoPlanTabAppears(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-explain-error");
        String statement = "SELECT no_such_column FROM explain_items";
        type(robot, statement);

        robot.clickOn("#explain");
        FormRobot.waitFor(
                () -> !editor.runningProperty().get() && editor.results().size() == 1);

        assertThat(editor.results().get(0).result()).isInstanceOf(ServerError.class);
        assertThat(tabTitles(robot)).containsExactly("Messages", "Result 1 · Error");
        assertThat(robot.lookup("#planView").tryQuery()).isEmpty();
        assertThat(editor.errorMarkProperty().get().offset()).isEqualTo(statement.indexOf("no_such_column"));
        assertThat(editor.statusProperty().get()).startsWith("EXPLAIN failed: ERROR 42703");
    }

    @Test
    void escapeCancelsAnExplainAnalyzeOnTheServer(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-explain-cancel");
        type(robot, "SELECT pg_sleep(60)");

        robot.clickOn("#explainAnalyze");
        FormRobot.waitFor(() -> activeSleeps("ui-explain-cancel") == 1);
        robot.clickOn("#sqlEditorArea").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        FormRobot.waitFor(() -> !editor.runningProperty().get());

        assertThat(activeSleeps("ui-explain-cancel")).isZero();
        assertThat(editor.statusProperty().get()).startsWith("Cancelled");
        assertThat(robot.lookup("#planView").tryQuery()).isEmpty();
    }

    @Test
    void explainingASelectionOfTwoStatementsSaysToPickOne(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-explain-two");
        type(robot, "SELECT 1;\nSELECT 2;");
        robot.interact(() -> area(robot).selectAll());

        robot.clickOn("#explain");

        assertThat(editor.statusProperty().get())
                .isEqualTo("EXPLAIN shows the plan of one statement, but the selection holds 2: select just the one"
                        + " to explain, or put the cursor in it.");
        assertThat(editor.runningProperty().get()).isFalse();
        assertThat(tabTitles(robot)).containsExactly("Messages");
    }

    private TreeTableView<PlanRow> waitForPlan(FxRobot robot, QueryTabModel editor) throws Exception {
        FormRobot.waitFor(() -> !editor.runningProperty().get()
                && robot.lookup("#planTree").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TreeTableView<PlanRow> tree = robot.lookup("#planTree").queryAs(TreeTableView.class);
        return tree;
    }

    private static List<String> markCellTexts(FxRobot robot) {
        return robot.lookup(".plan-mark-text").queryAll().stream()
                .filter(node -> node instanceof Text && node.isVisible() && node.getParent() != null)
                .map(node -> ((Text) node).getText())
                .toList();
    }

    private QueryTabModel connect(FxRobot robot, String applicationName) throws Exception {
        return EditorWindow.connect(robot, test, model, EditorWindow.aliceProfile(applicationName));
    }

    private void type(FxRobot robot, String text) {
        robot.interact(() -> area(robot).replaceText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static CodeArea area(FxRobot robot) {
        return robot.lookup("#sqlEditorArea").queryAs(CodeArea.class);
    }

    private static TabPane resultTabs(FxRobot robot) {
        return robot.lookup("#resultTabs").queryAs(TabPane.class);
    }

    private static List<String> tabTitles(FxRobot robot) {
        return resultTabs(robot).getTabs().stream().map(Tab::getText).toList();
    }

    private static String selectedTab(FxRobot robot) {
        return resultTabs(robot).getSelectionModel().getSelectedItem().getText();
    }

    private static int changedNotes() throws SQLException {
        try (Connection connection = SERVER.connect("alice");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM alice.explain_items WHERE note IS DISTINCT FROM 'item ' || id")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int activeSleeps(String applicationName) throws SQLException {
        try (Connection connection = SERVER.connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE state = 'active' AND query LIKE '%pg_sleep(60)%' AND application_name = '"
                        + applicationName + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void asAlice(String sql) throws SQLException {
        try (Connection connection = SERVER.connect("alice");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
