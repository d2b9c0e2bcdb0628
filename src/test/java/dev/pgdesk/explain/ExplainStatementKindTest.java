package dev.pgdesk.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements EXPLAIN takes, and which of them change data when ANALYZE runs them. */
class ExplainStatementKindTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "UPDATE accounts SET balance = 0 WHERE id = $1|UPDATE",
                "/* note */ insert into t values (1)|INSERT",
                "DELETE FROM t|DELETE",
                "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE|MERGE",
                "WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone|DELETE",
                "WITH x AS (SELECT 1) UPDATE t SET a = 1|UPDATE",
                "SELECT * INTO copy_of_t FROM t|SELECT INTO",
                "CREATE TABLE t2 AS SELECT * FROM t|CREATE TABLE AS",
                "CREATE MATERIALIZED VIEW mv AS SELECT 1|CREATE MATERIALIZED VIEW",
                "EXECUTE prepared_one(1)|EXECUTE"
            })
    void dataModifyingStatementsAreRecognisedByTheirCommand(String statement, String command) {
        assertThat(StatementKind.modifyingCommand(statement)).contains(command);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * FROM t WHERE note = 'UPDATE t SET x = 1'",
                "SELECT * FROM t FOR UPDATE",
                "WITH x AS (SELECT * FROM t FOR NO KEY UPDATE) SELECT * FROM x",
                "SELECT \"delete\" FROM t",
                "SELECT (SELECT max(id) INTO FROM t)",
                "VALUES (1), (2)",
                "TABLE t"
            })
    void statementsThatOnlyReadAreNotTakenForWrites(String statement) {
        assertThat(StatementKind.modifyingCommand(statement)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "select 1",
                "(SELECT 1) UNION (SELECT 2)",
                "/* c */ WITH x AS (SELECT 1) SELECT * FROM x",
                "CREATE TABLE t2 AS SELECT 1",
                "DECLARE c CURSOR FOR SELECT 1"
            })
    void statementsWithAPlanAreAccepted(String statement) {
        assertThatCode(() -> StatementKind.requireExplainable(statement)).doesNotThrowAnyException();
    }

    @Test
    void statementsWithoutAPlanAreRefusedNamingTheCommand() {
        assertThatThrownBy(() -> StatementKind.requireExplainable("ALTER TABLE t ADD COLUMN c int"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALTER statements have no plan")
                .hasMessageContaining("SELECT, INSERT, UPDATE, DELETE");
        assertThatThrownBy(() -> StatementKind.requireExplainable("EXPLAIN SELECT 1"))
                .hasMessageContaining("an EXPLAIN already");
        assertThatThrownBy(() -> StatementKind.requireExplainable("  -- nothing\n"))
                .hasMessageContaining("no statement");
    }
}
