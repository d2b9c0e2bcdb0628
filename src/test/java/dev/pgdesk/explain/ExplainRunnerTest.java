package dev.pgdesk.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.ExecutionListener;
import dev.pgdesk.query.ParameterValue;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.StatementResult;
import dev.pgdesk.query.TransactionState;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN and EXPLAIN ANALYZE through an editor session against a real server, on tables of this class's
 * own: 5,000 customers and 100,000 orders (20 per customer), primary keys only, analysed.
 */
@Tag("server")
class ExplainRunnerTest {
    private static final String SUFFIX =
            UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final String CUSTOMERS = "explain_customers_" + SUFFIX;
    static final String ORDERS = "explain_orders_" + SUFFIX;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static PoolManager pools;
    private QuerySession session;
    private ExplainRunner runner;

    @BeforeAll
    static void createTables() throws SQLException {
        createSampleTables(CUSTOMERS, ORDERS);
        pools = new PoolManager();
    }

    /** Creates the two tables and analyses them; used by the CLI test too. */
    static void createSampleTables(String customers, String orders) throws SQLException {
        superuser(
                "CREATE TABLE " + customers + " (id int PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO " + customers + " SELECT i, 'customer ' || i FROM generate_series(1, 5000) i",
                "CREATE TABLE " + orders + " (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES " + customers
                        + ", amount numeric NOT NULL, note text)",
                "INSERT INTO " + orders
                        + " SELECT i, i % 5000 + 1, i % 97, 'note ' || i FROM generate_series(1, 100000) i",
                // Plans stay the same whatever the machine: no parallel workers.
                "ALTER TABLE " + orders + " SET (parallel_workers = 0)",
                "ANALYZE " + customers + ", " + orders);
    }

    @AfterAll
    static void dropTables() throws SQLException {
        pools.close();
        superuser("DROP TABLE IF EXISTS " + ORDERS + ", " + CUSTOMERS);
    }

    @BeforeEach
    void openSession() throws SQLException {
        TestServer server = TestServer.shared();
        session = new QuerySession(pools.open(
                server.profile(TestServer.SUPERUSER)
                        .name("explain-" + UUID.randomUUID())
                        .applicationName("pgdesk-explain-test")
                        .build(),
                server.password(TestServer.SUPERUSER)));
        runner = new ExplainRunner(session);
    }

    @AfterEach
    void closeSession() {
        session.close();
    }

