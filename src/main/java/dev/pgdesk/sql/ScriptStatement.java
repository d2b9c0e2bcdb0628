package dev.pgdesk.sql;

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
 */
public record ScriptStatement(String text, int start, int end, boolean metaCommand) {

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
        for (Token token : SqlLexer.tokenize(text)) {
            if (!token.kind().isTrivia()) {
                boolean word = token.kind() == TokenKind.KEYWORD || token.kind() == TokenKind.IDENTIFIER;
                return word ? token.text(text).toLowerCase(Locale.ROOT) : "";
            }
        }
        return "";
    }
}
