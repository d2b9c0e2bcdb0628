package dev.pgdesk.ui;

import dev.pgdesk.config.AppDirectories;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.localdb.SampleDatabase;
import java.util.function.Consumer;

/** Starts the sample database; blocks for seconds, so it runs off the FX thread. Tests substitute it. */
@FunctionalInterface
public interface SampleDatabaseStarter {

    /** @param progress hears short status lines, on the worker thread */
    SampleServer start(Consumer<String> progress) throws Exception;

    /** The real one: the embedded PostgreSQL in the user's data directory. */
    static SampleDatabaseStarter embedded(AppDirectories directories) {
        return progress -> {
            SampleDatabase database =
                    SampleDatabase.start(SampleDatabase.defaultDataDirectory(directories.dataDir()), progress);
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
