package dev.pgdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.sql.Parameter;
import dev.pgdesk.task.CancellationToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class ScriptRunnerTest {
    private static QueryTestSupport support;

    @BeforeAll
    static void setUp() throws Exception {
        support = new QueryTestSupport();
        QueryTestSupport.alice(
                "DROP TABLE IF EXISTS alice.script_items",
                "CREATE TABLE alice.script_items (id int PRIMARY KEY, label text)");
    }

    @AfterAll
    static void tearDown() {
        support.close();
    }

    @Test
    void eachStatementRunsInOrderWithOneResultEach() throws Exception {
        QuerySession session = support.session("script-order");
        String script = "DELETE FROM script_items;\n"
                + "INSERT INTO script_items VALUES ($1, $2), ($1 + 1, $2);\n"
                + "SELECT count(*) AS n, min(label) AS label FROM script_items WHERE id >= $1";
        ScriptPlan plan = ScriptPlan.ofScript(script);
        Map<Parameter, String> types = ScriptRunner.parameterTypes(session, plan);
        List<Integer> started = new ArrayList<>();

        ScriptRun run = ScriptRunner.run(
                session,
                plan,
                Map.of(
                        Parameter.positional(1), ParameterValues.convert("7", types.get(Parameter.positional(1)), "$1"),
                        Parameter.positional(2),
                                ParameterValues.convert("x", types.get(Parameter.positional(2)), "$2")),
                Duration.ofSeconds(10),
                new CancellationToken(),
                new ScriptListener() {
                    @Override
                    public void started(int index, dev.pgdesk.sql.ScriptStatement statement) {
                        started.add(index);
                    }
                });

        assertThat(types).containsEntry(Parameter.positional(1), "int4").containsEntry(Parameter.positional(2), "text");
        assertThat(started).containsExactly(0, 1, 2);
        assertThat(run.failed()).isFalse();
        assertThat(run.outcomes().get(1).result())
                .isInstanceOfSatisfying(
                        UpdateResult.class,
                        update -> assertThat(update.rowsAffected()).isEqualTo(2));
        RowsResult rows = (RowsResult) run.outcomes().get(2).result();
        assertThat(rows.rows()).hasSize(1);
        assertThat(rows.rows().get(0)).containsExactly("2", "x");
    }

    @Test
    void theRunStopsAtTheFirstErrorAndItsPositionMapsIntoTheScript() throws Exception {
        QuerySession session = support.session("script-error");
        String script = "SELECT 1;\nSELECT * FROM no_such_table;\nSELECT 3;";

        ScriptRun run = ScriptRunner.run(
                session,
                ScriptPlan.ofScript(script),
                Map.of(),
                Duration.ofSeconds(10),
                new CancellationToken(),
                ScriptListener.NONE);

        assertThat(run.failed()).isTrue();
        assertThat(run.outcomes()).hasSize(2);
        assertThat(run.notRun()).isEqualTo(1);
        assertThat(((ServerError) run.outcomes().get(1).result()).sqlState()).isEqualTo("42P01");
        assertThat(run.outcomes().get(1).errorOffset()).hasValue(script.indexOf("no_such_table"));
    }

    @Test
    void aStreamedRunReturnsSmallResultsWholeAndOpensACursorForBigOnes() throws Exception {
        QuerySession session = support.session("script-stream");
        ScriptPlan plan = ScriptPlan.ofScript(
                "SELECT g FROM generate_series(1, 40) g;\nSELECT g FROM generate_series(1, 25000) g");

        ScriptRun run = ScriptRunner.run(
                session, plan, Map.of(), Duration.ofSeconds(10), new CancellationToken(), ScriptListener.NONE, 100);

        assertThat(run.outcomes().get(0).result())
                .isInstanceOfSatisfying(
                        RowsResult.class, rows -> assertThat(rows.rows()).hasSize(40));
        StreamedRows streamed = (StreamedRows) run.outcomes().get(1).result();
        assertThat(streamed.firstRows()).hasSize(100);
        long rest = 0;
        for (List<Object[]> batch = streamed.cursor().next(5000);
                !batch.isEmpty();
                batch = streamed.cursor().next(5000)) {
            rest += batch.size();
        }
        streamed.cursor().close();
        assertThat(rest).isEqualTo(24_900);
        assertThat(session.transactionState()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void aMissingValueSendsNothing() throws Exception {
        QuerySession session = support.session("script-missing");
        QueryTestSupport.alice("DELETE FROM alice.script_items");
        ScriptPlan plan = ScriptPlan.ofScript("INSERT INTO script_items VALUES (1, 'a'); SELECT $1");

        assertThatThrownBy(() -> ScriptRunner.run(
                        session, plan, Map.of(), Duration.ZERO, new CancellationToken(), ScriptListener.NONE))
                .hasMessageContaining("No value for $1");
        RowsResult count = (RowsResult) QueryTestSupport.run(session, "SELECT count(*) FROM script_items");
        assertThat(count.rows().get(0)[0]).isEqualTo("0");
    }

    @Test
    void aParameterOfATableTheScriptCreatesIsLeftForTheUserToType() throws Exception {
        QuerySession session = support.session("script-describe");
        ScriptPlan plan =
                ScriptPlan.ofScript("CREATE TEMP TABLE later_items (id int);\nINSERT INTO later_items VALUES ($1)");

        assertThat(ScriptRunner.parameterTypes(session, plan))
                .containsExactly(Map.entry(Parameter.positional(1), ScriptRunner.UNKNOWN_TYPE));
    }
}
