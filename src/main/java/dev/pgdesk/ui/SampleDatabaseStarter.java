package dev.pgdesk.ui;

import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.localdb.RunningSample;
import dev.pgdesk.localdb.SampleDatabase;
import java.util.function.Consumer;

/** Starts the sample database; blocks for seconds, so it runs off the FX thread. Tests substitute it. */
@FunctionalInterface
public interface SampleDatabaseStarter {

    /** @param progress hears short status lines, on the worker thread */
    SampleServer start(Consumer<String> progress) throws Exception;

    /**
     * The real one: the embedded PostgreSQL in the user's data directory, shared with the user's other pgdesk
     * windows and commands (closing it stops the server only when none of them uses it).
     */
    static SampleDatabaseStarter embedded(AppDirectories directories) {
        return progress -> {
            RunningSample database =
                    SampleDatabase.attachOrStart(SampleDatabase.defaultDataDirectory(directories.dataDir()), progress);
            return new SampleServer() {
                @Override
                public ConnectionProfile profile() {
                    return database.profile();
                }

                @Override
                public String password() {
                    return database.password();
                }

                @Override
                public void close() {
                    database.close();
                }
            };
        };
    }
}
