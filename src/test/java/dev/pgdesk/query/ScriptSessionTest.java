package dev.pgdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.task.CancellationToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A script runs as psql runs a file: one session from its first statement to its last, a lost connection
 * stops it, its own settings are honoured, and what it leaves in the session stays with that session.
 */
@Tag("server")
class ScriptSessionTest {
    private final String application =
            "pgdesk-script-" + UUID.randomUUID().toString().substring(0, 8);
    private final String staging =
            "staging_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private QueryTestSupport support;
    private QuerySession session;

    @BeforeEach
    void openSession() throws SQLException {
        support = new QueryTestSupport();
        session = support.session(application);
        QueryTestSupport.superuser("CREATE SCHEMA " + staging + " AUTHORIZATION alice");
        QueryTestSupport.alice(
                "DROP TABLE IF EXISTS alice.t_orders",
                "CREATE TABLE alice.t_orders (id int)",
                "INSERT INTO alice.t_orders SELECT generate_series(1, 10)",
                "CREATE TABLE " + staging + ".t_orders (id int)",
                "INSERT INTO " + staging + ".t_orders SELECT generate_series(1, 3)");
    }

    @AfterEach
    void closeSession() throws SQLException {
        session.close();
        support.close();
        QueryTestSupport.superuser("DROP SCHEMA " + staging + " CASCADE", "DROP TABLE IF EXISTS alice.t_orders");
    }

    @Test
    void everyStatementOfAScriptRunsOnOneSession() {
        ScriptRun run = run("set search_path = " + staging + ";\n"
                + "select pg_backend_pid();\n"
                + "select count(*) from t_orders;\n"
                + "select pg_backend_pid();");

        assertThat(run.failed()).isFalse();
        assertThat(value(run, 1)).isEqualTo(value(run, 3));
        assertThat(value(run, 2))
                .as("the staging table, after the script's SET")
                .isEqualTo("3");
    }

    @Test
    void aConnectionLostBetweenStatementsStopsTheScriptAndNothingMovesToAnotherConnection() throws Exception {
        String script = "set search_path = " + staging + ";\n"
                + "select g from generate_series(1, 5000) g;\n"
                + "delete from t_orders;";

        ScriptRun run = runWith(script, stopOnError(), new ScriptListener() {
            @Override
            public void finished(StatementOutcome outcome) {
                if (outcome.index() == 1) {
                    terminateBackendOf(application);
                }
            }
        });

        assertThat(run.connectionLost()).as(run.outcomes().toString()).isTrue();
        assertThat(run.outcomes()).hasSize(3);
        assertThat(run.outcomes().get(2).result()).isInstanceOfSatisfying(ServerError.class, error -> {
            assertThat(error.message()).startsWith("Connection lost");
            assertThat(error.hint()).contains("settings made with SET, temporary tables");
        });
        assertThat(count("alice.t_orders")).isEqualTo(10);
        assertThat(count(staging + ".t_orders")).isEqualTo(3);
        assertThat(session.isPinned()).isFalse();
    }

    @Test
    void aStatementThatLosesTheConnectionStopsTheScriptEvenWhenItContinuesAfterErrors() throws Exception {
        String script = "set search_path = " + staging + ";\n"
                + "select pg_terminate_backend(pg_backend_pid());\n"
                + "delete from t_orders;\n"
                + "delete from alice.t_orders;";

        ScriptRun run = runWith(script, new ScriptRunner.Options(Duration.ofSeconds(30), 0, true), ScriptListener.NONE);

        assertThat(run.connectionLost()).isTrue();
        assertThat(run.outcomes()).hasSize(2);
        assertThat(run.notRun()).isEqualTo(2);
        assertThat(count("alice.t_orders")).isEqualTo(10);
        assertThat(count(staging + ".t_orders")).isEqualTo(3);

        ScriptRun next = run("select current_schema()");
        assertThat(value(next, 0)).as("the next run is a new session").isEqualTo("alice");
    }

