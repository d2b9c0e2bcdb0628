package dev.pgdesk.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Follows a session's {@code standard_conforming_strings} through the statements of a script, as far as
 * their text shows: {@code SET [SESSION | LOCAL]}, {@code RESET}, {@code RESET ALL}, {@code DISCARD ALL},
 * and the transaction ends that drop a {@code SET LOCAL} ({@code COMMIT}) or undo a {@code SET}
 * ({@code ROLLBACK}). A statement that fails, a savepoint rolled back to or a function calling {@code
 * set_config} can leave the session otherwise; the runner compares with the session before each statement.
 */
final class StandardStrings {
    private final boolean sessionDefault;
    private boolean session;
    private Boolean local;
    private boolean inTransaction;
    private boolean atTransactionStart;

    StandardStrings(boolean initial) {
        this.sessionDefault = initial;
        this.session = initial;
    }

    /** The value the next statement is read with. */
    boolean current() {
        return local != null ? local : session;
    }

    /** Applies what {@code statement} does to the setting, if anything. */
    void after(ScriptStatement statement) {
        List<String> words = words(statement);
        if (words.isEmpty()) {
            return;
        }
        String first = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        switch (first) {
            case "begin", "start" -> {
                if (!inTransaction && (first.equals("begin") || second.equals("transaction"))) {
                    inTransaction = true;
                    atTransactionStart = session;
                }
            }
            case "commit", "end" -> endTransaction();
            case "prepare" -> {
                if (second.equals("transaction")) {
                    endTransaction();
                }
            }
            case "rollback", "abort" -> {
                if (!second.equals("to") && !second.equals("prepared") && inTransaction) {
                    session = atTransactionStart;
                    endTransaction();
                }
            }
            case "set" -> set(words);
            case "reset" -> {
                if (second.equals("all") || second.equals("standard_conforming_strings")) {
                    resetToDefault();
                }
            }
            case "discard" -> {
                if (second.equals("all")) {
                    resetToDefault();
                }
            }
            default -> {
                // no other statement changes the setting in a way its text shows
            }
        }
    }

    private void set(List<String> words) {
        int name = 1;
        boolean isLocal = false;
        if (words.size() > 1 && (words.get(1).equals("local") || words.get(1).equals("session"))) {
            isLocal = words.get(1).equals("local");
            name = 2;
        }
        if (words.size() < name + 3
                || !words.get(name).equals("standard_conforming_strings")
                || !(words.get(name + 1).equals("=") || words.get(name + 1).equals("to"))) {
            return;
        }
        String value = words.get(name + 2);
        Boolean parsed = value.equals("default") ? Boolean.valueOf(sessionDefault) : parseBoolean(value);
        if (parsed == null) {
            return; // the server refuses it; the setting stays
        }
        if (isLocal) {
            if (inTransaction) {
                local = parsed;
            }
        } else {
            session = parsed;
            local = null;
        }
    }

    private void resetToDefault() {
        session = sessionDefault;
        local = null;
    }

    private void endTransaction() {
        inTransaction = false;
        local = null;
    }

    /** PostgreSQL's boolean spellings for a setting, prefixes included (parse_bool); null if none. */
    static Boolean parseBoolean(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        if (value.equals("1")
                || isPrefixOf(value, "true", 1)
                || isPrefixOf(value, "yes", 1)
                || isPrefixOf(value, "on", 2)) {
            return true;
        }
        if (value.equals("0")
                || isPrefixOf(value, "false", 1)
                || isPrefixOf(value, "no", 1)
                || isPrefixOf(value, "off", 2)) {
            return false;
        }
        return null;
    }

    private static boolean isPrefixOf(String value, String word, int shortest) {
        return value.length() >= shortest && word.startsWith(value);
    }

    /** Words, operators and string values of the statement, lower case, strings unquoted. */
    private static List<String> words(ScriptStatement statement) {
        List<String> words = new ArrayList<>();
        String text = statement.text();
        for (Token token : statement.tokens()) {
            if (token.kind().isTrivia()) {
                continue;
            }
            String word = token.text(text);
            if (token.kind() == TokenKind.STRING && word.startsWith("'") && word.endsWith("'") && word.length() > 1) {
                word = word.substring(1, word.length() - 1);
            } else if (token.kind() == TokenKind.QUOTED_IDENTIFIER && word.length() > 1) {
                word = word.substring(1, word.length() - 1);
            }
            words.add(word.toLowerCase(Locale.ROOT));
            if (words.size() == 6) {
                break;
            }
        }
        return words;
    }
}
