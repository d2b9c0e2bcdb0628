package dev.pgdesk.query;

import static dev.pgdesk.query.QueryTestSupport.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pgdesk.sql.Parameter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * A value the server refuses while binding comes back as the server's own error, and the detail names the
 * parameter as the user wrote it, although the server counts the driver's placeholders.
 */
@Tag("server")
class ParameterRefusalTest {

    @Test
    void aRefusedNamedParameterIsNamedAsWritten() throws Exception {
        BoundStatement bound = StatementBinding.bind(
                "SELECT :small::int, :big::numeric",
                Map.of(
                        Parameter.named("small"), ParameterValues.convert("1", "int4", ":small"),
                        Parameter.named("big"), ParameterValues.convert("1e131072", "numeric", ":big")));

        SQLException refusal = execute(bound);
        ServerError error =
                ParameterRefusal.naming(ServerErrors.from(refusal, List.of(), Duration.ZERO), refusal, bound);

        assertThat(error.sqlState()).isEqualTo("22003");
        assertThat(error.message()).isEqualTo(literalRefusal("SELECT '1e131072'::numeric"));
        // PostgreSQL 14 added the context that says which parameter it was; before it, nobody can tell.
        assertThat(error.detail())
                .isEqualTo(namesBindParameters() ? "The value of :big was refused as numeric." : null);
    }

    @Test
    void aParameterUsedTwiceIsNamedOnceAndTheServersDetailIsKept() throws Exception {
        // $2 is the second and the third placeholder; the server stops at the first refusal.
        BoundStatement bound = StatementBinding.bind(
                "SELECT $1::int, $2::jsonb, $2::jsonb",
                Map.of(
                        Parameter.positional(1), ParameterValues.convert("7", "int4", "$1"),
                        Parameter.positional(2), ParameterValues.convert("{\"a\": 1e999999}", "jsonb", "$2")));

        SQLException refusal = execute(bound);
        ServerError plain = ServerErrors.from(refusal, List.of(), Duration.ZERO);
        ServerError named = ParameterRefusal.naming(plain, refusal, bound);

        assertThat(named.sqlState()).isEqualTo(plain.sqlState()).startsWith("22");
        assertThat(named.message()).isEqualTo(plain.message());
        String line = "The value of $2 was refused as jsonb.";
        if (namesBindParameters()) {
            assertThat(named.detail()).isEqualTo(plain.detail() == null ? line : plain.detail() + "\n" + line);
        } else {
            assertThat(named).isSameAs(plain);
        }
    }

    @Test
    void anErrorThatIsNotAboutAValueIsLeftAlone() throws Exception {
        BoundStatement bound = StatementBinding.bind(
                "SELECT 1 / $1::int", Map.of(Parameter.positional(1), ParameterValues.convert("0", "int4", "$1")));

        SQLException division = execute(bound);
        ServerError plain = ServerErrors.from(division, List.of(), Duration.ZERO);

        assertThat(plain.sqlState()).isEqualTo("22012");
        assertThat(ParameterRefusal.naming(plain, division, bound)).isSameAs(plain);
    }

    private static boolean namesBindParameters() throws SQLException {
        try (Connection connection = SERVER.connect("alice");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rows.next();
            return rows.getInt(1) >= 140000;
        }
    }

    /** The server's message for the same value written as a literal. */
    private static String literalRefusal(String sql) throws SQLException {
        try (Connection connection = SERVER.connect("alice");
                Statement statement = connection.createStatement()) {
            SQLException refusal = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(sql));
            return ((PSQLException) refusal).getServerErrorMessage().getMessage();
        }
    }

    private static SQLException execute(BoundStatement bound) throws SQLException {
        try (Connection connection = SERVER.connect("alice");
                PreparedStatement statement = connection.prepareStatement(bound.jdbcSql())) {
            ParameterBinder.bind(statement, bound.values());
            SQLException refusal = catchThrowableOfType(SQLException.class, statement::executeQuery);
            assertThat((Throwable) refusal).as("the server refused to run it").isNotNull();
            return refusal;
        }
    }
}
