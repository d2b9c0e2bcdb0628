package dev.pgdesk.ui.complete;

/**
 * When the completion popup opens by itself while the user types (as DataGrip's does), so that Ctrl+Space
 * is rarely needed: right after a typed {@code .} (a schema's objects or a table's columns follow), and once
 * a word being typed reaches {@link #MIN_WORD} characters. Only single typed characters count: a paste, an
 * undo or a deletion never opens it. Whether there is anything to offer (nothing inside strings and
 * comments) is the engine's call, made when the popup would open.
 */
final class AutoPopup {
    /** The characters of a word after which the popup opens on its own. */
    static final int MIN_WORD = 2;

    /** How many characters before the caret the rules read: more than the longest identifier. */
    static final int LOOK_BACK = 128;

    private AutoPopup() {}

    /**
     * Whether typing {@code inserted} (with nothing removed) so that the caret is now at {@code caret} in
     * {@code text} should open the popup.
     */
    static boolean opensAfter(String text, int caret, String inserted, String removed) {
        if (inserted.length() != 1 || !removed.isEmpty() || caret < 1 || caret > text.length()) {
            return false;
        }
        char typed = inserted.charAt(0);
        if (typed == '.') {
            // "t1." or "\"T\"." qualify a name; "12." is a number.
            int start = wordStart(text, caret - 1);
            return start == caret - 1 || !Character.isDigit(text.charAt(start));
        }
        if (!isWordChar(typed)) {
            return false;
        }
        int start = wordStart(text, caret);
        return caret - start >= MIN_WORD && !Character.isDigit(text.charAt(start));
    }

    private static int wordStart(String text, int end) {
        int start = end;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** Whether {@code c} may be part of an unquoted PostgreSQL identifier. */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
