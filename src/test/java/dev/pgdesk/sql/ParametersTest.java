package dev.pgdesk.sql;

import static dev.pgdesk.sql.Parameter.named;
import static dev.pgdesk.sql.Parameter.positional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