    @Test
    void afterALossTheSessionRefusesTheRestOfTheRunWithoutTouchingThePool() throws Exception {
        try (QuerySession.Run run = session.beginRun()) {
            terminateBackendOf(application);
            StatementResult cut = QueryTestSupport.run(session, "select 1");
            StatementResult after = QueryTestSupport.run(session, "delete from alice.t_orders");

            assertThat(cut)
                    .isInstanceOfSatisfying(
                            ServerError.class, e -> assertThat(e.message()).startsWith("Connection lost"));
            assertThat(after)
                    .isInstanceOfSatisfying(
                            ServerError.class,
                            e -> assertThat(e.message())
                                    .isEqualTo("Not run: the connection was lost earlier in this run."));
            assertThat(run.connectionLost()).isPresent();
        }
        assertThat(count("alice.t_orders")).isEqualTo(10);
    }

    @Test
    void continuingAfterErrorsRunsEveryStatementAndAFailedBlockRefusesTheRestOfItself() throws Exception {
        String script = "select 1;\n"
                + "select * from no_such_table;\n"
                + "begin;\n"
                + "delete from t_orders where id = 1;\n"
                + "select 1/0;\n"
                + "delete from t_orders;\n"
                + "commit;\n"
                + "select count(*) from t_orders;";

        ScriptRun run = runWith(script, new ScriptRunner.Options(Duration.ofSeconds(30), 0, true), ScriptListener.NONE);

        assertThat(run.stop()).isEqualTo(ScriptRun.Stop.NONE);
        assertThat(run.outcomes()).hasSize(8);
        assertThat(run.failures())
                .extracting(outcome -> ((ServerError) outcome.result()).sqlState())
                .containsExactly("42P01", "22012", ServerError.IN_FAILED_TRANSACTION);
        assertThat(value(run, 7)).as("the failed block was rolled back").isEqualTo("10");
    }

    @Test
    void stoppingAtTheFirstErrorLeavesTheRestUnsent() {
        ScriptRun run = run("select 1;\nselect * from no_such_table;\ndelete from t_orders;");

        assertThat(run.stop()).isEqualTo(ScriptRun.Stop.ERROR);
        assertThat(run.notRun()).isEqualTo(1);
        assertThat(count("alice.t_orders")).isEqualTo(10);
    }

    @Test
    void backslashesAreReadAsTheScriptsOwnSettingSaysFromTheStatementAfterTheSet() {
        ScriptRun run = run("set standard_conforming_strings = off; select 'a\\'b;' as x; select 2 as y;");

        assertThat(run.failed()).isFalse();
        assertThat(run.outcomes()).hasSize(3);
        assertThat(value(run, 1)).isEqualTo("a'b;");
        assertThat(value(run, 2)).isEqualTo("2");
    }

    @Test
    void aSettingChangedOutOfSightOfTheTextMakesTheRunReadTheRestAgain() {
        // Read with the setting on, line 2 is two statements; the server, with it off, reads one string.
        String script = "select set_config('standard_conforming_strings', 'off', false);\n"
                + "select '\\' as x; select '' as y; -- '";

        ScriptRun run = run(script);

        assertThat(run.failed()).isFalse();
        assertThat(run.outcomes()).hasSize(2);
        assertThat(value(run, 1)).isEqualTo("' as x; select ' as y; -- ");
    }

    @Test
    void theParametersOfFunctionBodiesAndPreparedStatementsAreTheirOwn() {
        boolean sqlBodies = QueryTestSupport.SERVER.majorVersion() >= 14;
        String script = "create or replace function alice.add2(a int, b int) returns int language sql\n"
                + "begin atomic select $1 + $2; end;\n"
                + "create or replace function alice.inc(int) returns int language sql return $1 + 1;\n"
                + "prepare p(int) as select $1 + 1;\n"
                + "execute p(41);\n"
                + "deallocate p;";
        ScriptPlan plan = ScriptPlan.ofScript(script);
        assertThat(plan.hasParameters()).isFalse();

        ScriptRun run = runWith(script, new ScriptRunner.Options(Duration.ofSeconds(30), 0, true), ScriptListener.NONE);

        assertThat(value(run, 3)).isEqualTo("42");
        if (sqlBodies) {
            assertThat(run.failed()).isFalse();
            assertThat(value(run("select alice.add2(2, 3), alice.inc(9)"), 0)).isEqualTo("5");
        } else {
            // PostgreSQL 13 has no SQL-standard bodies: its syntax error shows the text reached it untouched.
            assertThat(run.failures())
                    .extracting(outcome -> ((ServerError) outcome.result()).sqlState())
                    .containsExactly("42601", "42601");
        }
    }

