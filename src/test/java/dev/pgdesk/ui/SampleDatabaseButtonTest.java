package dev.pgdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.localdb.SampleDatabase;
import dev.pgdesk.saved.SavedParameter;
import dev.pgdesk.saved.SavedQuery;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.query.QueryTabModel;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Open sample database" with a stand-in starter that hands out the shared test server, so the rest of
 * the flow (sidebar, connect, overview, pool status, stop on exit) runs for real and fast.
 */
@ExtendWith(ApplicationExtension.class)
class SampleDatabaseButtonTest {
    private final TestServer server = TestServer.shared();
    private final AtomicBoolean sampleStopped = new AtomicBoolean();
    private final List<String> startCalls = new CopyOnWriteArrayList<>();
    private final ConnectionProfile sampleProfile = server.profile("alice")
            .id(SampleDatabase.PROFILE_ID)
            .name("Sample database")
            .sslMode(SslMode.DISABLE)
            .build();
    private TestServices test;
    private MainWindowModel model;

    @Start
    void start(Stage stage) {
        test = new TestServices();
        model = new MainWindowModel(test.services(progress -> {
            startCalls.add("start");
            progress.accept("starting PostgreSQL");
            return new SampleServer() {
                @Override
                public ConnectionProfile profile() {
                    return sampleProfile;
                }

                @Override
                public String password() {
                    return server.password("alice");
                }

                @Override
                public void close() {
                    sampleStopped.set(true);
                }
            };
        }));
        new MainWindow(model).show(stage);
    }

    @AfterEach
    void shutDown() {
        model.shutdown();
    }

    @Test
    void theSampleIsListedConnectedAndShownInAnOverviewTab(FxRobot robot) throws Exception {
        robot.clickOn("#openSampleButton");
        FormRobot.waitFor(this::sampleConnected);
        FormRobot.waitFor(() -> robot.lookup("#overviewVersion")
                .tryQueryAs(Label.class)
                .map(version -> !version.getText().equals("…"))
                .orElse(false));

        assertThat(model.profiles()).singleElement().satisfies(item -> {
            assertThat(item.sample()).isTrue();
            assertThat(item.name()).isEqualTo("Sample database");
        });
        assertThat(robot.lookup(".tag").queryAs(Label.class).getText()).isEqualTo("sample");
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText())
                .isEqualTo("Connected to Sample database.");
        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getTabs())
                .extracting(tab -> tab.getText())
                .containsExactly("Welcome", "Sample database — Overview", "Query 1");
        assertThat(robot.lookup("#overviewUser").queryAs(Label.class).getText()).isEqualTo("alice");
        assertThat(robot.lookup("#overviewDatabase").queryAs(Label.class).getText())
                .isEqualTo(server.database());
        assertThat(robot.lookup("#overviewVersion").queryAs(Label.class).getText())
                .contains(Integer.toString(server.majorVersion()));
        assertThat(robot.lookup("#superuserWarning").query().isVisible()).isFalse();
        assertThat(test.dialogs.passwordPrompts).isEmpty();
        assertThat(Files.exists(test.profilesFile())).isFalse();
        assertThat(startCalls).hasSize(1);
    }

    @Test
    void thePoolLabelShowsTheSelectedConnectionsPool(FxRobot robot) throws Exception {
        robot.clickOn("#openSampleButton");
        FormRobot.waitFor(this::sampleConnected);
        robot.interact(model::refreshPoolStatus);

        assertThat(robot.lookup("#poolStatus").queryAs(Label.class).getText())
                .matches("pool: \\d+ active · \\d+ idle · \\d+ waiting \\(max \\d+\\)");
    }

    @Test
    void disconnectClosesTheOverviewKeepsTheEditorAndExitStopsTheSample(FxRobot robot) throws Exception {
        robot.clickOn("#openSampleButton");
        FormRobot.waitFor(this::sampleConnected);

        robot.clickOn("#toolDisconnect");
        FormRobot.waitFor(() -> !test.pools.isOpen(sampleProfile.id()) && !sampleConnected());

        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getTabs())
                .extracting(tab -> tab.getText())
                .containsExactly("Welcome", "Query 1");
        assertThat(model.editors().tabs().get(0).connected().get()).isFalse();
        assertThat(robot.lookup("#poolStatus").queryAs(Label.class).getText()).isEmpty();
        assertThat(sampleStopped).isFalse();

        robot.interact(model::shutdown);

        assertThat(sampleStopped).isTrue();
    }

    @Test
    void openingTheSampleAgainReusesTheRunningServer(FxRobot robot) throws Exception {
        robot.clickOn("#openSampleButton");
        FormRobot.waitFor(this::sampleConnected);
        robot.interact(model::disconnectSelected);
        FormRobot.waitFor(() -> !test.pools.isOpen(sampleProfile.id()) && !sampleConnected());

        robot.clickOn("#toolSample");
        FormRobot.waitFor(this::sampleConnected);

        assertThat(startCalls).hasSize(1);
        assertThat(model.profiles()).hasSize(1);
    }

    /** Asked on the FX thread, which owns the model. */
    @Test
    void aServerRestartIsSurvivedAndTheStatusBarSaysSo(FxRobot robot) throws Exception {
        robot.clickOn("#openSampleButton");
        FormRobot.waitFor(this::sampleConnected);
        FormRobot.waitFor(() -> robot.lookup("#overviewUser")
                .tryQueryAs(Label.class)
                .map(user -> user.getText().equals("alice"))
                .orElse(false));

        server.server().restart();
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().get(1));
        });
        robot.clickOn("#refreshOverview");

        FormRobot.waitFor(() -> robot.lookup("#statusMessage")
                .queryAs(Label.class)
                .getText()
                .contains("The server restarted; connection lost, reconnected."));
        assertThat(robot.lookup("#overviewUser").queryAs(Label.class).getText()).isEqualTo("alice");
        assertThat(robot.lookup("#overviewProblem").query().isVisible()).isFalse();
        assertThat(test.dialogs.errors).isEmpty();
    }

    @Test
    void runningASavedQueryOfTheSampleStartsTheSampleThenRunsItThere(FxRobot robot) throws Exception {
        SavedQuery query = SavedQuery.create(
                "answer",
                "",
                "SELECT :n::int + 1 AS answer",
                List.of(SavedParameter.withDefault("n", "41")),
                SampleDatabase.PROFILE_ID);
        new SavedQueryStore(test.profilesFile().resolveSibling("saved-queries.json")).put(query);

        robot.interact(() -> model.openSavedQuery(query, true));
        FormRobot.waitFor(this::sampleConnected);
        FormRobot.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> model.editors().tabs().stream()
                        .anyMatch(tab -> tab.titleProperty().get().equals("answer")
                                && tab.results().size() == 1))
                .get());

        assertThat(startCalls).hasSize(1);
        QueryTabModel ran = WaitForAsyncUtils.asyncFx(() -> model.editors().tabs().stream()
                        .filter(tab -> tab.titleProperty().get().equals("answer"))
                        .findFirst()
                        .orElseThrow())
                .get();
        assertThat(ran.profileId()).isEqualTo(SampleDatabase.PROFILE_ID);
        assertThat(ran.results().get(0).result())
                .isInstanceOfSatisfying(
                        dev.pgdesk.query.RowsResult.class,
                        rows -> assertThat(rows.rows().get(0)[0]).isEqualTo("42"));
    }

    private boolean sampleConnected() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> model.isConnected(sampleProfile.id()))
                .get();
    }
}
