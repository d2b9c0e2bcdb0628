package dev.pgdesk.sql;

import java.util.List;
import java.util.Locale;

/**
 * One statement of a script, as the {@link StatementSplitter} found it: its text (without the terminating
 * semicolon, without surrounding whitespace, with any comments before it) and where that text sits in the
 * script, so a server error position inside the statement maps back to the editor.
 *
 * @param text the statement's text; always {@code script.substring(start, end)}
 * @param start offset of the first character in the script
 * @param end offset just past the last character in the script
 * @param metaCommand true for a psql backslash command ({@code \d users}), which the server cannot run
 * @param standardConformingStrings the session's {@code standard_conforming_strings} the text was read
 *     with: off, a backslash in a plain string escapes the next character
 */
public record ScriptStatement(String text, int start, int end, boolean metaCommand, boolean standardConformingStrings) {

    /** Validates that the text fits the offsets. */
    public ScriptStatement {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a statement needs some text");
        }
        if (start < 0 || end - start != text.length()) {
            throw new IllegalArgumentException(
                    "statement offsets " + start + ".." + end + " do not fit its " + text.length() + " characters");
        }
    }

    /** A statement read with {@code standard_conforming_strings} on, as every server since 9.1 starts. */
    public ScriptStatement(String text, int start, int end, boolean metaCommand) {
        this(text, start, end, metaCommand, true);
    }

    /** The statement's tokens, read as the splitter read them. */
    public List<Token> tokens() {
        return SqlLexer.tokenize(text, standardConformingStrings);
    }

    /** The same statement at another place (a selection's statements placed in the whole script). */
    public ScriptStatement shiftedBy(int offset) {
        return new ScriptStatement(text, start + offset, end + offset, metaCommand, standardConformingStrings);
    }

    /**
     * The script offset of a 1-based character position inside this statement, as PostgreSQL reports in
     * an error's position field; clamped to the statement.
     */
    public int scriptOffsetOf(int oneBasedPosition) {
        int inside = Math.max(0, Math.min(text.length(), oneBasedPosition - 1));
        return start + inside;
    }

    /**
     * The statement's first word in lower case, skipping comments ({@code "select"}, {@code "begin"},
     * {@code "commit"}), or {@code ""} when it does not start with a word. Handy for spotting transaction
     * control.
     */
    public String firstWord() {
        for (Token token : tokens()) {
            if (!token.kind().isTrivia()) {
                boolean word = token.kind() == TokenKind.KEYWORD || token.kind() == TokenKind.IDENTIFIER;
                return word ? token.text(text).toLowerCase(Locale.ROOT) : "";
            }
        }
        return "";
    }
}
