package dev.pgdesk.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.AppServices;
import dev.pgdesk.ui.FormRobot;
import dev.pgdesk.ui.MainWindow;
import dev.pgdesk.ui.MainWindowModel;
import dev.pgdesk.ui.TestServices;
import dev.pgdesk.ui.query.ParameterRow;
import dev.pgdesk.ui.query.QueryTabModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Monitor tab in the main window, against the real test server. */
@Tag("server")
@ExtendWith(ApplicationExtension.class)
class MonitorWindowTest {
    private static final TestServer SERVER = TestServer.shared();

    private TestServices test;
    private ConfirmRecorder dialogs;
    private MainWindowModel model;
    private final List<Connection> sessions = new ArrayList<>();

    @Start
    void start(Stage stage) {
        test = new TestServices();
        dialogs = new ConfirmRecorder(test.dialogs);
        AppServices base = test.services(progress -> {
            throw new IllegalStateException("The sample database is not used in this test");
        });
        model = new MainWindowModel(new AppServices(
                base.profileStore(),
                base.passwordServiceFactory(),
                base.pools(),
                base.tasks(),
                base.tester(),
                base.sampleStarter(),
                dialogs,
                base.environment(),
                base.workspace(),
                base.history(),
                base.parameterMemory(),
                base.savedQueries()));
        new MainWindow(model).show(stage);
    }

