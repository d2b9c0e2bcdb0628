package dev.pgdesk.monitor;

import java.util.List;

/** The slow-query list, or why the server cannot give one and how to enable it. */
public sealed interface SlowQueries {

    /**
     * The top statements.
     *
     * @param statements ranked as asked, at most the limit asked for
     * @param canReset whether the monitoring role may run {@code pg_stat_statements_reset()}
     */
    record Available(List<StatementStats> statements, boolean canReset) implements SlowQueries {
        public Available {
            statements = List.copyOf(statements);
        }
    }

    /**
     * {@code pg_stat_statements} cannot be read.
     *
     * @param reason what is missing, for example "pg_stat_statements is not in shared_preload_libraries."
     * @param howToEnable the steps that fix it, with the exact statements and whether a restart is needed
     */
    record Unavailable(String reason, String howToEnable) implements SlowQueries {}
}