    static void superuser(String... sql) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static String scalar(String sql) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private ExplainOutcome explain(String sql, ExplainMode mode, ParameterValue... values) {
        Map<Parameter, ParameterValue> bound = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            bound.put(Parameter.positional(i + 1), values[i]);
        }
        return runner.explain(sql, bound, mode, TIMEOUT, new CancellationToken());
    }

    private static ExplainedPlan planOf(ExplainOutcome outcome) {
        if (outcome instanceof ExplainFailure failure) {
            throw new AssertionError("EXPLAIN failed: " + failure.error().message());
        }
        return (ExplainedPlan) outcome;
    }

    private static ParameterValue integer(int value) {
        return new ParameterValue("integer", value);
    }

    private StatementResult run(String sql) {
        return session.execute(BoundStatement.of(sql), TIMEOUT, new CancellationToken(), ExecutionListener.NONE);
    }

    @Test
    void aBoundParameterIsPlannedWithItsValueAndUsesThePrimaryKey() {
        ExplainedPlan explained =
                planOf(explain("SELECT * FROM " + ORDERS + " WHERE id = $1", ExplainMode.PLAN, integer(4242)));

        PlanNode root = explained.plan().root();
        assertThat(root.nodeType()).isEqualTo("Index Scan");
        assertThat(root.indexName()).isEqualTo(ORDERS + "_pkey");
        assertThat(root.conditions().indexCond()).contains("4242");
        assertThat(explained.plan().analyzed()).isFalse();
        assertThat(explained.rolledBack()).isFalse();
        assertThat(explained.rollbackMessage()).isEmpty();
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void aSeqScanOfTheBigTableIsPointedOutWithTheColumnToIndex() {
        ExplainedPlan measured =
                planOf(explain("SELECT * FROM " + ORDERS + " WHERE customer_id = $1", ExplainMode.ANALYZE, integer(7)));
        ExplainedPlan estimated =
                planOf(explain("SELECT * FROM " + ORDERS + " WHERE customer_id = $1", ExplainMode.PLAN, integer(7)));

        assertThat(measured.plan().root().nodeType()).isEqualTo("Seq Scan");
        assertThat(measured.analysis().of(measured.plan().root()).marks())
                .extracting(PlanMark::message)
                .contains(
                        "Seq Scan on " + ORDERS + " reads 100,000 rows to keep 20: an index on (customer_id) may help");
        assertThat(estimated.analysis().of(estimated.plan().root()).marks())
                .filteredOn(mark -> mark.kind() == MarkKind.LARGE_SEQ_SCAN)
                .singleElement()
                .extracting(PlanMark::message)
                .asString()
                .startsWith("Seq Scan on " + ORDERS + " reads about 100,000 rows to keep about ")
                .endsWith("(estimated): an index on (customer_id) may help");
    }

    @Test
    void joinsShowAsHashJoinOrNestedLoopAsThePlannerChoosesThem() {
        ExplainedPlan hash = planOf(explain(
                "SELECT c.name, sum(o.amount) FROM " + ORDERS + " o JOIN " + CUSTOMERS
                        + " c ON c.id = o.customer_id GROUP BY c.name",
                ExplainMode.PLAN));
        ExplainedPlan nested = planOf(explain(
                "SELECT * FROM " + CUSTOMERS + " c JOIN " + ORDERS + " o ON o.customer_id = c.id WHERE c.id = $1",
                ExplainMode.PLAN,
                integer(3)));

        assertThat(hash.plan().nodes()).extracting(PlanNode::nodeType).contains("Hash Join", "Hash", "Seq Scan");
        assertThat(nested.plan().nodes()).extracting(PlanNode::nodeType).contains("Nested Loop", "Index Scan");
        assertThat(nested.plan().nodes())
                .filteredOn(node -> node.nodeType().equals("Index Scan"))
                .extracting(PlanNode::relationName)
                .containsExactly(CUSTOMERS);
    }

    @Test
    void analyzeReportsActualsBuffersAndTimesAndMarksTheExpensiveNodes() {
        ExplainedPlan explained = planOf(explain(
                "SELECT c.name, sum(o.amount) FROM " + ORDERS + " o JOIN " + CUSTOMERS
                        + " c ON c.id = o.customer_id GROUP BY c.name",
                ExplainMode.ANALYZE));

        Plan plan = explained.plan();
        assertThat(plan.analyzed()).isTrue();
        assertThat(plan.executionMillis()).isPositive();
        assertThat(plan.planningMillis()).isPositive();
        assertThat(plan.nodes()).allSatisfy(node -> {
            assertThat(node.actuals()).isNotNull();
            assertThat(node.buffers()).isNotNull();
        });
        assertThat(plan.root().actuals().rows()).isEqualTo(5000);
        PlanAnalysis analysis = explained.analysis();
        assertThat(analysis.byTime()).isTrue();
        NodeAnalysis largest = analysis.nodes().stream()
                .max(Comparator.comparingDouble(NodeAnalysis::share))
                .orElseThrow();
        List<NodeAnalysis> expensive = analysis.nodes().stream()
                .filter(node -> node.has(MarkKind.EXPENSIVE))
                .toList();
        assertThat(largest.has(MarkKind.EXPENSIVE)).isTrue();
        assertThat(expensive)
                .hasSizeLessThanOrEqualTo(3)
                .allSatisfy(node -> assertThat(node.share()).isGreaterThanOrEqualTo(PlanAnalyzer.EXPENSIVE_SHARE));
        PlanNode ordersScan = plan.nodes().stream()
                .filter(node -> ORDERS.equals(node.relationName()))
                .findFirst()
                .orElseThrow();
        assertThat(analysis.of(ordersScan).marks())
                .extracting(PlanMark::message)
                .contains("Seq Scan on " + ORDERS
                        + " o reads all 100,000 rows: expected when the query needs the whole table");
        // A SELECT runs in a rolled-back transaction too, but there is nothing to tell the user.
        assertThat(explained.rolledBack()).isTrue();
        assertThat(explained.rollbackMessage()).isEmpty();
    }

    @Test
    void analyzeOfAnUpdateLeavesTheDataUnchangedAndSaysSo() throws SQLException {
        String before = scalar("SELECT sum(amount) FROM " + ORDERS);

        ExplainedPlan explained = planOf(explain(
                "UPDATE " + ORDERS + " SET amount = amount + $1 WHERE customer_id = $2",
                ExplainMode.ANALYZE,
                new ParameterValue("numeric", new java.math.BigDecimal("5")),
                integer(3)));

        assertThat(explained.plan().root().title()).isEqualTo("Update on " + ORDERS);
        assertThat(explained.plan().root().actuals()).isNotNull();
        assertThat(explained.rolledBack()).isTrue();
        assertThat(explained.modifyingCommand()).isEqualTo("UPDATE");
        assertThat(explained.rollbackMessage())
                .contains(
                        "EXPLAIN ANALYZE ran the UPDATE inside a transaction that was rolled back; nothing was changed.");
        assertThat(scalar("SELECT sum(amount) FROM " + ORDERS)).isEqualTo(before);
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
        assertThat(session.isPinned()).isFalse();
    }

    @Test
    void analyzeOfAnInsertReportsTheForeignKeyTriggerAndKeepsNothing() throws SQLException {
        ExplainedPlan explained = planOf(
                explain("INSERT INTO " + ORDERS + " VALUES ($1, 1, 1, 'x')", ExplainMode.ANALYZE, integer(1_000_001)));

        assertThat(explained.plan().triggers()).singleElement().satisfies(trigger -> {
            assertThat(trigger.name()).startsWith("RI_ConstraintTrigger");
            assertThat(trigger.calls()).isEqualTo(1);
        });
        assertThat(PlanText.render(explained)).contains("Trigger RI_ConstraintTrigger");
        assertThat(scalar("SELECT count(*) FROM " + ORDERS + " WHERE id = 1000001"))
                .isEqualTo("0");
    }

    @Test
    void insideTheTabsTransactionAnalyzeRollsBackToASavepointAndKeepsTheTabsWork() {
        assertThat(run("BEGIN")).isNotInstanceOf(ServerError.class);
        assertThat(run("INSERT INTO " + CUSTOMERS + " VALUES (900001, 'mine')")).isNotInstanceOf(ServerError.class);

        ExplainOutcome delete =
                explain("DELETE FROM " + CUSTOMERS + " WHERE id = $1", ExplainMode.ANALYZE, integer(900001));
        ExplainOutcome broken = explain("SELECT no_such_column FROM " + CUSTOMERS, ExplainMode.PLAN);

        assertThat(planOf(delete).rollbackMessage()).isPresent();
        assertThat(broken).isInstanceOf(ExplainFailure.class);
        assertThat(session.transactionState()).isEqualTo(TransactionState.IN_TRANSACTION);
        StatementResult mine = run("SELECT count(*) FROM " + CUSTOMERS + " WHERE id = 900001");
        assertThat(((RowsResult) mine).rows().get(0)[0]).isEqualTo("1");
        assertThat(run("ROLLBACK")).isNotInstanceOf(ServerError.class);
    }

    @Test
    void inAFailedTransactionTheServerRefusesAndNothingIsRolledBackBehindTheUsersBack() {
        assertThat(run("BEGIN")).isNotInstanceOf(ServerError.class);
        assertThat(run("SELECT 1 / 0")).isInstanceOf(ServerError.class);

        ExplainOutcome outcome = explain("SELECT * FROM " + CUSTOMERS, ExplainMode.ANALYZE);

        assertThat(outcome).isInstanceOfSatisfying(ExplainFailure.class, failure -> {
            assertThat(failure.error().sqlState()).isEqualTo(ServerError.IN_FAILED_TRANSACTION);
            assertThat(failure.rolledBack()).isFalse();
        });
        assertThat(session.transactionState()).isEqualTo(TransactionState.FAILED);
        assertThat(run("ROLLBACK")).isNotInstanceOf(ServerError.class);
    }

    @Test
    void aNullParameterIsBoundAsNull() {
        ExplainedPlan explained = planOf(explain(
                "SELECT * FROM " + ORDERS + " WHERE customer_id IS DISTINCT FROM $1",
                ExplainMode.ANALYZE,
                ParameterValue.nullOf("integer")));

        assertThat(explained.plan().root().actuals().rows()).isEqualTo(100_000);
    }

    @Test
    void plainExplainOfAnUpdateDoesNotRunIt() throws SQLException {
        String before = scalar("SELECT sum(amount) FROM " + ORDERS);

        ExplainedPlan explained =
                planOf(explain("UPDATE " + ORDERS + " SET amount = 0 WHERE id = $1", ExplainMode.PLAN, integer(5)));

        assertThat(explained.plan().root().operation()).isEqualTo("Update");
        assertThat(explained.plan().root().actuals()).isNull();
        assertThat(explained.rolledBack()).isFalse();
        assertThat(explained.rollbackMessage()).isEmpty();
        assertThat(scalar("SELECT sum(amount) FROM " + ORDERS)).isEqualTo(before);
    }

    @Test
    void aServerErrorPointsIntoTheStatementAsWritten() {
        String sql = "SELECT idd FROM " + ORDERS;

        ExplainOutcome outcome = explain(sql, ExplainMode.ANALYZE);

        assertThat(outcome).isInstanceOfSatisfying(ExplainFailure.class, failure -> {
            assertThat(failure.error().sqlState()).isEqualTo("42703");
            assertThat(failure.error().position()).isEqualTo(sql.indexOf("idd") + 1);
            assertThat(failure.rolledBack()).isTrue();
        });
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void theStatementTimeoutStopsAnalyzeAndTheTransactionIsRolledBack() {
        ExplainOutcome outcome = runner.explain(
                "UPDATE " + ORDERS + " SET note = 'slow' WHERE pg_sleep(3) IS NOT NULL AND id = 1",
                Map.of(),
                ExplainMode.ANALYZE,
                Duration.ofSeconds(1),
                new CancellationToken());

        assertThat(outcome).isInstanceOfSatisfying(ExplainFailure.class, failure -> {
            assertThat(failure.error().sqlState()).isEqualTo(ServerError.QUERY_CANCELED);
            assertThat(failure.error().message()).contains("statement timeout");
        });
        assertThat(outcome.rollbackMessage()).contains(ExplainOutcome.rollbackMessage("UPDATE"));
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void cancellingStopsAnalyzeOnTheServer() throws Exception {
        CancellationToken token = new CancellationToken();
        CompletableFuture<ExplainOutcome> running = CompletableFuture.supplyAsync(
                () -> runner.explain("SELECT pg_sleep(10)", Map.of(), ExplainMode.ANALYZE, TIMEOUT, token));
        Thread.sleep(500);

        token.cancel();
        ExplainOutcome outcome = running.get(5, TimeUnit.SECONDS);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ExplainFailure.class,
                        failure -> assertThat(failure.error().message()).isEqualTo("canceled by the user"));
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void moreThanOneStatementOrOneWithoutAPlanIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> explain("SELECT 1; SELECT 2", ExplainMode.PLAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EXPLAIN takes one statement, but the text holds 2: select the one to explain.");
        assertThatThrownBy(() -> explain("DROP TABLE " + ORDERS, ExplainMode.ANALYZE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DROP statements have no plan");
        assertThatThrownBy(() -> explain("SELECT * FROM " + ORDERS + " WHERE id = $1", ExplainMode.PLAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No value for $1");
    }
}
