package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.query.ServerError;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ServerErrorReportTest {

    private static ServerError error(String detail, String hint) {
        return new ServerError("42703", "column \"nme\" does not exist", detail, hint, 8, List.of(), Duration.ZERO);
    }

    @Test
    void messageCaretDetailAndHintInPsqlsOrder() {
        String script = "SELECT 1;\nSELECT nme FROM users;\n";

        List<String> lines = ServerErrorReport.lines(
                error("The table has: name.", "Perhaps you meant \"name\"."), script, OptionalInt.of(17));

        assertThat(lines)
                .containsExactly(
                        "ERROR 42703: column \"nme\" does not exist",
                        "LINE 2: SELECT nme FROM users;",
                        "               ^",
                        "DETAIL:  The table has: name.",
                        "HINT:  Perhaps you meant \"name\".");
    }

    @Test
    void withoutAPositionThereIsNoLineAndBlankFieldsAreLeftOut() {
        assertThat(ServerErrorReport.lines(error(null, " "), "SELECT nme", OptionalInt.empty()))
                .containsExactly("ERROR 42703: column \"nme\" does not exist");
    }

    @Test
    void multiLineDetailIsIndentedUnderItsLabel() {
        assertThat(ServerErrorReport.lines(error("first\nsecond", null), "x", OptionalInt.empty()))
                .containsSubsequence("DETAIL:  first", "         second");
    }

    @Test
    void caretKeepsTabsSoItLinesUp() {
        assertThat(ServerErrorReport.caret("\tSELECT x", 8))
                .containsExactly("LINE 1: \tSELECT x", "        \t       ^");
    }

    @Test
    void errorAtTheEndOfTheScriptPointsPastTheLastCharacter() {
        assertThat(ServerErrorReport.caret("SELECT (", 8)).containsExactly("LINE 1: SELECT (", "                ^");
    }

    @Test
    void windowsLineEndingsAreNotShown() {
        assertThat(ServerErrorReport.caret("SELECT 1;\r\nSELEC 2;\r\n", 11))
                .containsExactly("LINE 2: SELEC 2;", "        ^");
    }

    @Test
    void longLinesAreCutAroundTheCaret() {
        String line = "SELECT " + "a, ".repeat(100) + "nme, " + "b, ".repeat(100) + "c";
        int offset = line.indexOf("nme");

        List<String> caret = ServerErrorReport.caret(line, offset);

        assertThat(caret.get(0)).startsWith("LINE 1: ...").endsWith("...").contains("nme");
        assertThat(caret.get(0).length()).isLessThan(140);
        assertThat(caret.get(0).charAt(caret.get(1).indexOf('^'))).isEqualTo('n');
    }
}
