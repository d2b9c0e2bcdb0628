package dev.pgdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.sql.InvalidParametersException;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.ScriptStatement;
import org.junit.jupiter.api.Test;

class ScriptPlanTest {

    @Test
    void aScriptPlansEveryStatementWithOneEntryPerDistinctParameter() {
        String script = "SELECT $1;\nUPDATE t SET a = $2 WHERE id = $1;\nSELECT 1";

        ScriptPlan plan = ScriptPlan.ofScript(script);

        assertThat(plan.statements())
                .extracting(ScriptStatement::text)
                .containsExactly("SELECT $1", "UPDATE t SET a = $2 WHERE id = $1", "SELECT 1");
        assertThat(plan.parameters()).containsExactly(Parameter.positional(1), Parameter.positional(2));
    }

    @Test
    void aSelectionKeepsOffsetsIntoTheWholeScript() {
        String script = "SELECT 1;\nSELECT 2;\nSELECT 3;";
        int start = script.indexOf("SELECT 2");

        ScriptPlan plan = ScriptPlan.ofRange(script, start, script.length());

        assertThat(plan.statements()).hasSize(2);
        ScriptStatement second = plan.statements().get(0);
        assertThat(script.substring(second.start(), second.end())).isEqualTo("SELECT 2");
    }

    @Test
    void theStatementUnderTheCaretIsPlannedAlone() {
        String script = "SELECT 1;\nSELECT :id;\n";

        ScriptPlan plan = ScriptPlan.atCaret(script, script.indexOf(":id")).orElseThrow();

        assertThat(plan.statements()).extracting(ScriptStatement::text).containsExactly("SELECT :id");
        assertThat(plan.parameters()).containsExactly(Parameter.named("id"));
        assertThat(ScriptPlan.atCaret("  -- nothing\n", 3)).isEmpty();
    }

    @Test
    void aMetaCommandRefusesTheWholeRunNamingItsLine() {
        String script = "SELECT 1;\n\\d users\nSELECT 2;";

        assertThatThrownBy(() -> ScriptPlan.ofScript(script))
                .isInstanceOfSatisfying(
                        UnsupportedStatementException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("Line 2: \\d is a psql meta-command");
    }

    @Test
    void aCopyThroughTheClientIsRefusedButAServerSideCopyIsNot() {
        assertThatThrownBy(() -> ScriptPlan.ofScript("SELECT 1;\nCOPY users TO STDOUT WITH (FORMAT csv)"))
                .isInstanceOf(UnsupportedStatementException.class)
                .hasMessageStartingWith("Line 2: COPY … FROM STDIN and COPY … TO STDOUT");
        assertThat(ScriptPlan.ofScript("COPY users FROM '/tmp/users.csv'; SELECT 'stdin'")
                        .statements())
                .hasSize(2);
    }

    @Test
    void mixingParameterStylesInOneStatementIsRefused() {
        assertThatThrownBy(() -> ScriptPlan.ofScript("SELECT $1, :name"))
                .isInstanceOf(InvalidParametersException.class);
    }
}
