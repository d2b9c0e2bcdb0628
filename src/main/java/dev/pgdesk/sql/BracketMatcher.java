package dev.pgdesk.sql;

import java.util.List;
import java.util.Optional;

/**
 * Finds the partner of the bracket next to the caret, as editors highlight it. Brackets inside strings,
 * comments, dollar-quoted bodies and quoted identifiers do not count: they are part of a single token, and
 * only {@link TokenKind#PUNCTUATION} tokens are brackets.
 *
 * <p>The bracket just before the caret wins over the one just after it, so that typing a closing bracket
 * shows its partner at once.
 */
public final class BracketMatcher {
    private BracketMatcher() {}

    /** The pair around the bracket before or at {@code caret} in {@code text}, if it has a partner. */
    public static Optional<BracketPair> match(String text, int caret) {
        return match(SqlLexer.tokenize(text), text, caret);
    }

    /**
     * As {@link #match(String, int)}, for text already lexed into {@code tokens} (which must be the tokens
     * of {@code text}), so an editor can reuse the tokens it highlighted with.
     */
    public static Optional<BracketPair> match(List<Token> tokens, CharSequence text, int caret) {
        if (caret < 0 || caret > text.length()) {
            return Optional.empty();
        }
        for (int offset : new int[] {caret - 1, caret}) {
            if (offset >= 0 && offset < text.length() && isBracket(text.charAt(offset))) {
                int index = tokenIndexAt(tokens, offset);
                if (index >= 0 && tokens.get(index).kind() == TokenKind.PUNCTUATION) {
                    return partnerOf(tokens, text, index);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<BracketPair> partnerOf(List<Token> tokens, CharSequence text, int index) {
        int offset = tokens.get(index).start();
        char bracket = text.charAt(offset);
        boolean opening = bracket == '(' || bracket == '[';
        char partner = partnerChar(bracket);
        int step = opening ? 1 : -1;
        int depth = 0;
        for (int i = index + step; i >= 0 && i < tokens.size(); i += step) {
            Token token = tokens.get(i);
            if (token.kind() != TokenKind.PUNCTUATION || token.length() != 1) {
                continue;
            }
            char c = text.charAt(token.start());
            if (c == bracket) {
                depth++;
            } else if (c == partner) {
                if (depth == 0) {
                    return Optional.of(
                            opening ? new BracketPair(offset, token.start()) : new BracketPair(token.start(), offset));
                }
                depth--;
            }
        }
        return Optional.empty();
    }

    /** The index of the token containing {@code offset}, by binary search; -1 if none does. */
    private static int tokenIndexAt(List<Token> tokens, int offset) {
        int low = 0;
        int high = tokens.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Token token = tokens.get(middle);
            if (token.end() <= offset) {
                low = middle + 1;
            } else if (token.start() > offset) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    private static boolean isBracket(char c) {
        return c == '(' || c == ')' || c == '[' || c == ']';
    }

    private static char partnerChar(char bracket) {
        return switch (bracket) {
            case '(' -> ')';
            case ')' -> '(';
            case '[' -> ']';
            default -> '[';
        };
    }
}
