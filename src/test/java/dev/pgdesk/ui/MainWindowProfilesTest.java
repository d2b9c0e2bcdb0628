package dev.pgdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordStorage;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.testing.TestCertificates;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.connect.ConnectionDialogModel;
import java.nio.file.Files;
import java.util.List;
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
import org.testfx.util.WaitForAsyncUtils;

/** The sidebar with saved profiles: loading, problems with the file, connecting, deleting. */
@ExtendWith(ApplicationExtension.class)
class MainWindowProfilesTest {
    private final TestServer server = TestServer.shared();
    private TestServices test;
    private MainWindowModel model;

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
    void savedProfilesAreListedByNameWithTheirTarget(FxRobot robot) throws Exception {
        test.store()
                .save(List.of(
                        profile("zeta", "db3.example.org"),
                        profile("Alpha", "db1.example.org"),
                        profile("beta", "db2.example.org")));

        reload(robot, 3);

        assertThat(model.profiles()).extracting(ProfileItem::name).containsExactly("Alpha", "beta", "zeta");
        assertThat(robot.lookup(".profile-target").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("app@db1.example.org:5432/sales");
    }

    @Test
    void anUnreadableProfilesFileIsReportedAndTheAppStillWorks(FxRobot robot) throws Exception {
        Files.createDirectories(test.profilesFile().getParent());
        Files.writeString(test.profilesFile(), "{ this is not json");

        robot.interact(model::start);
        FormRobot.waitFor(() -> !test.dialogs.errors.isEmpty());

        assertThat(test.dialogs.errors)
                .extracting(RecordingDialogService.Shown::title)
                .containsExactly("Saved connections could not be read");
        assertThat(model.profiles()).isEmpty();
        assertThat(robot.lookup("#toolNew").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aProfilesFileFromANewerPgdeskIsListedSaidOnceAndNeverSavedOver(FxRobot robot) throws Exception {
        Files.createDirectories(test.profilesFile().getParent());
        String content = """
                {"formatVersion": 4, "profiles": [
                  {"id": "5b0c9a57-3c44-4d1e-8d7c-1f0e9a7b6c5d", "name": "Future", "host": "db.example.org",
                   "database": "sales", "user": "app", "sslMode": "prefer", "colour": "teal"}]}
                """;
        Files.writeString(test.profilesFile(), content);

        reload(robot, 1);
        FormRobot.waitFor(() -> !test.dialogs.infos.isEmpty());

        assertThat(model.profiles()).extracting(ProfileItem::name).containsExactly("Future");
        assertThat(test.dialogs.errors).isEmpty();
        assertThat(test.dialogs.infos).singleElement().satisfies(shown -> {
            assertThat(shown.title()).isEqualTo("Saved connections are from a newer pgdesk");
            assertThat(shown.message()).contains("format version 4").contains("will not change the file");
        });

        select(robot, "Future");
        ConnectionDialogModel dialog = WaitForAsyncUtils.asyncFx(
                        () -> model.editSelectedDialog().orElseThrow())
                .get();
        robot.interact(() -> {
            dialog.nameProperty().set("Renamed");
            dialog.save();
        });
        FormRobot.waitFor(() -> !WaitForAsyncUtils.asyncFx(
                        () -> dialog.saveErrorProperty().get())
                .get()
                .isEmpty());

        assertThat(dialog.saveErrorProperty().get())
                .contains("written by a newer version of pgdesk")
                .contains("nothing was saved");
        assertThat(dialog.savedProfileProperty().get()).isNull();
        assertThat(test.profilesFile()).hasContent(content);
        try (var files = Files.list(test.profilesFile().getParent())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no copy and nothing moved aside")
                    .noneMatch(name -> name.startsWith("profiles.json."));
        }
    }

    @Test
    void deletingAProfileRemovesItFromTheListAndTheFile(FxRobot robot) throws Exception {
        test.store().save(List.of(profile("Keep", "db1.example.org"), profile("Drop", "db2.example.org")));
        reload(robot, 2);
        select(robot, "Drop");

        robot.interact(model::deleteSelected);
        FormRobot.waitFor(() -> model.profiles().size() == 1);

        assertThat(model.profiles()).extracting(ProfileItem::name).containsExactly("Keep");
        assertThat(test.store().load().profiles())
                .extracting(ConnectionProfile::name)
                .containsExactly("Keep");
    }

    @Test
    void editingAProfileRenamesItInTheListAndTheFile(FxRobot robot) throws Exception {
        ConnectionProfile original = profile("Old name", "db1.example.org");
        saveAndSelect(robot, original);

        ConnectionDialogModel dialog = WaitForAsyncUtils.asyncFx(
                        () -> model.editSelectedDialog().orElseThrow())
                .get();
        robot.interact(() -> {
            dialog.nameProperty().set("New name");
            dialog.save();
        });
        FormRobot.waitFor(() -> dialog.savedProfileProperty().get() != null);
        robot.interact(() -> model.profileSaved(dialog.savedProfileProperty().get()));

        assertThat(model.profiles()).extracting(ProfileItem::name).containsExactly("New name");
        assertThat(test.store().load().profiles()).singleElement().satisfies(saved -> {
            assertThat(saved.id()).isEqualTo(original.id());
            assertThat(saved.name()).isEqualTo("New name");
        });
    }

    @Test
    void deletingAsksFirstAndKeepsTheProfileWhenTheUserSaysNo(FxRobot robot) throws Exception {
        test.store().save(List.of(profile("Keep", "db1.example.org")));
        reload(robot, 1);
        select(robot, "Keep");
        test.dialogs.confirmAnswer = false;

        robot.interact(model::deleteSelected);

        assertThat(model.profiles()).extracting(ProfileItem::name).containsExactly("Keep");
        assertThat(test.store().load().profiles()).hasSize(1);
    }

    @Test
    void connectingAsksForThePasswordAndOpensTheOverview(FxRobot robot) throws Exception {
        ConnectionProfile alice = server.profile("alice")
                .name("Alice")
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
        saveAndSelect(robot, alice);
        test.dialogs.passwordAnswer = Optional.of(server.password("alice"));

        robot.clickOn("#toolConnect");
        FormRobot.waitFor(() -> connected(alice));

        assertThat(test.dialogs.passwordPrompts).singleElement().asString().contains(alice.displayTarget());
        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getTabs())
                .extracting(tab -> tab.getText())
                .containsExactly("Welcome", "Alice — Overview", "Query 1");
        assertThat(robot.lookup("#toolConnect").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#toolDisconnect").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup(".marker-connected").tryQuery()).isPresent();
    }

    @Test
    void connectingTwiceInARowOpensOneOverview(FxRobot robot) throws Exception {
        ConnectionProfile alice = server.profile("alice")
                .name("Alice")
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
        saveAndSelect(robot, alice);
        test.dialogs.passwordAnswer = Optional.of(server.password("alice"));

        robot.interact(() -> {
            model.connectSelected();
            model.connectSelected();
        });
        FormRobot.waitFor(() -> connected(alice));

        assertThat(test.dialogs.passwordPrompts).hasSize(1);
        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getTabs()).hasSize(3);
    }

    @Test
    void aCancelledPasswordPromptLeavesTheProfileDisconnected(FxRobot robot) throws Exception {
        ConnectionProfile alice = server.profile("alice")
                .name("Alice")
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
        saveAndSelect(robot, alice);
        test.dialogs.passwordAnswer = Optional.empty();

        robot.interact(model::connectSelected);
        FormRobot.waitFor(() -> !test.dialogs.passwordPrompts.isEmpty());

        assertThat(connected(alice)).isFalse();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText())
                .isEqualTo("Not connected.");
    }

    @Test
    void anEncryptedClientKeysPasswordIsAskedForWhenConnecting(FxRobot robot) throws Exception {
        TestCertificates certs = server.certificates();
        ConnectionProfile certuser = server.profile(TestCertificates.CLIENT_USER)
                .name("Certificate login")
                .sslMode(SslMode.VERIFY_FULL)
                .sslRootCert(certs.caCert())
                .sslCert(certs.clientCert())
                .sslKey(certs.clientKeyEncrypted())
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
        saveAndSelect(robot, certuser);
        // Certificate authentication ignores the login password; the same answer unlocks the key.
        test.dialogs.passwordAnswer = Optional.of(TestCertificates.CLIENT_KEY_PASSWORD);

        robot.interact(model::connectSelected);
        FormRobot.waitFor(() -> connected(certuser));

        assertThat(test.dialogs.passwordPrompts).hasSize(2);
        assertThat(test.dialogs.passwordPrompts.get(1))
                .contains("encrypted client key", certs.clientKeyEncrypted().toString());
        assertThat(test.dialogs.errors).isEmpty();
    }

    @Test
    void aSuperuserSeesAWarningInTheOverview(FxRobot robot) throws Exception {
        ConnectionProfile postgres = server.profile(TestServer.SUPERUSER)
                .name("Admin")
                .passwordStorage(PasswordStorage.ASK_EVERY_TIME)
                .build();
        saveAndSelect(robot, postgres);
        test.dialogs.passwordAnswer = Optional.of(server.password(TestServer.SUPERUSER));

        robot.interact(model::connectSelected);
        FormRobot.waitFor(() -> robot.lookup("#superuserWarning")
                .tryQuery()
                .map(warning -> warning.isVisible())
                .orElse(false));

        assertThat(robot.lookup("#overviewUser").queryAs(Label.class).getText()).isEqualTo(TestServer.SUPERUSER);
    }

    private static ConnectionProfile profile(String name, String host) {
        return ConnectionProfile.builder()
                .name(name)
                .host(host)
                .database("sales")
                .user("app")
                .sslMode(SslMode.PREFER)
                .build();
    }

    /** Starts the model again (it reads the store anew) and waits until it lists {@code expected} profiles. */
    /** Saves {@code profile} as the only profile, reloads the list and selects it. */
    private void saveAndSelect(FxRobot robot, ConnectionProfile profile) throws Exception {
        test.store().save(List.of(profile));
        reload(robot, 1);
        select(robot, profile.name());
    }

    private void reload(FxRobot robot, int expected) throws Exception {
        robot.interact(model::start);
        FormRobot.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> model.profiles().size() == expected
                        && model.passwordsReadyProperty().get())
                .get());
    }

    private void select(FxRobot robot, String name) {
        robot.interact(() -> model.profiles().stream()
                .filter(item -> item.name().equals(name))
                .findFirst()
                .ifPresent(model.selectedProperty()::set));
    }

    private boolean connected(ConnectionProfile profile) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> model.isConnected(profile.id())).get();
    }
}
