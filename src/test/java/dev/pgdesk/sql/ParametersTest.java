package dev.pgdesk.sql;

import static dev.pgdesk.sql.Parameter.named;
import static dev.pgdesk.sql.Parameter.positional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.core.Parser;

class ParametersTest {

    @Test
    void statementWithoutParametersHasNone() {
        ParameterScan scan = Parameters.scan("SELECT 1");
        assertThat(scan.style()).isEqualTo(ParameterStyle.NONE);
        assertThat(scan.hasParameters()).isFalse();
    }

    @Test
    void positionalParametersAreDistinctAndSortedByNumber() {
        ParameterScan scan = Parameters.scan("SELECT $3, $1, $3, $10, $2");
        assertThat(scan.style()).isEqualTo(ParameterStyle.POSITIONAL);
        assertThat(scan.parameters()).containsExactly(positional(1), positional(2), positional(3), positional(10));
    }

    @Test
    void namedParametersAreDistinctInOrderOfFirstUse() {
        ParameterScan scan = Parameters.scan("SELECT * FROM t WHERE b = :status AND a = :id OR c = :status");
        assertThat(scan.style()).isEqualTo(ParameterStyle.NAMED);
        assertThat(scan.parameters()).extracting(Parameter::label).containsExactly(":status", ":id");
    }

    @Test
    void placeholdersInStringsCommentsQuotedNamesAndDollarBodiesDoNotCount() {
        String sql = "SELECT '$1 :a', E'\\' $2', \"$3\", $$ $4 :b $$, $f$ ? $f$ /* $5 /* :c */ */ -- $6 :d\n, a$7";
        assertThat(Parameters.scan(sql).hasParameters()).isFalse();
        assertThat(Parameters.rewriteForJdbc(sql).sql()).isEqualTo(sql);
    }

    @Test
    void castsAreNotNamedParameters() {
        assertThat(Parameters.scan("SELECT x::int, '1'::text").hasParameters()).isFalse();
        assertThat(Parameters.scan("SELECT :v::int").parameters()).containsExactly(named("v"));
    }

