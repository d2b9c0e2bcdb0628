package dev.pgdesk.query;

import static dev.pgdesk.query.QueryTestSupport.alice;
import static dev.pgdesk.query.QueryTestSupport.run;
import static dev.pgdesk.query.QueryTestSupport.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.task.CancellationToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Binding through prepared statements. The SQL here is written as the lexer's rewrite produces it ({@code
 * $n} as {@code ?} in binding order, a literal {@code ?} doubled).
 */
@Tag("server")
class ParameterBindingTest {
    private QueryTestSupport support;
    private QuerySession session;

    @BeforeEach
    void openSession() throws SQLException {
        support = new QueryTestSupport();
        session = support.session("pgdesk-query-params");
        alice(
                "DROP TABLE IF EXISTS orders",
                "DROP TABLE IF EXISTS users",
                "CREATE TABLE users (id int, status text, name text)",
                "INSERT INTO users VALUES (42, 'active', 'Ann'), (42, 'blocked', 'Bob'), (7, 'active', 'Cy'),"
                        + " (8, NULL, 'Di')",
                "CREATE TABLE orders (id serial PRIMARY KEY, user_id int, total numeric, status text,"
                        + " created_at timestamptz DEFAULT now(), extra jsonb)");
    }

    @AfterEach
    void closeSession() {
        session.close();
        support.close();
    }

    @Test
    void theSeedSelectFindsTheActiveUser42() throws Exception {
        String jdbcSql = "SELECT * FROM users WHERE id = ? AND status = ?";
        List<String> types = session.describeParameters(jdbcSql);

        StatementResult result = run(session, jdbcSql, convert(types, "42", "active"));

        assertThat(types).containsExactly("int4", "text");
        assertThat(result).isInstanceOfSatisfying(RowsResult.class, rows -> {
            assertThat(rows.columns()).extracting(Column::name).containsExactly("id", "status", "name");
            assertThat(rows.rows()).containsExactly(new Object[] {"42", "active", "Ann"});
        });
    }

    @Test
    void theSeedInsertReturnsTheNewIdAndCreationTime() throws Exception {
        String jdbcSql = "INSERT INTO orders (user_id, total, status) VALUES (?, ?, ?) RETURNING id, created_at";
        List<String> types = session.describeParameters(jdbcSql);

        StatementResult result = run(session, jdbcSql, convert(types, "42", "19.99", "new"));

        assertThat(types).containsExactly("int4", "numeric", "text");
        assertThat(result).isInstanceOfSatisfying(RowsResult.class, rows -> {
            assertThat(rows.columns())
                    .containsExactly(new Column("id", "serial"), new Column("created_at", "timestamptz"));
            assertThat(rows.rows()).hasSize(1);
            assertThat(rows.rows().get(0)[0]).isEqualTo("1");
            assertThat(rows.rows().get(0)[1]).isNotNull();
        });
        assertThat(single(run(session, "SELECT total::text || ' ' || status FROM orders")))
                .isEqualTo("19.99 new");
    }

    @Test
    void aParameterUsedTwiceBindsTheSameValueTwice() throws Exception {
        // SELECT $1::int + $2::int * $2::int  ->  three placeholders, the second value bound twice
        ParameterValue one = ParameterValues.convert("1", "int4", "$1");
        ParameterValue three = ParameterValues.convert("3", "int4", "$2");

        StatementResult result = run(session, "SELECT ?::int + ?::int * ?::int", one, three, three);

        assertThat(single(result)).isEqualTo("10");
    }

    @Test
    void aNullBindsAsSqlNull() {
        StatementResult matching = run(
                session,
                "SELECT string_agg(name, ',') FROM users WHERE status IS NOT DISTINCT FROM ?",
                ParameterValue.nullOf("text"));
        StatementResult comparedWithEquals =
                run(session, "SELECT count(*) FROM users WHERE id = ?", ParameterValue.nullOf("int4"));

        assertThat(single(matching)).isEqualTo("Di");
        assertThat(single(comparedWithEquals)).isEqualTo("0");
    }

    @Test
    void aBadValueIsReportedWithTheServersTypeBeforeAnythingIsSent() throws Exception {
        List<String> types = session.describeParameters("SELECT * FROM users WHERE id = ? AND status = ?");

        assertThatThrownBy(() -> convert(types, "abc", "active"))
                .isInstanceOf(ParameterValueException.class)
                .hasMessage("$1 expects integer: \"abc\" is not a number");
    }

    @Test
    void theJsonbQuestionMarkOperatorStillWorksBesideAParameter() throws Exception {
        String jdbcSql = "SELECT '{\"a\":1}'::jsonb ?? ?";
        List<String> types = session.describeParameters(jdbcSql);

        assertThat(types).containsExactly("text");
        assertThat(single(run(session, jdbcSql, convert(types, "a")))).isEqualTo("t");
        assertThat(single(run(session, jdbcSql, convert(types, "b")))).isEqualTo("f");
    }

