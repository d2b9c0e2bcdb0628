package dev.pgdesk.cli;

import dev.pgdesk.config.Redaction;
import dev.pgdesk.query.ServerError;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A server error as {@code pgdesk query} prints it on stderr, close to psql: the SQLSTATE and message, the
 * script line the error position points at with a caret under it, then the server's detail and hint.
 */
final class ServerErrorReport {
    /** Longer lines are cut to a window around the caret, as psql does. */
    private static final int MAX_LINE = 120;

    private static final String ELLIPSIS = "...";

    private ServerErrorReport() {}

    /**
     * @param script the whole script, so the line number is the script's, not the statement's
     * @param offset where the error points in the script, when the server gave a position
     */
    static List<String> lines(ServerError error, String script, OptionalInt offset) {
        List<String> lines = new ArrayList<>();
        String state = error.sqlState().isEmpty() ? "" : " " + error.sqlState();
        // The server may quote a connection string it was given (a literal, dblink, postgres_fdw): never its
        // password, nor does the script's line under it.
        lines.add("ERROR" + state + ": " + Redaction.redact(error.message()));
        if (offset.isPresent()) {
            lines.addAll(caret(script, offset.getAsInt()));
        }
        addField(lines, "DETAIL", Redaction.redact(error.detail()));
        addField(lines, "HINT", Redaction.redact(error.hint()));
        return lines;
    }

    /** {@code LINE n: <the line>} and a caret under the offset, psql's way. */
    static List<String> caret(String script, int offset) {
        int at = Math.max(0, Math.min(script.length(), offset));
        int lineStart = script.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = script.indexOf('\n', at);
        if (lineEnd < 0) {
            lineEnd = script.length();
        }
        String line = script.substring(lineStart, lineEnd);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        int column = Math.min(at - lineStart, line.length());
        int from = 0;
        int to = line.length();
        if (line.length() > MAX_LINE) {
            from = Math.max(0, Math.min(column - MAX_LINE / 2, line.length() - MAX_LINE));
            to = Math.min(line.length(), from + MAX_LINE);
        }
        String shown = Redaction.redact(
                (from > 0 ? ELLIPSIS : "") + line.substring(from, to) + (to < line.length() ? ELLIPSIS : ""));
        String prefix = "LINE " + lineNumber(script, lineStart) + ": ";
        // Masked the same way, so that a password before the caret moves it as it moves the line.
        String beforeCaret = Redaction.redact((from > 0 ? ELLIPSIS : "") + line.substring(from, column));
        StringBuilder padding = new StringBuilder(" ".repeat(prefix.length()));
        // Tabs stay tabs, so the caret lines up however the terminal expands them.
        beforeCaret.chars().forEach(c -> padding.append(c == '\t' ? '\t' : ' '));
        return List.of(prefix + shown, padding + "^");
    }

    private static int lineNumber(String script, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (script.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void addField(List<String> lines, String label, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String[] parts = text.split("\n", -1);
        lines.add(label + ":  " + parts[0]);
        for (int i = 1; i < parts.length; i++) {
            lines.add(" ".repeat(label.length() + 3) + parts[i]);
        }
    }
}
