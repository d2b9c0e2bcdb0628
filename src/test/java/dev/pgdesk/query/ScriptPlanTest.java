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

    @Test
    void aMetaCommandAfterASemicolonRefusesTheRunBeforeTheStatementBeforeIt() {
        assertThatThrownBy(() -> ScriptPlan.ofScript("select 1;\ncreate table mc(x int); \\copy mc from stdin"))
                .isInstanceOfSatisfying(
                        UnsupportedStatementException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("Line 2: \\copy is a psql meta-command");
        assertThatThrownBy(() -> ScriptPlan.ofScript("select 1 \\gx"))
                .hasMessageContaining("\\gx is a psql meta-command");
    }

    @Test
    void aNulCharacterAnywhereRefusesTheRunNamingItsLine() {
        assertThatThrownBy(() -> ScriptPlan.ofScript("select 1;\n-- a comment\u0000\nselect 2;"))
                .isInstanceOfSatisfying(
                        UnsupportedStatementException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("Line 2: the SQL holds a NUL character");
    }

    @Test
    void anythingLeftOpenAtTheEndRefusesTheRunWithWhatToClose() {
        assertThatThrownBy(() -> ScriptPlan.ofScript("select 1;\n\nselect 'abc;\nselect 2;"))
                .isInstanceOfSatisfying(
                        UnsupportedStatementException.class,
                        e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("Line 3: the string that starts here ('abc;) is never closed");
        assertThatThrownBy(() -> ScriptPlan.ofScript("select \"name;"))
                .hasMessageContaining("Line 1: the quoted name that starts here (\"name;) is never closed");
        assertThatThrownBy(() -> ScriptPlan.ofScript("do $body$ begin perform 1; end $bod$;"))
                .hasMessageContaining("starts here with $body$ is never closed: end it with the same $body$");
        assertThatThrownBy(() -> ScriptPlan.ofScript("select 1;\n/* outer /* inner */ still open"))
                .hasMessageContaining("Line 2: the comment that starts here with /* is never closed");
    }

    @Test
    void aStringOnlyTheSessionsSettingClosesIsReadAsTheSessionReadsIt() {
        String script = "select 'a\\';";

        assertThat(ScriptPlan.ofScript(script, true).statements()).hasSize(1);
        assertThatThrownBy(() -> ScriptPlan.ofScript(script, false))
                .hasMessageContaining("or with standard_conforming_strings off, a backslash before a quote escapes it");
    }

    @Test
    void theRestOfAScriptCanBeReadAgainWithTheSessionsRealSetting() {
        // Read with the setting on, line 2 is two statements; with it off, one string up to the last quote.
        String script = "select set_config('standard_conforming_strings', 'off', false);\n"
                + "select '\\' as x; select '' as y; -- '";
        ScriptPlan plan = ScriptPlan.ofScript(script);
        assertThat(plan.statements())
                .extracting(ScriptStatement::text)
                .containsExactly(
                        "select set_config('standard_conforming_strings', 'off', false)",
                        "select '\\' as x",
                        "select '' as y");

        ScriptPlan rest = plan.remainderFrom(1, false);

        assertThat(rest.statements())
                .extracting(ScriptStatement::text)
                .containsExactly("select '\\' as x; select '' as y; -- '");
        assertThat(rest.statements().get(0).start()).isEqualTo(script.indexOf("select '"));
        assertThat(rest.statements().get(0).standardConformingStrings()).isFalse();
    }

    @Test
    void theStatementUnderTheCaretIgnoresAnOpenStringAfterIt() {
        String script = "select 1;\nselect 'open";

        assertThat(ScriptPlan.atCaret(script, 2).orElseThrow().statements())
                .extracting(ScriptStatement::text)
                .containsExactly("select 1");
        assertThatThrownBy(() -> ScriptPlan.atCaret(script, script.length())).hasMessageContaining("never closed");
    }
}
