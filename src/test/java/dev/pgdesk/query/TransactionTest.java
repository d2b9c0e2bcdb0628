package dev.pgdesk.query;

import static dev.pgdesk.query.QueryTestSupport.alice;
import static dev.pgdesk.query.QueryTestSupport.run;
import static dev.pgdesk.query.QueryTestSupport.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class TransactionTest {
    private QueryTestSupport support;
    private QuerySession session;

    @BeforeEach
    void openSession() throws SQLException {
        support = new QueryTestSupport();
        session = support.session("pgdesk-query-tx");
        alice(
                "DROP TABLE IF EXISTS accounts",
                "CREATE TABLE accounts (id int PRIMARY KEY, balance numeric NOT NULL CHECK (balance >= 0))",
                "INSERT INTO accounts VALUES (1, 100), (2, 50)");
    }

    @AfterEach
    void closeSession() {
        session.close();
        support.close();
    }

    @Test
    void aFailedTransferLeavesBothBalancesUnchanged() throws SQLException {
        assertThat(run(session, "BEGIN")).isInstanceOf(UpdateResult.class);
        assertThat(session.transactionState()).isEqualTo(TransactionState.IN_TRANSACTION);
        assertThat(run(session, "UPDATE accounts SET balance = balance + 150 WHERE id = 2"))
                .isInstanceOf(UpdateResult.class);
        StatementResult overdraw = run(session, "UPDATE accounts SET balance = balance - 150 WHERE id = 1");

        assertThat(overdraw)
                .isInstanceOfSatisfying(
                        ServerError.class, e -> assertThat(e.sqlState()).isEqualTo("23514"));
        assertThat(session.transactionState()).isEqualTo(TransactionState.FAILED);
        assertThat(run(session, "SELECT 1"))
                .isInstanceOfSatisfying(
                        ServerError.class, e -> assertThat(e.sqlState()).isEqualTo(ServerError.IN_FAILED_TRANSACTION));

        assertThat(session.rollback()).isEqualTo(TransactionEnd.ROLLED_BACK);

        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        assertThat(session.isPinned()).isFalse();
        assertThat(balances()).containsExactly("100", "50");
    }

    @Test
    void aScriptBeginPinsOneConnectionUntilCommit() throws SQLException {
        run(session, "BEGIN");
        Object pid = single(run(session, "SELECT pg_backend_pid()"));
        run(session, "UPDATE accounts SET balance = 0 WHERE id = 1");

        assertThat(single(run(session, "SELECT pg_backend_pid()"))).isEqualTo(pid);
        assertThat(balances()).as("not visible outside before commit").containsExactly("100", "50");
        assertThat(run(session, "COMMIT")).isInstanceOf(UpdateResult.class);

        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        assertThat(session.isPinned()).isFalse();
        assertThat(balances()).containsExactly("0", "50");
    }

    @Test
    void aScriptRollbackUndoesTheWork() throws SQLException {
        run(session, "START TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertThat(single(run(session, "SHOW transaction_isolation"))).isEqualTo("serializable");
        run(session, "DELETE FROM accounts");
        run(session, "ROLLBACK");

        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        assertThat(balances()).containsExactly("100", "50");
    }

    @Test
    void manualModeCommitsOnlyOnCommit() throws SQLException {
        session.setManualCommit(true);

        run(session, "UPDATE accounts SET balance = 1 WHERE id = 1");
        assertThat(session.transactionState()).isEqualTo(TransactionState.IN_TRANSACTION);
        assertThat(balances()).containsExactly("100", "50");
        assertThat(session.commit()).isEqualTo(TransactionEnd.COMMITTED);
        assertThat(balances()).containsExactly("1", "50");

        run(session, "UPDATE accounts SET balance = 2 WHERE id = 2");
        assertThat(session.rollback()).isEqualTo(TransactionEnd.ROLLED_BACK);
        assertThat(balances()).containsExactly("1", "50");
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void committingAFailedTransactionRollsItBackAndSaysSo() throws SQLException {
        session.setManualCommit(true);
        run(session, "UPDATE accounts SET balance = 7 WHERE id = 1");
        run(session, "SELECT 1/0");

        assertThat(session.transactionState()).isEqualTo(TransactionState.FAILED);
        assertThat(session.commit()).isEqualTo(TransactionEnd.ROLLED_BACK);
        assertThat(balances()).containsExactly("100", "50");
    }

    @Test
    void switchingToAutoCommitWithAnOpenTransactionIsRefused() {
        session.setManualCommit(true);
        run(session, "UPDATE accounts SET balance = 7 WHERE id = 1");

        assertThatThrownBy(() -> session.setManualCommit(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("commit or roll back");
        assertThat(session.isManualCommit()).isTrue();
    }

    @Test
    void closingWithAnOpenTransactionRollsBackAndReportsIt() throws SQLException {
        run(session, "BEGIN");
        run(session, "UPDATE accounts SET balance = 0");

        assertThat(session.close()).isEqualTo(TransactionEnd.ROLLED_BACK);
        assertThat(balances()).containsExactly("100", "50");
        assertThat(session.close()).isEqualTo(TransactionEnd.NOTHING_OPEN);
    }

    @Test
    void commitWithoutATransactionDoesNothing() throws SQLException {
        assertThat(session.commit()).isEqualTo(TransactionEnd.NOTHING_OPEN);
        assertThat(session.rollback()).isEqualTo(TransactionEnd.NOTHING_OPEN);
    }

    @Test
    void autoCommitStatementsCommitOneByOne() throws SQLException {
        run(session, "UPDATE accounts SET balance = 5 WHERE id = 1");

        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        assertThat(session.isPinned()).isFalse();
        assertThat(balances()).containsExactly("5", "50");
    }

    @Test
    void aReadOnlyProfileIsRefusedWritesByTheServer() throws SQLException {
        QuerySession readOnly = support.session("pgdesk-query-ro", true);

        StatementResult insert = run(readOnly, "INSERT INTO accounts VALUES (3, 1)");
        run(readOnly, "BEGIN");
        StatementResult inTransaction = run(readOnly, "DELETE FROM accounts");
        readOnly.close();

        assertThat(insert).isInstanceOfSatisfying(ServerError.class, e -> {
            assertThat(e.sqlState()).isEqualTo("25006");
            assertThat(e.message()).isEqualTo("cannot execute INSERT in a read-only transaction");
        });
        assertThat(inTransaction)
                .isInstanceOfSatisfying(
                        ServerError.class, e -> assertThat(e.sqlState()).isEqualTo("25006"));
        assertThat(balances()).containsExactly("100", "50");
    }

    private static List<String> balances() throws SQLException {
        try (Connection connection = QueryTestSupport.SERVER.connect("alice");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT balance FROM accounts ORDER BY id")) {
            List<String> balances = new ArrayList<>();
            while (rows.next()) {
                balances.add(rows.getBigDecimal(1).toPlainString());
            }
            return balances;
        }
    }
}
