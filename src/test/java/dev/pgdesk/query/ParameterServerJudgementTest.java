package dev.pgdesk.query;

import static dev.pgdesk.query.QueryTestSupport.SERVER;
import static dev.pgdesk.query.QueryTestSupport.alice;
import static dev.pgdesk.query.QueryTestSupport.run;
import static dev.pgdesk.query.QueryTestSupport.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.sql.Parameter;
import dev.pgdesk.task.CancellationToken;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server's input functions judge parameter values (decision record 0016). The oracle for every value is
 * the server itself: the same text written as a literal of the same type, {@code SELECT 'text'::type}.
 * Through pgdesk the value must give exactly the text the literal gives, or, where the literal is refused,
 * be refused too (early by pgdesk, or by the server with the literal's SQLSTATE), and never run changed.
 */
@Tag("server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParameterServerJudgementTest {
    private QueryTestSupport support;
    private QuerySession session;
    /** Where the oracle's literals are evaluated: a plain connection of its own, outside pgdesk. */
    private Connection oracle;

    @BeforeAll
    void openSession() throws SQLException {
        support = new QueryTestSupport();
        session = support.session("pgdesk-parameter-judgement");
        oracle = SERVER.connect("alice");
        oracle.setAutoCommit(true);
    }

    @AfterAll
    void closeSession() throws SQLException {
        oracle.close();
        session.close();
        support.close();
    }

    @ParameterizedTest(name = "{1} ''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {
                // The values: overflow and underflow were silently changed to 0, Infinity and 0.0.
                "1e131072|numeric",
                "1e131071|numeric",
                "1e-16384|numeric",
                "1e400|float8",
                "1e-400|float8",
                "1e39|float4",
                "1e-46|float4",
                // Refused although the server accepts them (numeric's infinities need PostgreSQL 14).
                "NaN|numeric",
                "Infinity|numeric",
                "-Infinity|numeric",
                "inf|numeric",
                "NaN|float8",
                "Infinity|float8",
                "-Infinity|float8",
                "inf|float8",
                "' -INF '|float8",
                "nan|float4",
                "+infinity|float4",
                // Exact text, no detour through a Java double or BigDecimal.
                "0.1|float8",
                "4.9e-324|float8",
                "1.7976931348623157e308|float8",
                "3.4e38|float4",
                "0.10|numeric",
                "' 1.50e3 '|numeric",
                "-.5|numeric",
                "123456789012345678901234567890.123456789|numeric",
                // Integers at and beyond their ranges, and the forms newer servers read.
                "32767|int2",
                "32768|int2",
                "-32769|int2",
                "2147483647|int4",
                "2147483648|int4",
                "9223372036854775807|int8",
                "-9223372036854775809|int8",
                "1_000|int4",
                "0x1F|int4",
                "0x80000000|int4",
                "1.5|int4",
                "abc|int4",
                "' 42 '|int4",
            })
    void numbersAreJudgedByTheServer(String text, String type) throws Exception {
        assertJudgedAsTheServerJudgesTheLiteral(text, type);
    }

    @ParameterizedTest(name = "{1} ''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "infinity|date",
                "-infinity|date",
                "epoch|date",
                "2024-02-29|date",
                "2024-02-30|date",
                "2024-01-01 BC|date",
                "4714-11-23 BC|date",
                "10000-01-01|date",
                "J2451187|date",
                "Jan 8 2024|date",
                "infinity|timestamp",
                "epoch|timestamp",
                "2024-01-01 24:00|timestamp",
                "2024-01-01 10:00:00.1234567|timestamp",
                "294277-01-01|timestamp",
                "-infinity|timestamptz",
                "epoch|timestamptz",
                "2024-02-29 13:45:00+01:00|timestamptz",
                "2024-06-01 08:30 Europe/Paris|timestamptz",
                "allballs|timestamptz",
            })
    void datesAndTimesAreJudgedByTheServer(String text, String type) throws Exception {
        assertJudgedAsTheServerJudgesTheLiteral(text, type);
    }

    @ParameterizedTest(name = "{1} ''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "tru|bool",
                "' Of '|bool",
                "o|bool",
                "maybe|bool",
                "{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}|uuid",
                "a0eebc999c0b4ef8bb6d6bb9bd380a11|uuid",
                "' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'|uuid",
                "a0ee-bc99-9c0b4ef8bb6d6bb9bd380a11|uuid",
                "'{\"a\": [1, 2.50]}'|jsonb",
                "'{\"a\": 1} x'|json",
                "1e999999|jsonb",
                "'$1,000.50'|money",
                "92233720368547758.08|money",
                "1 day 02:00|interval",
                "'(1.5,2)'|point",
                "24:00|time",
            })
    void otherTypesAreJudgedByTheServer(String text, String type) throws Exception {
        assertJudgedAsTheServerJudgesTheLiteral(text, type);
    }

    @ParameterizedTest(name = "{1} ''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {"1e131072|numeric", "1e400|float8", "Infinity|numeric", "2024-02-30|date"})
    void aRefusedValueIsNeverStored(String text, String type) throws Exception {
        String table = "judged_" + type;
        alice("DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (v " + type + ")");
        Literal literal = literal(text, type);

        StatementResult inserted = execute("INSERT INTO " + table + " VALUES ($1) RETURNING v::text", text, type);

        if (literal.refused()) {
            assertThat(inserted).isInstanceOf(ServerError.class);
            assertThat(single(run(session, "SELECT count(*) FROM " + table))).isEqualTo("0");
        } else {
            assertThat(single(inserted)).isEqualTo(literal.text());
            assertThat(single(run(session, "SELECT v::text FROM " + table))).isEqualTo(literal.text());
        }
    }

    /**
     * Checks the text the way the CLI and the GUI do (with the type the server describes for the parameter),
     * runs it, and compares with the literal.
     */
    private void assertJudgedAsTheServerJudgesTheLiteral(String text, String type) throws Exception {
        Literal literal = literal(text, type);
        String describedType = session.describeParameters("SELECT CAST(? AS " + type + ")::text")
                .get(0);

        ParameterValue value;
        try {
            value = ParameterValues.convert(text, describedType, "$1");
        } catch (ParameterValueException early) {
            assertThat(literal.refused())
                    .as(
                            "pgdesk refused '%s' for %s (%s), which the server accepts as '%s'",
                            text, type, early.getMessage(), literal.text())
                    .isTrue();
            return;
        }
        assertThat(value.value()).as("the text is kept as typed").isEqualTo(text);
        StatementResult result = session.execute(
                StatementBinding.bind("SELECT CAST($1 AS " + type + ")::text", Map.of(Parameter.positional(1), value)),
                QuerySession.DEFAULT_TIMEOUT,
                new CancellationToken(),
                ExecutionListener.NONE);

        if (literal.refused()) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ServerError.class,
                            error -> assertThat(error.sqlState()).isEqualTo(literal.sqlState()));
        } else {
            assertThat(single(result)).isEqualTo(literal.text());
        }
    }

    private StatementResult execute(String sql, String text, String type) throws Exception {
        Map<Parameter, String> types = session.parameterTypes(sql);
        return session.execute(
                StatementBinding.bind(
                        sql,
                        Map.of(
                                Parameter.positional(1),
                                ParameterValues.convert(text, types.get(Parameter.positional(1)), "$1"))),
                QuerySession.DEFAULT_TIMEOUT,
                new CancellationToken(),
                ExecutionListener.NONE);
    }

    /** What the server makes of the text as a literal of the type: its text output, or its SQLSTATE. */
    private Literal literal(String text, String type) throws SQLException {
        try (Statement statement = oracle.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT '" + text.replace("'", "''") + "'::" + type + "::text")) {
            rows.next();
            return new Literal(rows.getString(1), null);
        } catch (SQLException e) {
            return new Literal(null, e.getSQLState());
        }
    }

    private record Literal(String text, String sqlState) {
        boolean refused() {
            return sqlState != null;
        }
    }
}
