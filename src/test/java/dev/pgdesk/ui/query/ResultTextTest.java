package dev.pgdesk.ui.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.Column;
import dev.pgdesk.query.Notice;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.query.ScriptRun;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.StatementOutcome;
import dev.pgdesk.query.StatementResult;
import dev.pgdesk.query.TransactionState;
import dev.pgdesk.query.UpdateResult;
import dev.pgdesk.sql.ScriptStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTextTest {
    private static final String SCRIPT = "SELECT 1;\n\nUPDATE t SET a = 1;\nSELECT * FROM missing;";
    private static final List<ScriptStatement> STATEMENTS =
            ScriptPlan.ofScript(SCRIPT).statements();

    @Test
    void commandTagsCountRowsLikePsql() {
        assertThat(ResultText.commandTag(update("UPDATE", 0))).isEqualTo("UPDATE 0");
        assertThat(ResultText.commandTag(update("INSERT", 3))).isEqualTo("INSERT 3");
        assertThat(ResultText.commandTag(update("CREATE TABLE", 0))).isEqualTo("CREATE TABLE");
        assertThat(ResultText.rowCount(1)).isEqualTo("1 row");
        assertThat(ResultText.millis(Duration.ofMillis(1250))).isEqualTo("1.25 s");
    }

    @Test
    void aStatementsLinesNameItsLineThenItsNoticesAndErrorInFull() {
        ServerError error = new ServerError(
                "42P01",
                "relation \"missing\" does not exist",
                null,
                "Check the spelling.",
                15,
                List.of(),
                Duration.ZERO);
        RowsResult rows = new RowsResult(
                List.of(new Column("n", "int4")),
                List.<Object[]>of(new Object[] {1}),
                false,
                List.of(new Notice("NOTICE", "hello")),
                Duration.ofMillis(4));

        assertThat(ResultText.linesFor(outcome(0, rows), SCRIPT))
                .extracting(MessageLine::text)
                .containsExactly("NOTICE:  hello", "Statement 1 (line 1): 1 row in 4 ms");
        assertThat(ResultText.linesFor(outcome(2, error), SCRIPT))
                .extracting(MessageLine::text)
                .containsExactly(
                        "Statement 3 (line 4): ERROR 42P01: relation \"missing\" does not exist",
                        "HINT:  Check the spelling.",
                        "at line 4, marked in the editor");
    }

    @Test
    void theSummarySaysWhatTheTransactionNeeds() {
        ScriptRun updated = new ScriptRun(List.of(outcome(1, update("UPDATE", 2))), 0);
        ScriptRun failed = new ScriptRun(
                List.of(
                        outcome(0, update("UPDATE", 2)),
                        outcome(
                                1,
                                new ServerError("22012", "division by zero", null, null, 0, List.of(), Duration.ZERO))),
                1);

        assertThat(ResultText.summary(updated, TransactionState.IDLE)).isEqualTo("UPDATE 2");
        assertThat(ResultText.summary(updated, TransactionState.IN_TRANSACTION))
                .isEqualTo("UPDATE 2. A transaction is open: commit or roll back.");
        assertThat(ResultText.summary(failed, TransactionState.FAILED))
                .isEqualTo("Failed: ERROR 22012: division by zero. The transaction failed: statements are ignored"
                        + " until you roll back.");
    }

    private static UpdateResult update(String command, long rows) {
        return new UpdateResult(command, rows, List.of(), Duration.ofMillis(2));
    }

    private static StatementOutcome outcome(int index, StatementResult result) {
        ScriptStatement statement = STATEMENTS.get(index);
        return new StatementOutcome(index, statement, BoundStatement.of(statement.text()), result);
    }
}