    @AfterEach
    void closeEverything() {
        model.shutdown();
        for (Connection connection : sessions) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already gone: terminated by the test
            }
        }
    }

    @Test
    void cancelAndTerminateAskFirstNamingPidUserAndQuery(FxRobot robot) throws Exception {
        CompletableFuture<SQLException> first = sleep("mon-sleeper-cancel");
        openMonitor(robot, TestServer.SUPERUSER, TestServer.DATABASE);
        ActivityRow sleeper = waitForRow(robot, "mon-sleeper-cancel", "active");
        select(robot, sleeper);

        test.dialogs.confirmAnswer = false;
        robot.clickOn("#cancelBackend");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.confirmations).hasSize(1);
        String question = dialogs.confirmations.get(0).message();
        assertThat(question).contains("pid " + sleeper.pid()).contains("alice").contains("SELECT pg_sleep(60)");
        Thread.sleep(1500);
        assertThat(first).isNotDone();
        assertThat(isActive(sleeper.pid())).isTrue();

        test.dialogs.confirmAnswer = true;
        robot.clickOn("#cancelBackend");
        SQLException cancelled = first.get(30, TimeUnit.SECONDS);
        assertThat((Object) cancelled).isNotNull();
        assertThat(cancelled.getSQLState()).isEqualTo("57014");
        assertThat(dialogs.confirmations).hasSize(2);

        CompletableFuture<SQLException> second = sleep("mon-sleeper-terminate");
        ActivityRow other = waitForRow(robot, "mon-sleeper-terminate", "active");
        select(robot, other);
        test.dialogs.confirmAnswer = false;
        robot.clickOn("#terminateBackend");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.confirmations.get(2).message())
                .contains("pid " + other.pid())
                .contains("alice")
                .contains("SELECT pg_sleep(60)");
        Thread.sleep(1500);
        assertThat(second).isNotDone();

        test.dialogs.confirmAnswer = true;
        robot.clickOn("#terminateBackend");
        assertThat((Object) second.get(30, TimeUnit.SECONDS)).isNotNull();
        FormRobot.waitFor(() -> !exists(other.pid()));
        assertThat(test.dialogs.errors).isEmpty();
    }

    @Test
    void autoRefreshShowsNewSessionsAndKeepsTheSelectedPid(FxRobot robot) throws Exception {
        openSession("mon-auto-first");
        openMonitor(robot, TestServer.SUPERUSER, TestServer.DATABASE);
        @SuppressWarnings("unchecked")
        ChoiceBox<RefreshInterval> interval = robot.lookup("#monitorInterval").queryAs(ChoiceBox.class);
        robot.interact(() -> interval.setValue(RefreshInterval.ONE_SECOND));
        ActivityRow first = waitForRow(robot, "mon-auto-first", null);
        select(robot, first);

        openSession("mon-auto-second");
        FormRobot.waitFor(() -> rowOf(robot, "mon-auto-second", null).isPresent());

        TableView<ActivityRow> table = activityTable(robot);
        ActivityRow selected = WaitForAsyncUtils.asyncFx(
                        () -> table.getSelectionModel().getSelectedItem())
                .get();
        assertThat(selected).isNotNull();
        assertThat(selected.pid()).isEqualTo(first.pid());
        assertThat(label(robot, "#monitorStatus").getText()).startsWith("Updated");
    }

    @Test
    void slowQueriesOpenAStatementInAnEditorWithItsParameters(FxRobot robot) throws Exception {
        try (Connection connection = SERVER.connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < 300; i++) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) AS monitor_slow_probe FROM pg_class WHERE relpages > " + (i % 7))) {
                    rows.next();
                }
            }
        }
        openMonitor(robot, TestServer.SUPERUSER, TestServer.DATABASE);
        MonitorModel monitor = monitorModel(robot);
        robot.interact(() -> {
            monitor.slowQueries().orderProperty().set(dev.pgdesk.monitor.SlowQueryOrder.CALLS);
            monitor.slowQueries().limitProperty().set(SlowQueriesModel.MAX_LIMIT);
        });
        selectSection(robot, "monitorSlowQueriesTab");
        FormRobot.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> monitor.slowQueries().statements().stream()
                        .anyMatch(each -> each.query().contains("monitor_slow_probe")))
                .get());
        @SuppressWarnings("unchecked")
        TableView<dev.pgdesk.monitor.StatementStats> table =
                robot.lookup("#slowQueriesTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel()
                .select(table.getItems().stream()
                        .filter(each -> each.query().contains("monitor_slow_probe"))
                        .findFirst()
                        .orElseThrow()));
        String normalised = table.getSelectionModel().getSelectedItem().query();
        assertThat(normalised).contains("$1");

        robot.clickOn("#openSlowQuery");
        FormRobot.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> model.editors().tabs().stream()
                        .anyMatch(tab -> tab.textProperty().get().equals(normalised)
                                && tab.parametersShownProperty().get()))
                .get());
        QueryTabModel editor = WaitForAsyncUtils.asyncFx(() -> model.editors().tabs().stream()
                        .filter(tab -> tab.textProperty().get().equals(normalised))
                        .findFirst()
                        .orElseThrow())
                .get();
        assertThat(editor.parameters()).extracting(ParameterRow::label).containsExactly("$1");
        assertThat(editor.results()).isEmpty();
    }

    @Test
    void slowQueriesExplainInWordsWhenTheExtensionIsMissing(FxRobot robot) throws Exception {
        openMonitor(robot, TestServer.SUPERUSER, "postgres");
        MonitorModel monitor = monitorModel(robot);
        selectSection(robot, "monitorSlowQueriesTab");
        FormRobot.waitFor(() -> WaitForAsyncUtils.asyncFx(
                        () -> monitor.slowQueries().resultProperty().get() != null)
                .get());

        Node unavailable = robot.lookup("#slowQueriesUnavailable").query();
        assertThat(unavailable.isVisible()).isTrue();
        assertThat(robot.lookup("#slowQueriesBody").query().isVisible()).isFalse();
        assertThat(label(robot, "#slowQueriesReason").getText())
                .contains("pg_stat_statements")
                .contains("postgres");
        assertThat(robot.lookup("#resetStatements").query().isDisabled()).isTrue();
        assertThat(test.dialogs.errors).isEmpty();
        assertThat(label(robot, "#monitorStatus").getText()).doesNotContain("failed");
    }

    @Test
    void aRoleWithoutPgMonitorSeesWhyOtherQueriesAreHidden(FxRobot robot) throws Exception {
        openMonitor(robot, "alice", TestServer.DATABASE);
        FormRobot.waitFor(() -> WaitForAsyncUtils.asyncFx(
                        () -> !label(robot, "#privilegeNote").getText().isEmpty())
                .get());
        Label note = label(robot, "#privilegeNote");
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("<insufficient privilege>").contains("pg_monitor");
    }

    @Test
    void theActivityTableExportsAsCsvThroughTheGridsExporter(FxRobot robot) throws Exception {
        openSession("mon-export-me");
        openMonitor(robot, TestServer.SUPERUSER, TestServer.DATABASE);
        ActivityRow row = waitForRow(robot, "mon-export-me", null);
        java.nio.file.Path target = test.home.resolve("activity.csv");
        test.dialogs.fileAnswer = Optional.of(target);

        robot.clickOn("#exportActivity").clickOn("#exportActivityCsv");
        FormRobot.waitFor(() -> java.nio.file.Files.exists(target));

        List<String> lines = java.nio.file.Files.readAllLines(target);
        assertThat(lines.get(0)).startsWith("pid,user,database,application,");
        assertThat(lines).anyMatch(line -> line.startsWith(row.pid() + ",alice,") && line.contains("mon-export-me"));
        FormRobot.waitFor(() -> WaitForAsyncUtils.asyncFx(
                        () -> label(robot, "#activityMessage").getText())
                .get()
                .startsWith("Exported"));
    }

    @Test
    void oneMonitorPerConnectionThatClosesAndStopsWithIt(FxRobot robot) throws Exception {
        openMonitor(robot, TestServer.SUPERUSER, TestServer.DATABASE);
        MonitorModel monitor = monitorModel(robot);
        robot.clickOn("#menuBar").clickOn("Connection").clickOn("#menuMonitor");
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs())
                .filteredOn(tab -> tab.getId() != null && tab.getId().startsWith("monitor-"))
                .hasSize(1);
        assertThat(selectedTab(robot).getUserData()).isSameAs(monitor);

        robot.interact(model::disconnectSelected);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getTabs())
                .noneMatch(tab -> tab.getId() != null && tab.getId().startsWith("monitor-"));
        assertThat(monitor.isClosed()).isTrue();
    }

    // Helpers

    /** Connects a profile for {@code user} and opens its Monitor tab from the toolbar. */
    private void openMonitor(FxRobot robot, String user, String database) throws Exception {
        ConnectionProfile profile = SERVER.profile(user)
                .name("Monitored")
                .database(database)
                .applicationName("mon-ui-test")
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
        test.store().save(List.of(profile));
        robot.interact(model::start);
        FormRobot.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> model.profiles().size() == 1
                        && model.passwordsReadyProperty().get())
                .get());
        robot.interact(() -> model.selectedProperty().set(model.profiles().get(0)));
        test.dialogs.passwordAnswer = Optional.of(SERVER.password(user));
        robot.interact(model::connectSelected);
        FormRobot.waitFor(() ->
                WaitForAsyncUtils.asyncFx(() -> model.isConnected(profile.id())).get());
        robot.clickOn("#toolMonitor");
        FormRobot.waitFor(() -> robot.lookup("#activityTable").tryQuery().isPresent());
        Tab tab = selectedTab(robot);
        assertThat(tab.getText()).isEqualTo("Monitor — Monitored");
    }

    private static Tab selectedTab(FxRobot robot) {
        return robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
    }

    private static MonitorModel monitorModel(FxRobot robot) {
        return (MonitorModel) selectedTab(robot).getUserData();
    }

    private static void selectSection(FxRobot robot, String id) {
        TabPane sections = robot.lookup("#monitorTabs").queryAs(TabPane.class);
        robot.interact(() -> sections.getSelectionModel()
                .select(sections.getTabs().stream()
                        .filter(tab -> id.equals(tab.getId()))
                        .findFirst()
                        .orElseThrow()));
    }

    @SuppressWarnings("unchecked")
    private static TableView<ActivityRow> activityTable(FxRobot robot) {
        return robot.lookup("#activityTable").queryAs(TableView.class);
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    private static Optional<ActivityRow> rowOf(FxRobot robot, String application, String state) throws Exception {
        TableView<ActivityRow> table = activityTable(robot);
        return WaitForAsyncUtils.asyncFx(() -> table.getItems().stream()
                        .filter(row -> application.equals(row.session().application()))
                        .filter(row ->
                                state == null || state.equals(row.session().state()))
                        .findFirst())
                .get();
    }

    private static ActivityRow waitForRow(FxRobot robot, String application, String state) throws Exception {
        FormRobot.waitFor(() -> rowOf(robot, application, state).isPresent());
        return rowOf(robot, application, state).orElseThrow();
    }

    private static void select(FxRobot robot, ActivityRow row) {
        TableView<ActivityRow> table = activityTable(robot);
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        });
    }

    /** An idle session as alice with {@code application}, closed after the test. */
    private Connection openSession(String application) throws SQLException {
        Connection connection = SERVER.connect("alice");
        sessions.add(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + application + "'");
        }
        return connection;
    }

    /** Runs {@code SELECT pg_sleep(60)} as alice in the background; completes with its error (null if none). */
    private CompletableFuture<SQLException> sleep(String application) throws SQLException {
        Connection connection = openSession(application);
        return CompletableFuture.supplyAsync(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_sleep(60)");
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
    }

    private static boolean isActive(int pid) throws SQLException {
        return "active".equals(stateOf(pid));
    }

    private static boolean exists(int pid) throws SQLException {
        return stateOf(pid) != null;
    }

    private static String stateOf(int pid) throws SQLException {
        try (Connection connection = SERVER.connect(TestServer.SUPERUSER);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT coalesce(state, '?') FROM pg_stat_activity WHERE pid = ?")) {
            statement.setInt(1, pid);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
