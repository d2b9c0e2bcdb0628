package dev.pgdesk.ui.connect;

import static dev.pgdesk.ui.FormRobot.choose;
import static dev.pgdesk.ui.FormRobot.label;
import static dev.pgdesk.ui.FormRobot.set;
import static dev.pgdesk.ui.FormRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.connect.check.CheckStep;
import dev.pgdesk.connect.check.ConnectionTester;
import dev.pgdesk.connect.check.StepStatus;
import dev.pgdesk.testing.TestCertificates;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.TestServices;
import dev.pgdesk.ui.theme.Theme;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The dialog against the real test server: test, fail with a wrong password, save, and find the profile
 * on disk without any password. Not tagged "server" on purpose: it runs once, against the newest server.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionDialogEndToEndTest {
    private final TestServer server = TestServer.shared();
    private TestServices test;
    private ConnectionDialogModel model;

    @Start
    void start(Stage stage) {
        test = new TestServices();
        ConnectionDialogModel.Context context = new ConnectionDialogModel.Context(
                test.store(), List.of(), test.passwords, test.tasks, new ConnectionTester(), test.environment);
        model = ConnectionDialogModel.forNewProfile(context);
        Scene scene = new Scene(new ConnectionDialog(model).content(), 1080, 760);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aTestedProfileIsSavedWithoutItsPassword(FxRobot robot) throws Exception {
        ConnectionProfile target = server.profile("alice").build();
        String rightPassword = server.password("alice");
        String wrongPassword = "wrong-" + rightPassword + "-9z";
        set(robot, "#name", "Test server (alice)");
        set(robot, "#host", target.host());
        set(robot, "#port", Integer.toString(target.port()));
        set(robot, "#database", target.database());
        set(robot, "#user", target.user());
        set(robot, "#password", rightPassword);
        choose(robot, "#passwordStorage", PasswordStorage.ASK_EVERY_TIME);

        runTest(robot);

        assertThat(label(robot, "#testResult").getText()).isEqualTo("Connection succeeded.");
        assertThat(robot.lookup("#testFailure").query().isVisible()).isFalse();
        assertThat(steps(robot).getItems())
                .isNotEmpty()
                .extracting(CheckStep::status)
                .doesNotContain(StepStatus.FAILED, StepStatus.RUNNING);

        set(robot, "#password", wrongPassword);
        runTest(robot);

        Node failure = robot.lookup("#testFailure").query();
        assertThat(failure.isVisible()).isTrue();
        assertThat(label(robot, "#testFailureTitle").getText()).isEqualTo("Password authentication failed");
        assertThat(label(robot, "#testFailureExplanation").getText()).contains("alice");
        assertThat(label(robot, "#testFailureRemedy").getText()).isNotBlank();
        assertThat(label(robot, "#testResult").getText()).isEmpty();
        assertThat(steps(robot).getItems()).extracting(CheckStep::status).contains(StepStatus.FAILED);

        set(robot, "#password", rightPassword);
        robot.clickOn("#save");
        waitFor(() -> model.savedProfileProperty().get() != null);

        ProfileStore.LoadResult reloaded = new ProfileStore(test.profilesFile()).load();
        assertThat(reloaded.problem()).isEmpty();
        assertThat(reloaded.profiles()).singleElement().satisfies(saved -> {
            assertThat(saved.name()).isEqualTo("Test server (alice)");
            assertThat(saved.host()).isEqualTo(target.host());
            assertThat(saved.port()).isEqualTo(target.port());
            assertThat(saved.database()).isEqualTo(target.database());
            assertThat(saved.user()).isEqualTo("alice");
            assertThat(saved.passwordStorage()).isEqualTo(PasswordStorage.ASK_EVERY_TIME);
        });
        String json = Files.readString(test.profilesFile());
        assertThat(json)
                .contains("Test server (alice)")
                .doesNotContain(rightPassword)
                .doesNotContain(wrongPassword);
    }

    @Test
    void anEncryptedClientKeyConnectsWithItsPasswordWhichIsNeverWrittenToTheFile(FxRobot robot) throws Exception {
        ConnectionProfile target = server.profile(TestCertificates.CLIENT_USER).build();
        TestCertificates certs = server.certificates();
        set(robot, "#name", "Certificate login");
        set(robot, "#host", target.host());
        set(robot, "#port", Integer.toString(target.port()));
        set(robot, "#database", target.database());
        set(robot, "#user", TestCertificates.CLIENT_USER);
        choose(robot, "#sslMode", SslMode.VERIFY_FULL);
        set(robot, "#rootCert", certs.caCert().toString());
        set(robot, "#clientCert", certs.clientCert().toString());
        set(robot, "#clientKey", certs.clientKeyEncrypted().toString());
        choose(robot, "#passwordStorage", PasswordStorage.ASK_EVERY_TIME);

        runTest(robot);
        assertThat(label(robot, "#testFailureExplanation").getText()).contains("is encrypted", "Key password");

        set(robot, "#keyPassword", TestCertificates.CLIENT_KEY_PASSWORD);
        runTest(robot);
        assertThat(label(robot, "#testResult").getText()).isEqualTo("Connection succeeded.");

        robot.clickOn("#save");
        waitFor(() -> model.savedProfileProperty().get() != null);
        assertThat(Files.readString(test.profilesFile()))
                .contains("certuser-encrypted.key")
                .doesNotContain(TestCertificates.CLIENT_KEY_PASSWORD);
    }

    private void runTest(FxRobot robot) throws TimeoutException {
        robot.clickOn("#testConnection");
        waitFor(() -> !robot.lookup("#testConnection").queryButton().isDisabled());
    }

    @SuppressWarnings("unchecked")
    private static ListView<CheckStep> steps(FxRobot robot) {
        return robot.lookup("#testSteps").queryAs(ListView.class);
    }
}