    @Test
    void dateAndTimeTextOnlyTheServerCanReadIsConvertedThereInTheSessionsTimeZone() throws Exception {
        String jdbcSql = "SELECT ?::timestamptz = '2025-06-01 00:00'::timestamptz";
        List<String> types = session.describeParameters(jdbcSql);
        assertThat(types).containsExactly("timestamptz");

        assertThat(single(run(session, jdbcSql, convert(types, "2025-06-01")))).isEqualTo("t");
        assertThat(single(run(session, jdbcSql, convert(types, "June 1, 2025"))))
                .isEqualTo("t");
        String today = "SELECT ?::date = current_date";
        assertThat(single(run(session, today, convert(session.describeParameters(today), "today"))))
                .isEqualTo("t");
    }

    @Test
    void valuesOfEachKindArriveWithTheirType() throws Exception {
        String jdbcSql = "SELECT pg_typeof(?)::text";

        assertThat(typeOf(jdbcSql, "2024-02-29", "date")).isEqualTo("date");
        assertThat(typeOf(jdbcSql, "2024-02-29 10:00", "timestamp")).isEqualTo("timestamp without time zone");
        assertThat(typeOf(jdbcSql, "2024-02-29 10:00+01", "timestamptz")).isEqualTo("timestamp with time zone");
        assertThat(typeOf(jdbcSql, "123e4567-e89b-12d3-a456-426614174000", "uuid"))
                .isEqualTo("uuid");
        assertThat(typeOf(jdbcSql, "yes", "boolean")).isEqualTo("boolean");
        assertThat(typeOf(jdbcSql, "5", "bigint")).isEqualTo("bigint");
        assertThat(typeOf(jdbcSql, "5.5", "numeric")).isEqualTo("numeric");
    }

    @Test
    void jsonAndUnknownTypesAreConvertedByTheServer() throws Exception {
        String jdbcSql = "INSERT INTO orders (user_id, extra, created_at) VALUES (?, ?, ?) RETURNING extra ->> 'k'";
        List<String> types = session.describeParameters(jdbcSql);

        StatementResult result = run(session, jdbcSql, convert(types, "1", "{\"k\": \"v\"}", "2024-02-29 10:00Z"));

        assertThat(types).containsExactly("int4", "jsonb", "timestamptz");
        assertThat(single(result)).isEqualTo("v");
        assertThat(single(run(session, "SELECT (?::point)[0]", ParameterValues.convert("(3,4)", "point", "$1"))))
                .isEqualTo("3");
    }

    @Test
    void aTypeOverrideChangesHowTheValueIsChecked() throws Exception {
        String jdbcSql = "SELECT ?::text";
        List<String> types = session.describeParameters(jdbcSql);

        ParameterValue overridden = ParameterValues.convert("2024-02-29 10:00+00", "timestamptz", "$1");

        assertThat(types).containsExactly("text");
        assertThatThrownBy(() -> ParameterValues.convert("2024-02-29 10:00+00", "int4", "$1"))
                .isInstanceOf(ParameterValueException.class);
        // Sent as the chosen type, not as the text the statement would take: the server reads a time stamp.
        assertThat(single(run(session, "SELECT pg_typeof(?)::text", overridden)))
                .isEqualTo("timestamp with time zone");
        assertThat(single(run(session, "SELECT extract(year FROM ?::timestamptz)::int", overridden)))
                .isEqualTo("2024");
    }

    @Test
    void describingInsideATransactionSeesItsTablesAndABadStatementDoesNotAbortIt() throws Exception {
        run(session, "BEGIN");
        run(session, "CREATE TEMP TABLE scratch (amount numeric)");

        List<String> types = session.describeParameters("SELECT * FROM scratch WHERE amount > ?");

        assertThat(types).containsExactly("numeric");
        assertThatThrownBy(() -> session.describeParameters("SELEC ?")).isInstanceOf(SQLException.class);
        assertThat(session.transactionState()).isEqualTo(TransactionState.IN_TRANSACTION);
        assertThat(single(run(session, "SELECT count(*) FROM scratch"))).isEqualTo("0");
        session.rollback();
    }

    @Test
    void anExecutionListenerHearsStartAndFinish() {
        List<String> events = new ArrayList<>();
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void started(BoundStatement statement) {
                events.add("started " + statement.text());
            }

            @Override
            public void finished(BoundStatement statement, StatementResult result) {
                events.add("finished " + result.getClass().getSimpleName());
            }
        };

        session.execute(BoundStatement.of("SELECT 1"), QuerySession.DEFAULT_TIMEOUT, new CancellationToken(), listener);

        assertThat(events).containsExactly("started SELECT 1", "finished RowsResult");
    }

    private String typeOf(String jdbcSql, String text, String type) throws ParameterValueException {
        return (String) single(run(session, jdbcSql, ParameterValues.convert(text, type, "$1")));
    }

    private static ParameterValue[] convert(List<String> types, String... texts) throws ParameterValueException {
        List<ParameterValue> values = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            values.add(ParameterValues.convert(texts[i], types.get(i), "$" + (i + 1)));
        }
        return values.toArray(ParameterValue[]::new);
    }
}