    @Test
    void theScriptsOwnStatementTimeoutIsNeverLengthened() {
        long started = System.nanoTime();
        ScriptRun withDefault = run("set statement_timeout = 1000;\nselect pg_sleep(3);");
        ScriptRun next = run("show statement_timeout");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(withDefault.failures())
                .singleElement()
                .satisfies(failed -> assertThat(((ServerError) failed.result()).message())
                        .isEqualTo("canceled after 1 s (statement timeout)"));
        assertThat(value(next, 0)).as("the session is as the script left it").isEqualTo("1s");
        assertThat(session.keptState())
                .hasValueSatisfying(state -> assertThat(state.settings()).isEqualTo("statement_timeout"));
    }

    @Test
    void withoutATimeoutTheSessionsOwnStillCancelsAndIsLeftAlone() {
        ScriptRun run = runWith(
                "set statement_timeout = 1000;\nselect pg_sleep(3);",
                ScriptRunner.Options.of(Duration.ZERO),
                ScriptListener.NONE);

        assertThat(run.failures())
                .singleElement()
                .satisfies(failed -> assertThat(((ServerError) failed.result()).message())
                        .isEqualTo("canceled by the server: the statement ran longer than the session's"
                                + " statement_timeout"));
    }

    @Test
    void pgdesksTimeoutIsPutBackAfterTheStatementSoTheSessionKeepsItsOwn() throws SQLException {
        QueryTestSupport.alice("CREATE OR REPLACE FUNCTION alice.timeout_now() RETURNS text LANGUAGE sql"
                + " AS $$ SELECT current_setting('statement_timeout') $$");

        ScriptRun run = runWith(
                "select pg_sleep(3);\nselect alice.timeout_now();",
                new ScriptRunner.Options(Duration.ofSeconds(1), 0, true),
                ScriptListener.NONE);
        ScriptRun untouched =
                runWith("select alice.timeout_now()", ScriptRunner.Options.of(Duration.ZERO), ScriptListener.NONE);

        assertThat(((ServerError) run.outcomes().get(0).result()).message())
                .isEqualTo("canceled after 1 s (statement timeout)");
        assertThat(value(run, 1))
                .as("pgdesk's timeout while the statement runs")
                .isEqualTo("1s");
        assertThat(value(untouched, 0)).isEqualTo("0");
        assertThat(session.keptState())
                .as("nothing of pgdesk's stays in the session")
                .isEmpty();
    }

    @Test
    void aRolesStatementTimeoutIsNeverLengthenedByPgdesks() throws SQLException {
        String role =
                "slow_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String password = UUID.randomUUID().toString();
        QueryTestSupport.superuser(
                "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "' IN ROLE pgdesk_users",
                "ALTER ROLE " + role + " SET statement_timeout = '1s'");
        try (PoolManager pools = new PoolManager()) {
            ConnectionProfile profile = QueryTestSupport.SERVER
                    .profile(role)
                    .name(role)
                    .applicationName(application)
                    .build();
            QuerySession roleSession = new QuerySession(pools.open(profile, password));

            StatementResult sleep = QueryTestSupport.run(roleSession, "select pg_sleep(3)", Duration.ofSeconds(30));

            assertThat(sleep)
                    .isInstanceOfSatisfying(
                            ServerError.class,
                            e -> assertThat(e.message()).isEqualTo("canceled after 1 s (statement timeout)"));
            roleSession.close();
        } finally {
            QueryTestSupport.superuser("DROP ROLE " + role);
        }
    }

    @Test
    void aSessionHoldingASettingKeepsItsConnectionAndNoOtherSessionInheritsIt() throws Exception {
        run("set search_path = " + staging + ";\ncreate temp table scratch (x int);");
        Object pid = value(run("select pg_backend_pid()"), 0);
        QuerySession other = support.session(application);

        assertThat(value(run("select count(*) from t_orders"), 0)).isEqualTo("3");
        assertThat(value(run("select count(*) from scratch"), 0)).isEqualTo("0");
        assertThat(session.isPinned()).isTrue();
        assertThat(session.keptState()).hasValueSatisfying(state -> {
            assertThat(state.settings()).isEqualTo("search_path");
            assertThat(state.temporaryObjects()).isEqualTo(1);
            assertThat(state.describe()).isEqualTo("setting search_path; 1 temporary table or object");
        });
        assertThat(value(runOn(other, "select current_schema()"), 0)).isEqualTo("alice");
        other.close();

        session.close();

        assertThat(session.isPinned()).isFalse();
        awaitBackendGone(Integer.parseInt((String) pid));
    }

