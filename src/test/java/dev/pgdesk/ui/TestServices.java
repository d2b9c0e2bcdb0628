package dev.pgdesk.ui;

import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.PgPassFile;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.connect.check.ConnectionTester;
import dev.pgdesk.connect.secret.PasswordService;
import dev.pgdesk.connect.secret.UnavailableSecretStore;
import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.history.ParameterMemory;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.ui.task.FxTaskRunner;
import dev.pgdesk.workspace.WorkspaceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** App services for UI tests: files in a fresh temp directory, no keyring, real pools and tester. */
public final class TestServices {
    public final Path home;
    public final PgEnvironment environment;
    public final PasswordService passwords;
    public final RecordingDialogService dialogs = new RecordingDialogService();
    public final PoolManager pools = new PoolManager();
    public final FxTaskRunner tasks = new FxTaskRunner();

    public TestServices() {
        try {
            home = Files.createTempDirectory("pgdesk-ui-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        environment = new PgEnvironment(Map.of(), home);
        passwords = new PasswordService(
                new UnavailableSecretStore("none in tests"), new PgPassFile(home.resolve(".pgpass")), environment);
    }

    public Path profilesFile() {
        return home.resolve("config").resolve("profiles.json");
    }

    public ProfileStore store() {
        return new ProfileStore(profilesFile());
    }

    public AppServices services(SampleDatabaseStarter sampleStarter) {
        return new AppServices(
                store(),
                () -> passwords,
                pools,
                tasks,
                new ConnectionTester(),
                sampleStarter,
                dialogs,
                environment,
                new WorkspaceStore(home.resolve("data").resolve("workspace")),
                new HistoryStore(home.resolve("data").resolve("history.jsonl")),
                new ParameterMemory(home.resolve("data").resolve("parameter-values.json")),
                new SavedQueryStore(home.resolve("config").resolve("saved-queries.json")));
    }

    /** Shows a main window over these services in {@code stage}, for tests that never start the sample. */
    public MainWindowModel showWindow(javafx.stage.Stage stage) {
        MainWindowModel model = new MainWindowModel(services(progress -> {
            throw new IllegalStateException("The sample database is not used in this test");
        }));
        new MainWindow(model).show(stage);
        return model;
    }
}
