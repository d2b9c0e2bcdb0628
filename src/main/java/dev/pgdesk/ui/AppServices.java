package dev.pgdesk.ui;

import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ProfileStore;
import dev.pgdesk.connect.check.ConnectionTester;
import dev.pgdesk.connect.secret.PasswordService;
import dev.pgdesk.history.HistoryStore;
import dev.pgdesk.history.ParameterMemory;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.saved.SavedQueryStore;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.dialog.DialogService;
import dev.pgdesk.workspace.WorkspaceStore;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Everything the main window works with, built once in {@link PgdeskApp#start} and replaced piece by piece
 * in tests.
 *
 * @param passwordServiceFactory builds the password service; may block for seconds probing the keyring,
 *     so it is called off the FX thread
 * @param savedQueries the saved queries, kept beside the profiles
 */
public record AppServices(
        ProfileStore profileStore,
        Callable<PasswordService> passwordServiceFactory,
        PoolManager pools,
        TaskRunner tasks,
        ConnectionTester tester,
        SampleDatabaseStarter sampleStarter,
        DialogService dialogs,
        PgEnvironment environment,
        WorkspaceStore workspace,
        HistoryStore history,
        ParameterMemory parameterMemory,
        SavedQueryStore savedQueries) {

    private static final Duration KEYRING_PROBE_TIMEOUT = Duration.ofSeconds(2);

    /** The services of the real app, for the user's own directories and keyring. */
    public static AppServices forCurrentUser(TaskRunner tasks, DialogService dialogs) {
        AppDirectories directories = AppDirectories.forCurrentUser();
        PgEnvironment environment = PgEnvironment.system();
        return new AppServices(
                new ProfileStore(directories.profilesFile()),
                () -> PasswordService.forCurrentUser(environment, KEYRING_PROBE_TIMEOUT),
                new PoolManager(),
                tasks,
                new ConnectionTester(),
                SampleDatabaseStarter.embedded(directories),
                dialogs,
                environment,
                new WorkspaceStore(directories.workspaceDir()),
                new HistoryStore(directories.historyFile()),
                new ParameterMemory(directories.parameterMemoryFile()),
                new SavedQueryStore(directories.savedQueriesFile()));
    }
}
