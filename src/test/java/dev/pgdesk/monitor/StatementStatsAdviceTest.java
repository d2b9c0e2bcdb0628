package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementStatsAdviceTest {

    @Test
    void preloadListsAreSplitAtCommasOutsideQuotes() {
        assertThat(StatementPreload.parse("auto_explain, \"my,lib\" ,pg_prewarm"))
                .containsExactly("auto_explain", "my,lib", "pg_prewarm");
        assertThat(StatementPreload.parse("\"say \"\"hi\"\"\"")).containsExactly("say \"hi\"");
        assertThat(StatementPreload.parse("")).isEmpty();
    }

    @Test
    void theLibraryIsRecognisedHoweverItIsWritten() {
        assertThat(preload("pg_stat_statements").loadsStatementStats()).contains(true);
        assertThat(preload("$libdir/pg_stat_statements").loadsStatementStats()).contains(true);
        assertThat(preload("auto_explain,pg_stat_statements.so").loadsStatementStats())
                .contains(true);
        assertThat(preload("auto_explain").loadsStatementStats()).contains(false);
        assertThat(new StatementPreload(Optional.empty()).loadsStatementStats()).isEmpty();
    }

    @Test
    void alterSystemKeepsTheLibrariesAlreadyPreloadedAsSeparateLiterals() {
        // One literal with commas would be taken as a single library name.
        assertThat(StatementStatsAdvice.alterSystem(preload("auto_explain,pg_prewarm")))
                .isEqualTo("ALTER SYSTEM SET shared_preload_libraries = 'auto_explain', 'pg_prewarm',"
                        + " 'pg_stat_statements';");
        assertThat(StatementStatsAdvice.alterSystem(preload("")))
                .isEqualTo("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements';");
    }

    @Test
    void notPreloadedSaysToRestartAndToCreateTheExtensionWhenMissing() {
        SlowQueries.Unavailable advice = StatementStatsAdvice.notPreloaded(preload("auto_explain"), "shop", false);

        assertThat(advice.reason())
                .isEqualTo("pg_stat_statements is not in shared_preload_libraries, so the server"
                        + " collects no statement statistics.");
        assertThat(advice.howToEnable())
                .contains("(now: auto_explain)")
                .contains("ALTER SYSTEM SET shared_preload_libraries = 'auto_explain', 'pg_stat_statements';")
                .contains("Restart the PostgreSQL server")
                .contains("In database \"shop\", as a superuser, run:\n   CREATE EXTENSION pg_stat_statements;");
    }

    @Test
    void notInstalledNamesTheDatabaseAndTheSuperuser() {
        SlowQueries.Unavailable advice = StatementStatsAdvice.notInstalled(preload("pg_stat_statements"), "shop");

        assertThat(advice.reason()).isEqualTo("pg_stat_statements is not installed in this database (shop).");
        assertThat(advice.howToEnable())
                .startsWith("Connect to database \"shop\" as a superuser and run:\n   CREATE EXTENSION"
                        + " pg_stat_statements;")
                .contains("no restart is needed");
    }

    private static StatementPreload preload(String setting) {
        return new StatementPreload(Optional.of(List.copyOf(StatementPreload.parse(setting))));
    }
}
