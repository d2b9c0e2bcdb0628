package dev.pgdesk.ui;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.query.QueryTabModel;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TabPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Steps of UI tests that work in a connected SQL editor of the main window. */
public final class EditorWindow {

    private EditorWindow() {}

    /** A profile of the test server's non-superuser alice whose password is asked for, named in pg_stat_activity. */
    public static ConnectionProfile aliceProfile(String applicationName) {
        return TestServer.shared()
                .profile("alice")
                .name("Alice")
                .applicationName(applicationName)
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
    }

    /**
     * Saves {@code profile} as the only one, connects it as a user would (the password dialog answered), and
     * selects the editor tab that connecting opens; returns that editor.
     */
    public static QueryTabModel connect(
            FxRobot robot, TestServices test, MainWindowModel model, ConnectionProfile profile) throws Exception {
        test.store().save(List.of(profile));
        robot.interact(model::start);
        FormRobot.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> model.profiles().size() == 1
                        && model.passwordsReadyProperty().get())
                .get());
        robot.interact(() -> model.selectedProperty().set(model.profiles().get(0)));
        test.dialogs.passwordAnswer = Optional.of(TestServer.shared().password(profile.user()));
        robot.interact(model::connectSelected);
        FormRobot.waitFor(
                () -> WaitForAsyncUtils.asyncFx(() -> model.editors().tabs().size() == 1
                                && model.editors().tabs().get(0).connected().get())
                        .get());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getTabs().stream()
                    .filter(tab -> tab.getId() != null && tab.getId().startsWith("editor-"))
                    .findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        });
        return model.editors().tabs().get(0);
    }
}
