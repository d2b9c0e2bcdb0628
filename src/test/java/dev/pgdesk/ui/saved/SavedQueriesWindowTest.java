package dev.pgdesk.ui.saved;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.EditorWindow;
import dev.pgdesk.ui.FormRobot;
import dev.pgdesk.ui.MainWindowModel;
import dev.pgdesk.ui.TestServices;
import dev.pgdesk.ui.query.QueryTabModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
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

/** Saving, listing, running, editing and deleting saved queries in the main window, against the test server. */
@Tag("server")
@ExtendWith(ApplicationExtension.class)
class SavedQueriesWindowTest {
    private static final String SQL = "SELECT name FROM saved_sales WHERE day = :day ORDER BY name";

    private TestServices test;
    private MainWindowModel model;

    @BeforeAll
    static void createTable() throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS alice AUTHORIZATION alice");
        }
        try (Connection connection = TestServer.shared().connect("alice");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS alice.saved_sales");
            statement.execute("CREATE TABLE alice.saved_sales (day date, name text)");
            statement.execute("INSERT INTO alice.saved_sales VALUES ('2026-11-21', 'Ada'), ('2026-11-21', 'Bob'),"
                    + " ('2026-11-22', 'Cy')");
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
    void aQuerySavedFromTheEditorIsListedRunsEditsAndDeletes(FxRobot robot) throws Exception {
        QueryTabModel editor = connect(robot, "ui-saved");
        type(robot, SQL);
        robot.interact(editor::runScript);
        FormRobot.waitFor(() -> robot.lookup("#param-value-day").tryQuery().isPresent());
        FormRobot.set(robot, "#param-value-day", "2026-11-21");
        robot.clickOn("#runWithParameters");
        FormRobot.waitFor(() -> editor.results().size() == 1);

        menu(robot, "menuSaveQuery");
        FormRobot.waitFor(() -> robot.lookup("#savedQueryName").tryQuery().isPresent());
        assertThat(robot.lookup("#savedQueryScopeConnection")
                        .queryAs(Labeled.class)
                        .getText())
                .isEqualTo("This connection (Alice)");
        FormRobot.set(robot, "#savedQueryName", "daily_report");
        FormRobot.set(robot, "#savedQueryDescription", "Who sold on a day");
        robot.clickOn("#saveSavedQuery");
        FormRobot.waitFor(() -> Files.exists(savedFile()));

        JsonNode query =
                new ObjectMapper().readTree(savedFile().toFile()).get("queries").get(0);
        assertThat(query.get("name").asText()).isEqualTo("daily_report");
        assertThat(query.get("scope").asText()).isEqualTo("profile");
        assertThat(query.get("sql").asText()).isEqualTo(SQL);
        assertThat(query.get("parameters").get(0).get("name").asText()).isEqualTo("day");
        assertThat(query.get("parameters").get(0).get("default").asText()).isEqualTo("2026-11-21");
        FormRobot.waitFor(() -> robot.lookup("#savedQueryName").tryQuery().isEmpty());
        assertThat(editor.savedQueryProperty().get().name()).isEqualTo("daily_report");

        menu(robot, "menuSavedQueries");
        FormRobot.waitFor(() -> table(robot).getItems().size() == 1);
        assertThat(cellTexts(robot)).contains("daily_report", "Alice", "Who sold on a day", "day = 2026-11-21");

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.clickOn("#savedCopyCommand");
        assertThat(WaitForAsyncUtils.asyncFx(
                                () -> Clipboard.getSystemClipboard().getString())
                        .get())
                .isEqualTo("pgdesk run daily_report --profile Alice --param day=2026-11-21");

        robot.clickOn("#savedRun");
        FormRobot.waitFor(() -> model.editors().tabs().size() == 2
                && model.editors().tabs().get(1).results().size() == 1);
        QueryTabModel ran = model.editors().tabs().get(1);
        assertThat(ran.titleProperty().get()).isEqualTo("daily_report");
        assertThat(ran.textProperty().get()).isEqualTo(SQL);
        Node ranContent = editorTab(robot, ran).getContent();
        FormRobot.waitFor(() -> ranContent.lookup("#resultTable-1") instanceof TableView<?> grid
                && !grid.getItems().isEmpty());
        TableView<?> grid = (TableView<?>) ranContent.lookup("#resultTable-1");
        assertThat(grid.getItems()).extracting(row -> ((Object[]) row)[0]).containsExactly("Ada", "Bob");

        robot.interact(() -> selectTab(robot, "savedQueriesTab"));
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#savedEdit");
        FormRobot.waitFor(() -> robot.lookup("#savedQueryName").tryQuery().isPresent());
        assertThat(robot.lookup("#saveSavedQuery").queryButton().getText()).isEqualTo("Replace");
        FormRobot.set(robot, "#savedQueryName", "sales_of_day");
        assertThat(robot.lookup("#saveSavedQuery").queryButton().getText()).isEqualTo("Save");
        robot.clickOn("#saveSavedQuery");
        FormRobot.waitFor(() -> table(robot).getItems().size() == 1
                && table(robot).getItems().get(0).name().equals("sales_of_day"));
        assertThat(store().load().queries()).extracting(SavedQuery::name).containsExactly("sales_of_day");

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        test.dialogs.confirmAnswer = true;
        robot.clickOn("#savedDelete");
        FormRobot.waitFor(() -> table(robot).getItems().isEmpty());
        assertThat(store().load().queries()).isEmpty();
    }

    @Test
    void aNameThatIsNotAllowedShowsWhyAndSavingOverAnExistingNameAsks(FxRobot robot) throws Exception {
        connect(robot, "ui-saved-name");
        store().put(SavedQuery.create("daily_report", "the old one", "SELECT 1", List.of(), alice.id()));
        type(robot, "SELECT 2");

        menu(robot, "menuSaveQuery");
        FormRobot.waitFor(() -> robot.lookup("#savedQueryName").tryQuery().isPresent());
        // Before anything is typed the rule is a hint, not an error.
        assertThat(FormRobot.label(robot, "#savedQueryNameProblem").getStyleClass())
                .contains("hint")
                .doesNotContain("field-error");
        FormRobot.set(robot, "#savedQueryName", "daily report");
        assertThat(FormRobot.label(robot, "#savedQueryNameProblem").getText())
                .startsWith("The name 'daily report' is not allowed for a saved query");
        assertThat(FormRobot.label(robot, "#savedQueryNameProblem").getStyleClass())
                .contains("field-error")
                .doesNotContain("hint");
        assertThat(robot.lookup("#saveSavedQuery").queryButton().isDisabled()).isTrue();

        FormRobot.set(robot, "#savedQueryName", "daily_report");
        Button save = robot.lookup("#saveSavedQuery").queryButton();
        assertThat(save.isDisabled()).isFalse();
        test.dialogs.confirmAnswer = false;
        robot.clickOn(save);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        FormRobot.waitFor(() -> !save.isDisabled());
        assertThat(store().load().queries())
                .singleElement()
                .satisfies(q -> assertThat(q.sql()).isEqualTo("SELECT 1"));
        assertThat(robot.lookup("#savedQueryName").tryQuery()).isPresent();

        test.dialogs.confirmAnswer = true;
        robot.clickOn(save);
        FormRobot.waitFor(() -> robot.lookup("#savedQueryName").tryQuery().isEmpty());
        assertThat(store().load().queries())
                .singleElement()
                .satisfies(q -> assertThat(q.sql()).isEqualTo("SELECT 2"));
    }

    @Test
    void defaultsAndTypesTypedKeyByKeyInTheParameterTableAreKeptInOrder(FxRobot robot) throws Exception {
        connect(robot, "ui-saved-typing");
        type(robot, SQL);
        menu(robot, "menuSaveQuery");
        FormRobot.waitFor(() -> robot.lookup("#savedQueryName").tryQuery().isPresent());
        FormRobot.set(robot, "#savedQueryName", "typed_defaults");

        List<javafx.scene.control.TextField> fields = robot
                .lookup("#savedQueryParameters .saved-parameter-field")
                .queryAllAs(javafx.scene.control.TextField.class)
                .stream()
                .toList();
        assertThat(fields).hasSize(2);
        robot.clickOn(fields.get(0)).write("2026-11-21");
        robot.clickOn(fields.get(1)).write("date");
        robot.clickOn("#saveSavedQuery");
        FormRobot.waitFor(() -> robot.lookup("#savedQueryName").tryQuery().isEmpty());

        assertThat(store().load().queries())
                .singleElement()
                .satisfies(q -> assertThat(q.parameters())
                        .containsExactly(new dev.pgdesk.saved.SavedParameter("day", "2026-11-21", "date")));
    }

    @Test
    void aGlobalQueryOpensOnTheConnectedProfileWithItsDefaultsInTheParameterPanel(FxRobot robot) throws Exception {
        connect(robot, "ui-saved-open");
        store().put(SavedQuery.create(
                "sales_of", "", SQL, List.of(dev.pgdesk.saved.SavedParameter.withDefault("day", "2026-11-22")), null));

        menu(robot, "menuSavedQueries");
        FormRobot.waitFor(() -> table(robot).getItems().size() == 1);
        assertThat(cellTexts(robot)).contains("All connections", "day = 2026-11-22");
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#savedOpen");
        FormRobot.waitFor(() -> model.editors().tabs().size() == 2
                && !model.editors().tabs().get(1).parameters().isEmpty());

        QueryTabModel opened = model.editors().tabs().get(1);
        assertThat(opened.profileId()).isEqualTo(alice.id());
        assertThat(opened.results()).isEmpty();
        assertThat(opened.parameters())
                .singleElement()
                .satisfies(row -> assertThat(row.valueProperty().get()).isEqualTo("2026-11-22"));

        robot.interact(opened::runWithParameters);
        FormRobot.waitFor(() -> opened.results().size() == 1);
        assertThat(opened.statusProperty().get()).isEqualTo("1 row");
    }

    @Test
    void theEditorsContextMenuSavesOnlyTheSelection(FxRobot robot) throws Exception {
        connect(robot, "ui-saved-selection");
        type(robot, "SELECT 1;\nSELECT $1::int + 1 AS next;");
        CodeArea area = robot.lookup("#sqlEditorArea").queryAs(CodeArea.class);
        int start = area.getText().indexOf("SELECT $1");
        robot.interact(() -> area.selectRange(start, area.getText().length()));

        MenuItem item = area.getContextMenu().getItems().stream()
                .filter(each -> "contextSaveQuery".equals(each.getId()))
                .findFirst()
                .orElseThrow();
        robot.interact(item::fire);
        FormRobot.waitFor(() -> robot.lookup("#savedQuerySql").tryQuery().isPresent());

        assertThat(robot.lookup("#savedQuerySql")
                        .queryAs(javafx.scene.control.TextArea.class)
                        .getText())
                .isEqualTo("SELECT $1::int + 1 AS next;");
        FormRobot.set(robot, "#savedQueryName", "next_number");
        robot.clickOn("#savedQueryScopeGlobal");
        robot.clickOn("#saveSavedQuery");
        FormRobot.waitFor(() -> robot.lookup("#savedQuerySql").tryQuery().isEmpty());

        SavedQuery saved = store().load().queries().get(0);
        assertThat(saved.isGlobal()).isTrue();
        assertThat(saved.parameters()).containsExactly(dev.pgdesk.saved.SavedParameter.required("$1"));
    }

    @Test
    void aGlobalQueryWithNoConnectionOpenAsksWhichConnectionAndOpensThere(FxRobot robot) throws Exception {
        ConnectionProfile first = TestServer.shared()
                .profile("alice")
                .id("first-id")
                .name("First")
                .build();
        ConnectionProfile second = TestServer.shared()
                .profile("alice")
                .id("second-id")
                .name("Second")
                .build();
        test.store().save(List.of(first, second));
        robot.interact(model::start);
        FormRobot.waitFor(() ->
                WaitForAsyncUtils.asyncFx(() -> model.profiles().size() == 2).get());
        SavedQuery query = SavedQuery.create("anywhere", "", "SELECT 1", List.of(), null);
        test.dialogs.choiceAnswer = java.util.Optional.of("Second");

        robot.interact(() -> model.openSavedQuery(query, false));

        assertThat(test.dialogs.choices)
                .singleElement()
                .satisfies(shown -> assertThat(shown.title()).isEqualTo("Which connection?"));
        assertThat(model.editors().tabs()).singleElement().satisfies(tab -> {
            assertThat(tab.profileId()).isEqualTo("second-id");
            assertThat(tab.textProperty().get()).isEqualTo("SELECT 1");
            assertThat(tab.savedQueryProperty().get()).isEqualTo(query);
        });
    }

    @Test
    void aQueryOfTheSampleDatabaseCopiesTheCommandThatNamesIt(FxRobot robot) throws Exception {
        store().put(SavedQuery.create(
                "big_orders",
                "",
                "SELECT * FROM orders WHERE total > :min_total",
                List.of(dev.pgdesk.saved.SavedParameter.withDefault("min_total", "100")),
                dev.pgdesk.localdb.SampleDatabase.PROFILE_ID));
        menu(robot, "menuSavedQueries");
        FormRobot.waitFor(() -> table(robot).getItems().size() == 1);

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.clickOn("#savedCopyCommand");

        assertThat(WaitForAsyncUtils.asyncFx(
                                () -> Clipboard.getSystemClipboard().getString())
                        .get())
                .isEqualTo("pgdesk run big_orders --profile 'Sample database' --param min_total=100");
    }

    @Test
    void aCorruptFileIsExplainedInTheTab(FxRobot robot) throws Exception {
        Files.createDirectories(savedFile().getParent());
        Files.writeString(savedFile(), "{ not json");

        menu(robot, "menuSavedQueries");
        FormRobot.waitFor(
                () -> !FormRobot.label(robot, "#savedProblem").getText().isEmpty());

        Label problem = FormRobot.label(robot, "#savedProblem");
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText())
                .contains("not valid JSON")
                .contains("corrupt")
                .doesNotContain("Exception");
    }

    // Steps

    private ConnectionProfile alice;

    private QueryTabModel connect(FxRobot robot, String applicationName) throws Exception {
        alice = EditorWindow.aliceProfile(applicationName);
        return EditorWindow.connect(robot, test, model, alice);
    }

    private Path savedFile() {
        return test.profilesFile().resolveSibling("saved-queries.json");
    }

    private SavedQueryStore store() {
        return new SavedQueryStore(savedFile());
    }

    private static void menu(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream()
                .flatMap(menu -> menu.getItems().stream())
                .filter(each -> id.equals(each.getId()))
                .findFirst()
                .orElseThrow();
        robot.interact(item::fire);
    }

    private void type(FxRobot robot, String text) {
        robot.interact(
                () -> robot.lookup("#sqlEditorArea").queryAs(CodeArea.class).replaceText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<SavedQuery> table(FxRobot robot) {
        return robot.lookup("#savedTable").queryAs(TableView.class);
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup("#savedTable .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)
                .toList();
    }

    private static Tab editorTab(FxRobot robot, QueryTabModel editor) {
        return robot.lookup("#tabs").queryAs(TabPane.class).getTabs().stream()
                .filter(tab -> tab.getUserData() == editor)
                .findFirst()
                .orElseThrow();
    }

    private static void selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        tabs.getTabs().stream()
                .filter(tab -> id.equals(tab.getId()))
                .findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }
}