    @Test
    void mixingStylesIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> Parameters.scan("SELECT $1, :name"))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessage("use either $1-style or :name-style parameters in one statement, not both");
        assertThatThrownBy(() -> Parameters.rewriteForJdbc("SELECT :name, $1")).hasMessage(Parameters.MIXED_STYLES);
    }

    @Test
    void dollarZeroAndHugeNumbersAreRejected() {
        assertThatThrownBy(() -> Parameters.scan("SELECT $0")).hasMessageContaining("numbered from $1");
        assertThatThrownBy(() -> Parameters.scan("SELECT $99999999999999999999"))
                .hasMessageContaining("limit of 65535");
        assertThat(Parameters.scan("SELECT $65535").parameters()).containsExactly(positional(65_535));
    }

    @Test
    void seedExamplesRewriteToPlaceholdersInOrder() {
        JdbcStatement select = Parameters.rewriteForJdbc("SELECT * FROM users WHERE id = $1 AND status = $2");
        assertThat(select.sql()).isEqualTo("SELECT * FROM users WHERE id = ? AND status = ?");
        assertThat(select.bindings()).containsExactly(positional(1), positional(2));

        JdbcStatement insert = Parameters.rewriteForJdbc(
                "INSERT INTO orders (user_id, total, status) VALUES ($1, $2, $3) RETURNING id, created_at");
        assertThat(insert.sql())
                .isEqualTo("INSERT INTO orders (user_id, total, status) VALUES (?, ?, ?) RETURNING id, created_at");
        assertThat(insert.placeholderCount()).isEqualTo(3);
    }

    @Test
    void parameterUsedTwiceBindsTheSameValueTwice() {
        JdbcStatement statement = Parameters.rewriteForJdbc("SELECT $2 + 1, $1, $2");
        assertThat(statement.sql()).isEqualTo("SELECT ? + 1, ?, ?");
        assertThat(statement.bindings()).containsExactly(positional(2), positional(1), positional(2));
        assertThat(statement.placeholderIndexOf(positional(2))).isEqualTo(1);
        assertThat(statement.placeholderIndexOf(positional(1))).isEqualTo(2);
        assertThat(statement.placeholderIndexOf(positional(9))).isEqualTo(-1);
    }

    @Test
    void namedParametersRewriteToPlaceholders() {
        JdbcStatement statement = Parameters.rewriteForJdbc("UPDATE t SET a = :a WHERE id = :id AND a <> :a");
        assertThat(statement.sql()).isEqualTo("UPDATE t SET a = ? WHERE id = ? AND a <> ?");
        assertThat(statement.bindings()).containsExactly(named("a"), named("id"), named("a"));
    }

    @Test
    void literalQuestionMarkOperatorsAreDoubledForTheDriver() {
        JdbcStatement statement = Parameters.rewriteForJdbc(
                "SELECT data ? 'k', data ?| array['a'], data ?& array['b'] FROM t WHERE id = $1 AND note = '?'");
        assertThat(statement.sql())
                .isEqualTo(
                        "SELECT data ?? 'k', data ??| array['a'], data ??& array['b'] FROM t WHERE id = ? AND note = '?'");
        assertThat(statement.bindings()).containsExactly(positional(1));
    }

    @Test
    void placeholderNextToAQuestionMarkOperatorStaysApart() {
        assertThat(Parameters.rewriteForJdbc("SELECT $1?'k'").sql()).isEqualTo("SELECT ? ??'k'");
        assertThat(Parameters.rewriteForJdbc("SELECT $1$2").sql()).isEqualTo("SELECT ? ?");
        assertThat(Parameters.rewriteForJdbc("SELECT d?$1").sql()).isEqualTo("SELECT d???");
    }

    @Test
    void labelsReadAsWritten() {
        assertThat(positional(3).label()).isEqualTo("$3");
        assertThat(named("status").label()).isEqualTo(":status");
    }

    @Test
    void invalidParameterValuesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> positional(0)).hasMessageContaining("from $1");
        assertThatThrownBy(() -> named("")).hasMessageContaining("needs a name");
    }

    @Test
    void driverTurnsTheRewrittenJsonbQueryBackIntoTheOriginalWithNativePlaceholders() throws SQLException {
        String sql = "SELECT d ? 'a', d ?| array['b'], '$1 ?' FROM t WHERE d @> $2::jsonb AND id = $1 AND n = $2";
        JdbcStatement statement = Parameters.rewriteForJdbc(sql);
        String nativeSql = Parser.parseJdbcSql(statement.sql(), true, true, true, false, false)
                .get(0)
                .nativeSql;
        assertThat(nativeSql)
                .isEqualTo(
                        "SELECT d ? 'a', d ?| array['b'], '$1 ?' FROM t WHERE d @> $1::jsonb AND id = $2 AND n = $3");
        assertThat(statement.bindings()).containsExactly(positional(2), positional(1), positional(2));
    }

    @Test
    void theArgumentsOfAFunctionBodyAreNotParametersOfTheScript() {
        String atomic = "CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\n"
                + "BEGIN ATOMIC SELECT $1 + $2; END";
        String returning = "create function inc(int) returns int language sql return $1 + 1";
        String procedure = "CREATE PROCEDURE p(x int) LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES ($1); END";

        for (String statement : List.of(atomic, returning, procedure)) {
            assertThat(Parameters.scan(statement).hasParameters()).as(statement).isFalse();
            JdbcStatement jdbc = Parameters.rewriteForJdbc(statement);
            assertThat(jdbc.sql()).as(statement).isEqualTo(statement);
            assertThat(jdbc.bindings()).isEmpty();
        }
    }

    @Test
    void thePlaceholdersOfAPreparedStatementBelongToIt() {
        assertThat(Parameters.scan("PREPARE p(int, text) AS SELECT $1, :x, $2").hasParameters())
                .isFalse();
        assertThat(Parameters.rewriteForJdbc("prepare q as select $1::jsonb ? 'a'")
                        .sql())
                .isEqualTo("prepare q as select $1::jsonb ?? 'a'");
        assertThat(Parameters.scan("EXECUTE p($1)").parameters()).containsExactly(Parameter.positional(1));
    }

    @Test
    void aStatementThatOnlyMentionsAFunctionStillHasItsParameters() {
        assertThat(Parameters.scan("SELECT create_function($1)").parameters()).containsExactly(Parameter.positional(1));
        assertThat(Parameters.scan("CREATE TABLE t AS SELECT $1::int AS x").parameters())
                .containsExactly(Parameter.positional(1));
    }
}
