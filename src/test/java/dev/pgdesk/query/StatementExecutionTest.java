package dev.pgdesk.query;

import static dev.pgdesk.query.QueryTestSupport.alice;
import static dev.pgdesk.query.QueryTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class StatementExecutionTest {
    private QueryTestSupport support;
    private QuerySession session;

    @BeforeEach
    void openSession() throws SQLException {
        support = new QueryTestSupport();
        session = support.session("pgdesk-query-exec");
    }

    @AfterEach
    void closeSession() {
        session.close();
        support.close();
    }

    @Test
    void aQueryReturnsItsColumnsWithTypeNamesAndItsRows() {
        StatementResult result = run(session, "SELECT 1 AS one, 'x'::text AS letter UNION ALL SELECT 2, 'y'");

        assertThat(result).isInstanceOf(RowsResult.class);
        RowsResult rows = (RowsResult) result;
        assertThat(rows.columns()).containsExactly(new Column("one", "int4"), new Column("letter", "text"));
        assertThat(rows.rows()).containsExactly(new Object[] {"1", "x"}, new Object[] {"2", "y"});
        assertThat(rows.truncated()).isFalse();
        assertThat(rows.duration()).isPositive();
    }

    @Test
    void rowsBeyondTheCapAreLeftOutAndSaidSo() throws SQLException {
        QuerySession small = support.session("pgdesk-query-exec-cap", false, 5);

        RowsResult rows = (RowsResult) run(small, "SELECT generate_series(1, 8)");

        assertThat(rows.rows()).hasSize(5);
        assertThat(rows.rows().get(4)).containsExactly("5");
        assertThat(rows.truncated()).isTrue();
    }

    @Test
    void aWriteReportsItsCommandAndRowsAffected() throws SQLException {
        alice("DROP TABLE IF EXISTS exec_items", "CREATE TABLE exec_items (n int)");

        StatementResult insert = run(session, "INSERT INTO exec_items SELECT generate_series(1, 3)");
        StatementResult update = run(session, "/* bump */ UPDATE exec_items SET n = n + 1 WHERE n > 1");
        StatementResult create = run(session, "CREATE TEMP TABLE exec_scratch (n int)");

        assertThat(insert).isInstanceOfSatisfying(UpdateResult.class, u -> {
            assertThat(u.command()).isEqualTo("INSERT");
            assertThat(u.rowsAffected()).isEqualTo(3);
        });
        assertThat(update).isInstanceOfSatisfying(UpdateResult.class, u -> {
            assertThat(u.command()).isEqualTo("UPDATE");
            assertThat(u.rowsAffected()).isEqualTo(2);
        });
        assertThat(create)
                .isInstanceOfSatisfying(
                        UpdateResult.class, u -> assertThat(u.command()).isEqualTo("CREATE TABLE"));
    }

    @Test
    void raiseNoticeOutputComesBackWithItsSeverity() {
        StatementResult result = run(session, "DO $$ BEGIN RAISE NOTICE 'hi %', 1; RAISE WARNING 'careful'; END $$");

        assertThat(result.notices()).containsExactly(new Notice("NOTICE", "hi 1"), new Notice("WARNING", "careful"));
    }

    @Test
    void aServerErrorCarriesSqlStateMessageAndPositionInsideTheStatement() {
        String sql = "SELECT 1 FROM no_such_table";

        StatementResult result = run(session, sql);

        assertThat(result).isInstanceOfSatisfying(ServerError.class, e -> {
            assertThat(e.sqlState()).isEqualTo("42P01");
            assertThat(e.message()).isEqualTo("relation \"no_such_table\" does not exist");
            assertThat(e.position()).isEqualTo(sql.indexOf("no_such_table") + 1);
        });
    }

    @Test
    void aServerErrorCarriesDetailAndHint() {
        StatementResult result = run(
                session,
                "DO $$ BEGIN RAISE EXCEPTION 'broken' USING DETAIL = 'the detail', HINT = 'the hint',"
                        + " ERRCODE = '22023'; END $$");

        assertThat(result).isInstanceOfSatisfying(ServerError.class, e -> {
            assertThat(e.sqlState()).isEqualTo("22023");
            assertThat(e.message()).isEqualTo("broken");
            assertThat(e.detail()).isEqualTo("the detail");
            assertThat(e.hint()).isEqualTo("the hint");
        });
    }
}
