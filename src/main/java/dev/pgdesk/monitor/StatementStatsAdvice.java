package dev.pgdesk.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The words that explain why {@code pg_stat_statements} cannot be read or reset, and how to change that. */
final class StatementStatsAdvice {
    static final String CREATE_EXTENSION = "CREATE EXTENSION pg_stat_statements;";

    private StatementStatsAdvice() {}

    /** The library is not loaded; {@code extensionCreated} tells whether step 3 is still needed. */
    static SlowQueries.Unavailable notPreloaded(StatementPreload preload, String database, boolean extensionCreated) {
        String reason = "pg_stat_statements is not in shared_preload_libraries, so the server collects no statement"
                + " statistics.";
        StringBuilder steps = new StringBuilder();
        steps.append("1. As a superuser, add pg_stat_statements to shared_preload_libraries. ALTER SYSTEM replaces"
                + " the whole list, so keep the libraries already in it");
        preload.libraries()
                .ifPresentOrElse(
                        libraries -> steps.append(
                                libraries.isEmpty()
                                        ? " (it is empty now):\n"
                                        : " (now: " + String.join(", ", libraries) + "):\n"),
                        () -> steps.append(" (this role may not read the setting; see it with SHOW"
                                + " shared_preload_libraries as a superuser and list each library):\n"));
        steps.append("   ").append(alterSystem(preload)).append('\n');
        steps.append("   (or edit shared_preload_libraries in postgresql.conf).\n");
        steps.append("2. Restart the PostgreSQL server: this setting is read only at server start; a reload is not"
                + " enough.\n");
        if (extensionCreated) {
            steps.append("3. Nothing else: the extension is already created in database \"")
                    .append(database)
                    .append("\".");
        } else {
            steps.append("3. In database \"")
                    .append(database)
                    .append("\", as a superuser, run:\n   ")
                    .append(CREATE_EXTENSION);
        }
        return new SlowQueries.Unavailable(reason, steps.toString());
    }

    /** The statement that adds the library and keeps the others, one literal per library as the list needs. */
    static String alterSystem(StatementPreload preload) {
        List<String> libraries = new ArrayList<>(preload.libraries().orElse(List.of()));
        libraries.add(StatementExtension.NAME);
        return libraries.stream()
                .map(library -> "'" + library.replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "ALTER SYSTEM SET shared_preload_libraries = ", ";"));
    }

    /** The library is (or may be) loaded, but the extension is not created in the connected database. */
    static SlowQueries.Unavailable notInstalled(StatementPreload preload, String database) {
        String reason = "pg_stat_statements is not installed in this database (" + database + ").";
        StringBuilder steps = new StringBuilder();
        steps.append("Connect to database \"")
                .append(database)
                .append("\" as a superuser and run:\n   ")
                .append(CREATE_EXTENSION)
                .append("\n(pg_stat_statements is not a trusted extension, so only a superuser may create it.)");
        if (preload.loadsStatementStats().isEmpty()) {
            steps.append("\nThe server must also load the library: if SHOW shared_preload_libraries does not list"
                    + " pg_stat_statements, a superuser adds it with ALTER SYSTEM SET shared_preload_libraries"
                    + " (keeping the libraries already listed) and restarts the server.");
        } else {
            steps.append("\nThe server already loads the library, so no restart is needed.");
        }
        return new SlowQueries.Unavailable(reason, steps.toString());
    }

    /** Why reset is refused to {@code role}, with the grant a superuser can give. */
    static String resetRefused(String role, String quotedRole, String signature) {
        return "The role \"" + role + "\" may not reset the statement statistics. Ask a superuser to run:\n   "
                + "GRANT EXECUTE ON FUNCTION " + signature + " TO " + quotedRole + ";";
    }

    /** Why reset is impossible without the extension. */
    static String resetWithoutExtension(String database) {
        return "pg_stat_statements is not installed in database \"" + database
                + "\", so there are no statement statistics to reset.";
    }

    /** Why reset is impossible without the library. */
    static String resetWithoutLibrary() {
        return "pg_stat_statements is not in shared_preload_libraries, so the server collects no statement"
                + " statistics to reset.";
    }
}