    @Test
    void discardAllMakesTheSessionCleanAndItsConnectionGoesBack() {
        run("set search_path = " + staging);
        assertThat(session.isPinned()).isTrue();

        run("discard all");

        assertThat(session.isPinned()).isFalse();
        assertThat(session.keptState()).isEmpty();
    }

    @Test
    void aStreamedResultKeepsTheSessionUntilItIsClosedAndSeesTheScriptsSettings() throws Exception {
        ScriptRun run = runWith(
                "set search_path = " + staging + ";\nselect id from t_orders, generate_series(1, 1000) g",
                new ScriptRunner.Options(Duration.ofSeconds(30), 100, false),
                ScriptListener.NONE);

        StatementResult last = run.outcomes().get(1).result();
        assertThat(last).isInstanceOf(StreamedRows.class);
        RowCursor cursor = ((StreamedRows) last).cursor();
        int rows = ((StreamedRows) last).firstRows().size();
        for (List<Object[]> batch = cursor.next(500); !batch.isEmpty(); batch = cursor.next(500)) {
            rows += batch.size();
        }
        cursor.close();

        assertThat(rows).as("3 staging rows × 1000").isEqualTo(3000);
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        assertThat(session.isPinned()).as("the SET keeps the session").isTrue();
    }

    /** The options the editor and {@code pgdesk query} use by default: a 30 s timeout, stop at errors. */
    private static ScriptRunner.Options stopOnError() {
        return new ScriptRunner.Options(Duration.ofSeconds(30), 0, false);
    }

    private ScriptRun run(String script) {
        return runWith(script, stopOnError(), ScriptListener.NONE);
    }

    private ScriptRun runWith(String script, ScriptRunner.Options options, ScriptListener listener) {
        return ScriptRunner.run(
                session,
                ScriptPlan.ofScript(script, session.standardConformingStrings()),
                Map.of(),
                options,
                new CancellationToken(),
                listener,
                null);
    }

    private static ScriptRun runOn(QuerySession other, String script) {
        return ScriptRunner.run(
                other,
                ScriptPlan.ofScript(script),
                Map.of(),
                stopOnError(),
                new CancellationToken(),
                ScriptListener.NONE,
                null);
    }

    /** The single value of the {@code index}-th statement's result. */
    private static Object value(ScriptRun run, int index) {
        return QueryTestSupport.single(run.outcomes().get(index).result());
    }

    private static long count(String table) {
        try (Connection connection = QueryTestSupport.SERVER.connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Terminates the backend the session under test holds (called between its statements) and waits until
     * the server has ended it, so the next statement meets a dead connection, not a dying one.
     */
    private static void terminateBackendOf(String application) {
        List<Integer> terminated = new ArrayList<>();
        try (Connection connection = QueryTestSupport.SERVER.connect("postgres");
                PreparedStatement find =
                        connection.prepareStatement("select pid from pg_stat_activity where application_name = ?");
                PreparedStatement terminate = connection.prepareStatement("select pg_terminate_backend(?)")) {
            find.setString(1, application);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    terminated.add(rows.getInt(1));
                }
            }
            for (int pid : terminated) {
                terminate.setInt(1, pid);
                terminate.execute();
                awaitBackendGone(pid);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(terminated)
                .as("the session's backend was found and terminated")
                .isNotEmpty();
    }

    /** Waits for the server to see a backend gone, as it does once its connection is closed. */
    private static void awaitBackendGone(int pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (Connection connection = QueryTestSupport.SERVER.connect("postgres");
                PreparedStatement alive = connection.prepareStatement("select 1 from pg_stat_activity where pid = ?")) {
            alive.setInt(1, pid);
            while (true) {
                try (ResultSet row = alive.executeQuery()) {
                    if (!row.next()) {
                        return;
                    }
                }
                assertThat(System.nanoTime())
                        .as("backend %d still there after 10 s", pid)
                        .isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }
}
