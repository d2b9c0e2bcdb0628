package dev.pgdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.localdb.LocalPostgresException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowFailuresTest {
    private TestServices test;
    private MainWindowModel model;

    @Start
    void start(Stage stage) {
        test = new TestServices();
        model = new MainWindowModel(test.services(progress -> {
            progress.accept("initialising the data directory");
            throw new LocalPostgresException("The port 5432 is taken by another program; close it and try again.");
        }));
        new MainWindow(model).show(stage);
    }

    @AfterEach
    void closePools() {
        model.shutdown();
    }

    @Test
    void aFailedConnectionIsExplainedInPlainWordsWithoutAnException(FxRobot robot) throws Exception {
        ConnectionProfile nowhere = ConnectionProfile.builder()
                .name("Nowhere")
                .host("127.0.0.1")
                .port(unusedPort())
                .sslMode(SslMode.DISABLE)
                .connectTimeoutSeconds(3)
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
        test.dialogs.passwordAnswer = Optional.of("any password");
        FormRobot.waitFor(() -> model.passwordsReadyProperty().get());

        robot.interact(() -> model.profileSaved(nowhere));
        robot.interact(model::connectSelected);
        FormRobot.waitFor(() -> connectionError().isPresent());

        RecordingDialogService.Shown error = connectionError().orElseThrow();
        assertThat(error.title()).isNotBlank();
        assertThat(error.message())
                .contains("What to do:")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText())
                .isEqualTo("Could not connect to Nowhere.");
        assertThat(model.isConnected(nowhere.id())).isFalse();
        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getTabs()).hasSize(1);
    }

    @Test
    void aSampleDatabaseThatDoesNotStartIsReportedAndCanBeRetried(FxRobot robot) throws Exception {
        robot.clickOn("#openSampleButton");
        FormRobot.waitFor(() -> !test.dialogs.errors.isEmpty());

        assertThat(test.dialogs.errors.get(test.dialogs.errors.size() - 1).message())
                .isEqualTo("The port 5432 is taken by another program; close it and try again.");
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText())
                .isEqualTo("The sample database did not start.");
        assertThat(robot.lookup("#toolSample").queryButton().isDisabled()).isFalse();
        assertThat(model.profiles()).noneMatch(ProfileItem::sample);
    }

    /** The error about connecting, not the one about loading the profiles. */
    private Optional<RecordingDialogService.Shown> connectionError() {
        return test.dialogs.errors.stream()
                .filter(shown -> !shown.title().startsWith("Saved connections"))
                .findFirst();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
