package dev.pgdesk.query;

import static dev.pgdesk.query.QueryTestSupport.alice;
import static dev.pgdesk.query.QueryTestSupport.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.sql.Parameter;
import dev.pgdesk.task.CancellationToken;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Statements exactly as the user writes them, with {@code $n} or {@code :name}, through the lexer's rewrite. */
@Tag("server")
class StatementBindingTest {
    private QueryTestSupport support;
    private QuerySession session;

    @BeforeEach
    void openSession() throws SQLException {
        support = new QueryTestSupport();
        session = support.session("pgdesk-query-binding");
        alice(
                "DROP TABLE IF EXISTS binding_orders",
                "DROP TABLE IF EXISTS binding_users",
                "CREATE TABLE binding_users (id int, status text)",
                "INSERT INTO binding_users VALUES (42, 'active'), (42, 'blocked'), (7, 'active')",
                "CREATE TABLE binding_orders (id serial, user_id int, total numeric, status text,"
                        + " created_at timestamptz DEFAULT now())");
    }

    @AfterEach
    void closeSession() {
        session.close();
        support.close();
    }

    @Test
    void theSeedSelectWorksAsWritten() throws Exception {
        String sql = "SELECT * FROM binding_users WHERE id = $1 AND status = $2";

        StatementResult result = execute(sql, "42", "active");

        assertThat(result)
                .isInstanceOfSatisfying(
                        RowsResult.class,
                        rows -> assertThat(rows.rows()).containsExactly(new Object[] {"42", "active"}));
    }

    @Test
    void theSeedInsertWorksAsWritten() throws Exception {
        String sql = "INSERT INTO binding_orders (user_id, total, status) VALUES ($1, $2, $3) RETURNING id, created_at";

        Map<Parameter, String> types = session.parameterTypes(sql);
        StatementResult result = execute(sql, "42", "19.99", "new");

        assertThat(types.values()).containsExactly("int4", "numeric", "text");
        assertThat(result).isInstanceOfSatisfying(RowsResult.class, rows -> {
            assertThat(rows.columns()).extracting(Column::name).containsExactly("id", "created_at");
            assertThat(rows.rows()).hasSize(1);
        });
    }

    @Test
    void aRepeatedParameterIsOneValueBoundTwice() throws Exception {
        String sql = "SELECT $1::int + $2::int * $2::int";

        assertThat(session.parameterTypes(sql)).containsOnlyKeys(Parameter.positional(1), Parameter.positional(2));
        assertThat(single(execute(sql, "1", "3"))).isEqualTo("10");
    }

    @Test
    void placeholdersInStringsCommentsAndIdentifiersAreLeftAlone() throws Exception {
        String sql = "SELECT '$1' || $1 AS \"$2\" -- $3\n";

        RowsResult rows = (RowsResult) execute(sql, "x");

        assertThat(rows.columns()).extracting(Column::name).containsExactly("$2");
        assertThat(rows.rows().get(0)).containsExactly("$1x");
    }

    @Test
    void theJsonbQuestionMarkOperatorWorksBesideAParameter() throws Exception {
        assertThat(single(execute("SELECT '{\"a\":1}'::jsonb ? $1", "a"))).isEqualTo("t");
        assertThat(single(execute("SELECT '{\"a\":1}'::jsonb ?| array['b', $1]", "a")))
                .isEqualTo("t");
        assertThat(single(run(StatementBinding.withoutParameters("SELECT '{\"a\":1}'::jsonb ? 'a'"))))
                .isEqualTo("t");
    }

    @Test
    void namedParametersBindByName() throws Exception {
        // Each occurrence is its own server parameter after the rewrite, so the one in IS NULL needs a cast.
        String sql =
                "SELECT count(*) FROM binding_users WHERE id = :id AND (status = :status OR :status::text IS NULL)";
        Map<Parameter, String> types = session.parameterTypes(sql);
        Map<Parameter, ParameterValue> values = new LinkedHashMap<>();
        values.put(Parameter.named("id"), ParameterValues.convert("42", types.get(Parameter.named("id")), ":id"));
        values.put(Parameter.named("status"), ParameterValue.nullOf("text"));

        assertThat(single(run(StatementBinding.bind(sql, values)))).isEqualTo("2");
    }

    @Test
    void aMissingValueIsNamed() {
        assertThatThrownBy(() -> StatementBinding.bind(
                        "SELECT $1, $2", Map.of(Parameter.positional(1), ParameterValue.nullOf("text"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No value for $2: enter a value or mark it NULL.");
    }

    @Test
    void aBadValueIsRefusedWithTheServersTypeBeforeAnythingRuns() throws Exception {
        String sql = "INSERT INTO binding_orders (user_id, total, status) VALUES ($1, $2, $3)";

        assertThatThrownBy(() -> execute(sql, "abc", "1", "x"))
                .isInstanceOf(ParameterValueException.class)
                .hasMessage("$1 expects integer: \"abc\" is not a number");
        assertThat(single(run(StatementBinding.withoutParameters("SELECT count(*) FROM binding_orders"))))
                .isEqualTo("0");
    }

    /** Types from the server, values converted in parameter order, then executed. */
    private StatementResult execute(String sql, String... texts) throws Exception {
        Map<Parameter, String> types = session.parameterTypes(sql);
        List<Parameter> parameters = List.copyOf(types.keySet());
        Map<Parameter, ParameterValue> values = new LinkedHashMap<>();
        for (int i = 0; i < texts.length; i++) {
            Parameter parameter = parameters.get(i);
            values.put(parameter, ParameterValues.convert(texts[i], types.get(parameter), parameter.label()));
        }
        return run(StatementBinding.bind(sql, values));
    }

    private StatementResult run(BoundStatement statement) {
        return session.execute(
                statement, QuerySession.DEFAULT_TIMEOUT, new CancellationToken(), ExecutionListener.NONE);
    }
}
