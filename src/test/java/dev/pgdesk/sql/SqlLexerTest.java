package dev.pgdesk.sql;

import static dev.pgdesk.sql.TokenKind.BLOCK_COMMENT;
import static dev.pgdesk.sql.TokenKind.DOLLAR_STRING;
import static dev.pgdesk.sql.TokenKind.IDENTIFIER;
import static dev.pgdesk.sql.TokenKind.KEYWORD;
import static dev.pgdesk.sql.TokenKind.LINE_COMMENT;
import static dev.pgdesk.sql.TokenKind.META_COMMAND;
import static dev.pgdesk.sql.TokenKind.NAMED_PARAMETER;
import static dev.pgdesk.sql.TokenKind.NUMBER;
import static dev.pgdesk.sql.TokenKind.OPERATOR;
import static dev.pgdesk.sql.TokenKind.POSITIONAL_PARAMETER;
import static dev.pgdesk.sql.TokenKind.PUNCTUATION;
import static dev.pgdesk.sql.TokenKind.QUOTED_IDENTIFIER;
import static dev.pgdesk.sql.TokenKind.STRING;
import static dev.pgdesk.sql.TokenKind.UNKNOWN;
import static dev.pgdesk.sql.TokenKind.WHITESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    /** The non-whitespace tokens of {@code sql} as "KIND text". */
    private static List<String> significant(String sql) {
        return SqlLexer.tokenize(sql).stream()
                .filter(t -> t.kind() != WHITESPACE)
                .map(t -> t.kind() + " " + t.text(sql))
                .toList();
    }

    private static Token only(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        assertThat(tokens).hasSize(1);
        return tokens.get(0);
    }

    @Test
    void emptyInputHasNoTokens() {
        assertThat(SqlLexer.tokenize("")).isEmpty();
    }

    @Test
    void nullInputIsRejectedWithTheReason() {
        assertThatThrownBy(() -> SqlLexer.tokenize(null)).hasMessageContaining("source text is required");
    }

    @Test
    void simpleSelectHasKeywordsIdentifiersNumbersAndPunctuation() {
        assertThat(significant("SELECT id, name FROM users WHERE id = 42;"))
                .containsExactly(
                        "KEYWORD SELECT",
                        "IDENTIFIER id",
                        "PUNCTUATION ,",
                        "IDENTIFIER name",
                        "KEYWORD FROM",
                        "IDENTIFIER users",
                        "KEYWORD WHERE",
                        "IDENTIFIER id",
                        "OPERATOR =",
                        "NUMBER 42",
                        "PUNCTUATION ;");
    }

    @Test
    void keywordsAreRecognisedInAnyLetterCase() {
        assertThat(significant("select Select sElEcT")).allMatch(s -> s.startsWith("KEYWORD "));
    }

    @Test
    void doubledQuoteStaysInsideAString() {
        Token token = only("'it''s'");
        assertThat(token.kind()).isEqualTo(STRING);
        assertThat(token.terminated()).isTrue();
    }

    @Test
    void backslashDoesNotEscapeInAPlainString() {
        assertThat(significant("'a\\' , 'b'")).containsExactly("STRING 'a\\'", "PUNCTUATION ,", "STRING 'b'");
    }

    @Test
    void escapeStringHonoursBackslashQuote() {
        assertThat(significant("E'\\'' x")).containsExactly("STRING E'\\''", "IDENTIFIER x");
        assertThat(significant("e'a\\\\' || 'b'")).containsExactly("STRING e'a\\\\'", "OPERATOR ||", "STRING 'b'");
    }

    @Test
    void prefixedStringsAreSingleTokens() {
        assertThat(significant("U&'d\\0061t' UESCAPE '!' B'1010' X'1F' N'abc' u&'x'"))
                .containsExactly(
                        "STRING U&'d\\0061t'",
                        "IDENTIFIER UESCAPE",
                        "STRING '!'",
                        "STRING B'1010'",
                        "STRING X'1F'",
                        "STRING N'abc'",
                        "STRING u&'x'");
    }

    @Test
    void unterminatedStringRunsToTheEndAndIsFlagged() {
        Token token = only("'abc; SELECT 1");
        assertThat(token.kind()).isEqualTo(STRING);
        assertThat(token.terminated()).isFalse();
        assertThat(only("E'abc\\").terminated()).isFalse();
    }

    @Test
    void dollarQuotedBodiesHideTheirContents() {
        String sql = "$fn$ SELECT 'x'; $$ inner $$ -- no $fn$";
        assertThat(significant(sql)).containsExactly("DOLLAR_STRING $fn$ SELECT 'x'; $$ inner $$ -- no $fn$");
        assertThat(significant("$$a;b$$;")).containsExactly("DOLLAR_STRING $$a;b$$", "PUNCTUATION ;");
    }

    @Test
    void dollarTagIsCaseSensitiveAndMustMatchExactly() {
        Token token = only("$A$ $a$ $A$");
        assertThat(token.kind()).isEqualTo(DOLLAR_STRING);
        assertThat(only("$tag$ never closed $TAG$").terminated()).isFalse();
    }

    @Test
    void dollarDigitIsAParameterNotATag() {
        assertThat(significant("$1 $23")).containsExactly("POSITIONAL_PARAMETER $1", "POSITIONAL_PARAMETER $23");
        assertThat(significant("$1$")).containsExactly("POSITIONAL_PARAMETER $1", "UNKNOWN $");
    }

    @Test
    void dollarInsideANameIsPartOfTheName() {
        assertThat(significant("a$1 b$c$ $x"))
                .containsExactly("IDENTIFIER a$1", "IDENTIFIER b$c$", "UNKNOWN $", "IDENTIFIER x");
    }

    @Test
    void lineCommentRunsToTheEndOfTheLine() {
        assertThat(significant("SELECT 1 -- one; two\nFROM t"))
                .containsExactly(
                        "KEYWORD SELECT", "NUMBER 1", "LINE_COMMENT -- one; two", "KEYWORD FROM", "IDENTIFIER t");
    }

    @Test
    void blockCommentsNest() {
        assertThat(significant("/* a /* b */ c */ x"))
                .containsExactly("BLOCK_COMMENT /* a /* b */ c */", "IDENTIFIER x");
        Token unterminated = only("/* a /* b */ c");
        assertThat(unterminated.kind()).isEqualTo(BLOCK_COMMENT);
        assertThat(unterminated.terminated()).isFalse();
    }

    @Test
    void quotedIdentifierDoublesItsQuote() {
        assertThat(significant("\"a\"\"b\" U&\"c\""))
                .containsExactly("QUOTED_IDENTIFIER \"a\"\"b\"", "QUOTED_IDENTIFIER U&\"c\"");
        Token unterminated = only("\"abc");
        assertThat(unterminated.kind()).isEqualTo(QUOTED_IDENTIFIER);
        assertThat(unterminated.terminated()).isFalse();
    }

    @Test
    void castsAreOneOperator() {
        assertThat(significant("x::int")).containsExactly("IDENTIFIER x", "OPERATOR ::", "IDENTIFIER int");
        assertThat(significant("'a'::text")).containsExactly("STRING 'a'", "OPERATOR ::", "IDENTIFIER text");
    }

    @Test
    void namedParameterIsNotACast() {
        assertThat(significant("id = :id AND x::text = :name_2"))
                .containsExactly(
                        "IDENTIFIER id",
                        "OPERATOR =",
                        "NAMED_PARAMETER :id",
                        "KEYWORD AND",
                        "IDENTIFIER x",
                        "OPERATOR ::",
                        "IDENTIFIER text",
                        "OPERATOR =",
                        "NAMED_PARAMETER :name_2");
    }

    @Test
    void colonAfterANameOrBracketIsNotANamedParameter() {
        assertThat(significant("a[lo:hi]"))
                .doesNotContain("NAMED_PARAMETER :hi")
                .contains("PUNCTUATION :");
        assertThat(significant("a[1:2]")).contains("PUNCTUATION :");
        assertThat(significant("v := 1")).contains("OPERATOR :=");
    }

    @Test
    void parametersInsideStringsAndCommentsAreNotTokens() {
        assertThat(SqlLexer.tokenize("'$1 :a' /* $2 */ -- :b\n\"$3\" $$ :c $$"))
                .noneMatch(t -> t.kind() == POSITIONAL_PARAMETER || t.kind() == NAMED_PARAMETER);
    }

    @Test
    void multiCharacterOperatorsAreSingleTokens() {
        assertThat(significant("a->>'k' #>> b @> c <@ d ?| e ?& f || g <= h >= i <> j != k ~~* l -> m"))
                .filteredOn(s -> s.startsWith("OPERATOR"))
                .containsExactly(
                        "OPERATOR ->>",
                        "OPERATOR #>>",
                        "OPERATOR @>",
                        "OPERATOR <@",
                        "OPERATOR ?|",
                        "OPERATOR ?&",
                        "OPERATOR ||",
                        "OPERATOR <=",
                        "OPERATOR >=",
                        "OPERATOR <>",
                        "OPERATOR !=",
                        "OPERATOR ~~*",
                        "OPERATOR ->");
    }

    @Test
    void operatorDoesNotEndInPlusOrMinusUnlessItHasASpecialCharacter() {
        assertThat(significant("a=-1")).containsExactly("IDENTIFIER a", "OPERATOR =", "OPERATOR -", "NUMBER 1");
        assertThat(significant("a@-1")).containsExactly("IDENTIFIER a", "OPERATOR @-", "NUMBER 1");
    }

    @Test
    void operatorStopsWhereACommentStarts() {
        assertThat(significant("a+--c\n")).containsExactly("IDENTIFIER a", "OPERATOR +", "LINE_COMMENT --c");
        assertThat(significant("a*/*c*/")).containsExactly("IDENTIFIER a", "OPERATOR *", "BLOCK_COMMENT /*c*/");
    }

    @Test
    void numbersInTheirForms() {
        assertThat(significant("42 3.14 .5 1. 1e10 2.5E-3 0x1F 0o17 0b101 1_000_000 0X_FF"))
                .allMatch(s -> s.startsWith("NUMBER "))
                .hasSize(11);
    }

    @Test
    void rangeDotsAreNotPartOfANumber() {
        assertThat(significant("1..10")).containsExactly("NUMBER 1", "PUNCTUATION ..", "NUMBER 10");
    }

    @Test
    void exponentWithoutDigitsIsNotPartOfTheNumber() {
        assertThat(significant("1e")).containsExactly("NUMBER 1", "IDENTIFIER e");
    }

    @Test
    void metaCommandAtTheStartOfALineRunsToItsEnd() {
        assertThat(significant("SELECT 1;\n  \\d users\nSELECT 2;"))
                .containsExactly(
                        "KEYWORD SELECT",
                        "NUMBER 1",
                        "PUNCTUATION ;",
                        "META_COMMAND \\d users",
                        "KEYWORD SELECT",
                        "NUMBER 2",
                        "PUNCTUATION ;");
    }

    @Test
    void aBackslashInsideALineStartsAMetaCommandAsInPsql() {
        assertThat(significant("SELECT 1 \\gx\nSELECT 2"))
                .containsExactly("KEYWORD SELECT", "NUMBER 1", "META_COMMAND \\gx", "KEYWORD SELECT", "NUMBER 2");
    }

    @Test
    void nonAsciiLettersAndSurrogatePairsBelongToNames() {
        assertThat(significant("café 😀x")).containsExactly("IDENTIFIER café", "IDENTIFIER 😀x");
    }

    @Test
    void tokenKindsCoverTheEnumUsedByHighlighting() {
        // One script exercising every kind, so a new kind without a rule would be noticed.
        String sql = "\\x\nSELECT a$1, $1, :p, 'a', $$b$$, \"c\", 1 + 2 /* d */ -- e\n{";
        assertThat(SqlLexer.tokenize(sql))
                .extracting(Token::kind)
                .contains(
                        META_COMMAND,
                        KEYWORD,
                        IDENTIFIER,
                        POSITIONAL_PARAMETER,
                        NAMED_PARAMETER,
                        STRING,
                        DOLLAR_STRING,
                        QUOTED_IDENTIFIER,
                        NUMBER,
                        OPERATOR,
                        PUNCTUATION,
                        BLOCK_COMMENT,
                        LINE_COMMENT,
                        WHITESPACE,
                        UNKNOWN);
    }
}
