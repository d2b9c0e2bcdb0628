package dev.pgdesk.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> texts(String script) {
        return StatementSplitter.split(script).stream()
                .map(ScriptStatement::text)
                .toList();
    }

    @Test
    void splitsAtSemicolonsAndKeepsATrailingStatementWithoutOne() {
        assertThat(texts("SELECT 1; SELECT 2;\nSELECT 3")).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void offsetsPointAtTheStatementInTheScript() {
        String script = "  SELECT 1;\n\n  UPDATE t SET a = 2 ;  ";
        List<ScriptStatement> statements = StatementSplitter.split(script);
        assertThat(statements).hasSize(2);
        ScriptStatement update = statements.get(1);
        assertThat(update.start()).isEqualTo(script.indexOf("UPDATE"));
        assertThat(update.end()).isEqualTo(script.indexOf(" ;"));
        assertThat(script.substring(update.start(), update.end())).isEqualTo(update.text());
    }

    @Test
    void semicolonsInsideStringsCommentsQuotedNamesAndDollarBodiesDoNotSplit() {
        String script = "SELECT 'a;b', E'c\\';d', \"e;f\" /* g; */ -- h;\n FROM t;"
                + "CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN 1; END; $fn$ LANGUAGE plpgsql;"
                + "DO $$ BEGIN PERFORM 1; END $$";
        assertThat(texts(script))
                .containsExactly(
                        "SELECT 'a;b', E'c\\';d', \"e;f\" /* g; */ -- h;\n FROM t",
                        "CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN 1; END; $fn$ LANGUAGE plpgsql",
                        "DO $$ BEGIN PERFORM 1; END $$");
    }

    @Test
    void beginAtomicBodyWithNestedCaseStaysOneStatement() {
        String function = "CREATE OR REPLACE FUNCTION grade(score int) RETURNS text LANGUAGE sql\n"
                + "BEGIN ATOMIC\n"
                + "  SELECT CASE WHEN score > 90 THEN 'A' ELSE CASE WHEN score > 50 THEN 'B' ELSE 'C' END END;\n"
                + "  SELECT 'done';\n"
                + "END";
        String script = function + ";\nSELECT grade(95);";
        assertThat(texts(script)).containsExactly(function, "SELECT grade(95)");
    }

    @Test
    void beginAtomicInAProcedureStaysOneStatement() {
        String procedure = "create procedure p() begin atomic insert into t values (1); insert into t values (2); end";
        assertThat(texts(procedure + "; call p()")).containsExactly(procedure, "call p()");
    }

    @Test
    void transactionBeginStillEndsAtItsSemicolon() {
        assertThat(texts("BEGIN; UPDATE a SET x = 1; COMMIT;"))
                .containsExactly("BEGIN", "UPDATE a SET x = 1", "COMMIT");
    }

    @Test
    void emptyStatementsAndCommentOnlyStatementsAreDropped() {
        assertThat(texts(";; -- only a comment\n; /* and another */ ; SELECT 1;;"))
                .containsExactly("SELECT 1");
        assertThat(StatementSplitter.split("  \n ")).isEmpty();
    }

    @Test
    void commentsBeforeAStatementBelongToIt() {
        assertThat(texts("-- the first\nSELECT 1")).containsExactly("-- the first\nSELECT 1");
    }

    @Test
    void metaCommandsAreStatementsOfTheirOwn() {
        String script = "SELECT 1;\n\\dt public.*\nSELECT 2";
        List<ScriptStatement> statements = StatementSplitter.split(script);
        assertThat(statements)
                .extracting(ScriptStatement::text)
                .containsExactly("SELECT 1", "\\dt public.*", "SELECT 2");
        assertThat(statements).extracting(ScriptStatement::metaCommand).containsExactly(false, true, false);
    }

    @Test
    void metaCommandEndsAStatementInProgress() {
        assertThat(texts("SELECT 1\n\\g\nSELECT 2")).containsExactly("SELECT 1", "\\g", "SELECT 2");
    }

    @Test
    void firstWordSkipsComments() {
        List<ScriptStatement> statements = StatementSplitter.split("/* go */ Begin; -- x\ncommit; (SELECT 1)");
        assertThat(statements).extracting(ScriptStatement::firstWord).containsExactly("begin", "commit", "");
    }

    @Test
    void serverErrorPositionMapsToTheScript() {
        String script = "SELECT 1;\nSELECT * FRM t;";
        ScriptStatement second = StatementSplitter.split(script).get(1);
        int position = second.text().indexOf("FRM") + 1; // PostgreSQL positions are 1-based
        assertThat(second.scriptOffsetOf(position)).isEqualTo(script.indexOf("FRM"));
    }

    @Test
    void caretInsideAStatementPicksIt() {
        String script = "SELECT 1;\nSELECT 2;\nSELECT 3;";
        assertThat(StatementSplitter.statementAt(script, script.indexOf("2")))
                .map(ScriptStatement::text)
                .contains("SELECT 2");
    }

    @Test
    void caretAfterASemicolonBelongsToThePreviousStatement() {
        String script = "SELECT 1;   \n\n   SELECT 2;";
        assertThat(StatementSplitter.statementAt(script, script.indexOf(";") + 1))
                .map(ScriptStatement::text)
                .contains("SELECT 1");
        assertThat(StatementSplitter.statementAt(script, script.indexOf(";") + 5))
                .map(ScriptStatement::text)
                .contains("SELECT 1");
        assertThat(StatementSplitter.statementAt(script, script.length()))
                .map(ScriptStatement::text)
                .contains("SELECT 2");
    }

    @Test
    void caretBeforeTheFirstStatementPicksTheFirst() {
        assertThat(StatementSplitter.statementAt("\n\n  SELECT 1; SELECT 2", 0))
                .map(ScriptStatement::text)
                .contains("SELECT 1");
    }

    @Test
    void scriptWithoutStatementsHasNoneUnderTheCaret() {
        assertThat(StatementSplitter.statementAt("-- nothing", 3)).isEmpty();
    }

    @Test
    void caretOutsideTheScriptIsRejectedWithTheRange() {
        assertThatThrownBy(() -> StatementSplitter.statementAt("SELECT 1", 99))
                .hasMessageContaining("caret offset 99")
                .hasMessageContaining("0..8");
    }

    @Test
    void aSetOfStandardConformingStringsChangesHowTheNextStatementsReadBackslashes() {
        String script = "set standard_conforming_strings = off; select 'a\\'b;' as x; select 2 as y;";

        List<ScriptStatement> statements = StatementSplitter.split(script);

        assertThat(statements)
                .extracting(ScriptStatement::text)
                .containsExactly("set standard_conforming_strings = off", "select 'a\\'b;' as x", "select 2 as y");
        assertThat(statements)
                .extracting(ScriptStatement::standardConformingStrings)
                .containsExactly(true, false, false);
    }

    @Test
    void withTheSettingOnABackslashIsAnOrdinaryCharacter() {
        assertThat(texts("select 'a\\'; select 'b\\';")).containsExactly("select 'a\\'", "select 'b\\'");
    }

    @Test
    void aSessionThatStartsWithTheSettingOffReadsBackslashEscapesFromTheFirstStatement() {
        assertThat(StatementSplitter.split("select 'a\\'b;'; select 2", false))
                .extracting(ScriptStatement::text)
                .containsExactly("select 'a\\'b;'", "select 2");
    }

    @Test
    void resetAndDefaultReturnToTheSessionsStartingValue() {
        String script = "SET standard_conforming_strings TO 'off';\nselect 1;\nRESET standard_conforming_strings;"
                + "\nselect '\\';\nset session standard_conforming_strings = of;\nselect 3;"
                + "\nset standard_conforming_strings to default;\nselect '\\';";

        assertThat(StatementSplitter.split(script))
                .extracting(ScriptStatement::standardConformingStrings)
                .containsExactly(true, false, false, true, true, false, false, true);
    }

    @Test
    void setLocalLastsUntilTheTransactionEndsAndARollbackUndoesASet() {
        String script = "begin; set local standard_conforming_strings = off; select '\\''; commit;"
                + " select '\\'; begin; set standard_conforming_strings = off; rollback; select '\\';";

        List<ScriptStatement> statements = StatementSplitter.split(script);

        // Off, '\'' is one quote; on again after the COMMIT and the ROLLBACK, '\' is one backslash.
        assertThat(statements)
                .extracting(ScriptStatement::text)
                .containsExactly(
                        "begin",
                        "set local standard_conforming_strings = off",
                        "select '\\''",
                        "commit",
                        "select '\\'",
                        "begin",
                        "set standard_conforming_strings = off",
                        "rollback",
                        "select '\\'");
        assertThat(statements)
                .extracting(ScriptStatement::standardConformingStrings)
                .containsExactly(true, true, false, false, true, true, true, false, true);
    }

    @Test
    void setLocalOutsideATransactionChangesNothing() {
        assertThat(StatementSplitter.split("set local standard_conforming_strings = off; select '\\'; select 2"))
                .extracting(ScriptStatement::text)
                .containsExactly("set local standard_conforming_strings = off", "select '\\'", "select 2");
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplitAsInPsql() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))";

        assertThat(texts(rule + ";\nSELECT 1;")).containsExactly(rule, "SELECT 1");
    }

    @Test
    void aCaseInsideABeginAtomicBodyWaitsForItsOwnEnd() {
        String function = "create function f(x int) returns int language sql begin atomic"
                + " select case when x > 0 then 1 else 0 end; select 2; end";

        assertThat(texts(function + "; select f(1); select 3")).containsExactly(function, "select f(1)", "select 3");
    }

    @Test
    void aMetaCommandAfterASemicolonOnTheSameLineIsAStatementOfItsOwn() {
        List<ScriptStatement> statements = StatementSplitter.split("create table mc(x int); \\copy mc from stdin");

        assertThat(statements)
                .extracting(ScriptStatement::text)
                .containsExactly("create table mc(x int)", "\\copy mc from stdin");
        assertThat(statements).extracting(ScriptStatement::metaCommand).containsExactly(false, true);
    }

    @Test
    void aStringLeftOpenAtTheEndIsReportedWithItsPlace() {
        String script = "select 1;\nselect 'never closed;\nselect 2;";

        StatementSplitter.SplitScript split = StatementSplitter.read(script, 0, script.length(), true);

        assertThat(split.unterminated()).isNotNull();
        assertThat(split.unterminated().start()).isEqualTo(script.indexOf('\''));
    }
}
