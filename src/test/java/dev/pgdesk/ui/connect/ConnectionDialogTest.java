package dev.pgdesk.ui.connect;

import static dev.pgdesk.ui.FormRobot.choose;
import static dev.pgdesk.ui.FormRobot.label;
import static dev.pgdesk.ui.FormRobot.set;
import static dev.pgdesk.ui.FormRobot.text;
import static dev.pgdesk.ui.FormRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ConnInfoParser;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.FieldError;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.connect.ProfileField;
import dev.pgdesk.connect.ProfileValidator;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.connect.check.CheckStep;
import dev.pgdesk.connect.check.ConnectionTester;
import dev.pgdesk.connect.check.StepStatus;
import dev.pgdesk.ui.TestServices;
import dev.pgdesk.ui.theme.Theme;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConnectionDialogTest {
    private final ConnectionProfile production = ConnectionProfile.builder()
            .name("Production")
            .host("db.example.com")
            .database("sales")
            .user("app")
            .build();
    private ConnectionDialogModel model;
    private TestServices test;

    @Start
    void start(Stage stage) {
        test = new TestServices();
        ConnectionDialogModel.Context context = new ConnectionDialogModel.Context(
                test.store(),
                List.of(production),
                test.passwords,
                test.tasks,
                new ConnectionTester(),
                test.environment);
        model = ConnectionDialogModel.forNewProfile(context);
        model.nameProperty().set("Local");
        Scene scene = new Scene(new ConnectionDialog(model).content(), 680, 760);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aNewProfileStartsValidWithLibpqDefaults(FxRobot robot) {
        assertThat(text(robot, "#host")).isEqualTo("localhost");
        assertThat(text(robot, "#port")).isEqualTo("5432");
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isFalse();
        assertThat(label(robot, "#hostError").isVisible()).isFalse();
    }

    @Test
    void anEmptyHostIsReportedUnderTheHostFieldAndBlocksSaving(FxRobot robot) {
        set(robot, "#host", "");

        assertThat(label(robot, "#hostError").getText()).isEqualTo(expectedError(ProfileField.HOST));
        assertThat(label(robot, "#hostError").isVisible()).isTrue();
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isTrue();

        set(robot, "#host", "db.internal");

        assertThat(label(robot, "#hostError").getText()).isEmpty();
        assertThat(label(robot, "#hostError").isVisible()).isFalse();
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aPortOutOfRangeTypedByTheUserIsReportedLive(FxRobot robot) {
        robot.doubleClickOn("#port").eraseText(4).write("70000");

        assertThat(text(robot, "#port")).isEqualTo("70000");
        assertThat(label(robot, "#portError").getText()).isNotEmpty().isEqualTo(expectedError(ProfileField.PORT));
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isTrue();

        robot.eraseText(5).write("6432");

        assertThat(label(robot, "#portError").getText()).isEmpty();
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aPortThatIsNotANumberIsReportedUnderThePortField(FxRobot robot) {
        set(robot, "#port", "fivefour");

        assertThat(label(robot, "#portError").getText()).contains("number");
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isTrue();
    }

    @Test
    void verifyFullWithoutARootCertificateIsReportedUnderTheRootCertificate(FxRobot robot) throws IOException {
        Path rootCertificate = Files.createTempFile("root", ".crt");
        rootCertificate.toFile().deleteOnExit();
        choose(robot, "#sslMode", SslMode.VERIFY_FULL);

        assertThat(label(robot, "#rootCertError").getText())
                .isNotEmpty()
                .isEqualTo(expectedError(ProfileField.SSL_ROOT_CERT));
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isTrue();

        set(robot, "#rootCert", rootCertificate.toString());

        assertThat(label(robot, "#rootCertError").getText()).isEmpty();
    }

    @Test
    void theSslModeHelpSaysWhatTheChosenModeProtectsAgainst(FxRobot robot) {
        assertThat(label(robot, "#sslModeHelp").getText()).isEqualTo(SslMode.PREFER.protection());

        choose(robot, "#sslMode", SslMode.VERIFY_CA);

        assertThat(label(robot, "#sslModeHelp").getText()).isEqualTo(SslMode.VERIFY_CA.protection());
    }

    @Test
    void aDuplicateNameIsReportedUnderTheNameField(FxRobot robot) {
        set(robot, "#name", "Production");

        assertThat(label(robot, "#nameError").getText()).isNotEmpty().isEqualTo(expectedError(ProfileField.NAME));
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isTrue();

        set(robot, "#name", "Production copy");

        assertThat(label(robot, "#nameError").getText()).isEmpty();
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isFalse();
    }

    @Test
    void withoutAKeyringTheKeyringChoiceExplainsWhy(FxRobot robot) {
        assertThat(label(robot, "#passwordStorageHelp").getText()).contains("keyring");
        assertThat(label(robot, "#passwordStorageHelp").isVisible()).isTrue();
    }

    @Test
    void importingAUriFillsTheFields(FxRobot robot) {
        set(robot, "#importText", "postgresql://bob:s3cret@db.example.org:6543/sales?sslmode=require");
        robot.clickOn("#importButton");

        assertThat(text(robot, "#host")).isEqualTo("db.example.org");
        assertThat(text(robot, "#port")).isEqualTo("6543");
        assertThat(text(robot, "#database")).isEqualTo("sales");
        assertThat(text(robot, "#user")).isEqualTo("bob");
        assertThat(text(robot, "#password")).isEqualTo("s3cret");
        assertThat(sslModeBox(robot).getValue()).isEqualTo(SslMode.REQUIRE);
        assertThat(text(robot, "#name")).isEqualTo("Local");
        assertThat(label(robot, "#importMessage").getStyleClass()).doesNotContain("field-error");
    }

    @Test
    void importingAKeyValueStringFillsTheFields(FxRobot robot) {
        set(robot, "#importText", "host=10.0.0.7 port=5433 dbname=inventory user=carol sslmode=verify-ca");
        robot.clickOn("#importButton");

        assertThat(text(robot, "#host")).isEqualTo("10.0.0.7");
        assertThat(text(robot, "#port")).isEqualTo("5433");
        assertThat(text(robot, "#database")).isEqualTo("inventory");
        assertThat(text(robot, "#user")).isEqualTo("carol");
        assertThat(sslModeBox(robot).getValue()).isEqualTo(SslMode.VERIFY_CA);
    }

    @Test
    void keywordsThatAreNotTakenOverAreListedAfterTheImport(FxRobot robot) {
        set(robot, "#importText", "host=db.example.org dbname=sales client_encoding=LATIN1");
        robot.clickOn("#importButton");

        assertThat(text(robot, "#host")).isEqualTo("db.example.org");
        assertThat(label(robot, "#importMessage").getText()).contains("client_encoding");
        assertThat(label(robot, "#importMessage").isVisible()).isTrue();
    }

    @Test
    void serverOptionsAreImportedTypedAndSavedWithTheProfile(FxRobot robot) throws Exception {
        set(robot, "#importText", "postgresql://bob@db.example.org/sales?options=-c%20statement_timeout%3D1000");
        robot.clickOn("#importButton");

        assertThat(text(robot, "#serverOptions")).isEqualTo("-c statement_timeout=1000");
        assertThat(label(robot, "#importMessage").getText()).doesNotContain("options");

        set(robot, "#serverOptions", "-c statement_timeout=5min -c search_path=app");
        robot.clickOn("#save");
        waitFor(() -> model.savedProfileProperty().get() != null);

        assertThat(test.store().load().profiles())
                .filteredOn(profile -> profile.host().equals("db.example.org"))
                .singleElement()
                .extracting(ConnectionProfile::options)
                .isEqualTo("-c statement_timeout=5min -c search_path=app");
    }

    @Test
    void aMalformedConnectionStringShowsLibpqsReasonAndChangesNothing(FxRobot robot) {
        String malformed = "host=db.example.org port";
        set(robot, "#importText", malformed);
        robot.clickOn("#importButton");

        Label message = label(robot, "#importMessage");
        assertThat(message.getText()).isNotEmpty().isEqualTo(parserReason(malformed));
        assertThat(message.getStyleClass()).contains("field-error");
        assertThat(text(robot, "#host")).isEqualTo("localhost");
        assertThat(text(robot, "#port")).isEqualTo("5432");
    }

    @Test
    void aTestThatHangsCanBeCancelledAtOnce(FxRobot robot) throws Exception {
        // A socket that accepts connections but never answers: the test waits at the server's reply.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            set(robot, "#host", "127.0.0.1");
            set(robot, "#port", Integer.toString(silent.getLocalPort()));
            set(robot, "#connectTimeout", "60");
            robot.clickOn("#testConnection");
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> robot.lookup("#cancelTest").query().isVisible());

            robot.clickOn("#cancelTest");

            assertThat(label(robot, "#testResult").getText()).isEqualTo("Cancelled.");
            assertThat(robot.lookup("#testConnection").queryButton().isDisabled())
                    .isFalse();
            assertThat(robot.lookup("#cancelTest").query().isVisible()).isFalse();
            assertThat(model.testSteps()).extracting(CheckStep::status).doesNotContain(StepStatus.RUNNING);
        }
    }

    @Test
    void savingWritesTheProfileAndPutsThePasswordOnlyIntoPgpass(FxRobot robot) throws Exception {
        set(robot, "#host", "db.internal");
        set(robot, "#password", "pgpass-only-secret");
        choose(robot, "#passwordStorage", PasswordStorage.PGPASS_FILE);

        robot.clickOn("#save");
        waitFor(() -> model.savedProfileProperty().get() != null);

        assertThat(test.store().load().profiles())
                .extracting(ConnectionProfile::name)
                .containsExactlyInAnyOrder("Production", "Local");
        assertThat(Files.readString(test.profilesFile())).doesNotContain("pgpass-only-secret");
        assertThat(Files.readString(test.home.resolve(".pgpass"))).contains("pgpass-only-secret");
    }

    @Test
    void aFailedSaveSaysWhyAndKeepsWhatWasTyped(FxRobot robot) throws Exception {
        // A file where the config directory should be makes the store unwritable.
        Files.writeString(test.profilesFile().getParent(), "in the way");
        set(robot, "#host", "db.internal");

        robot.clickOn("#save");
        waitFor(() -> !label(robot, "#saveError").getText().isEmpty());

        assertThat(label(robot, "#saveError").getText()).startsWith("Could not save");
        assertThat(label(robot, "#saveError").isVisible()).isTrue();
        assertThat(model.savedProfileProperty().get()).isNull();
        assertThat(text(robot, "#host")).isEqualTo("db.internal");
        assertThat(text(robot, "#name")).isEqualTo("Local");
    }

    // Helpers

    private String expectedError(ProfileField field) {
        List<ConnectionProfile> others = List.of(production);
        return ProfileValidator.validate(model.currentProfile(), others).stream()
                .filter(error -> error.field() == field)
                .map(FieldError::message)
                .findFirst()
                .orElse("");
    }

    private static String parserReason(String text) {
        try {
            ConnInfoParser.parse(text);
        } catch (ConnInfoException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the parser to reject " + text);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<SslMode> sslModeBox(FxRobot robot) {
        return robot.lookup("#sslMode").queryAs(ComboBox.class);
    }
}
