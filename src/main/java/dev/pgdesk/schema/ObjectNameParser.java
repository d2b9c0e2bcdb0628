package dev.pgdesk.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an object name as a user types it ({@code orders}, {@code public.orders}, {@code "My Table"},
 * {@code public.f(integer, text)}, {@code orders.audit_trigger}) into its dot-separated parts, folding
 * unquoted parts to lower case as PostgreSQL does, and the argument list in parentheses if any.
 */
final class ObjectNameParser {

    /**
     * A parsed name.
     *
     * @param parts the dot-separated parts, unquoted and case-folded
     * @param arguments the text between the parentheses, or null when there were none
     */
    record ParsedName(List<String> parts, String arguments) {}

    private ObjectNameParser() {}

    static ParsedName parse(String text) {
        String input = text.strip();
        if (input.isEmpty()) {
            throw new IllegalArgumentException("The object name is empty");
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean partWasQuoted = false;
        int i = 0;
        String arguments = null;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < input.length() && input.charAt(i + 1) == '"') {
                        part.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    part.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                partWasQuoted = true;
            } else if (c == '.') {
                parts.add(finish(part, partWasQuoted, text));
                part.setLength(0);
                partWasQuoted = false;
            } else if (c == '(') {
                int close = input.lastIndexOf(')');
                if (close < i || !input.substring(close + 1).isBlank()) {
                    throw new IllegalArgumentException(
                            "The argument list in '" + text + "' is not closed; write it as name(type, type)");
                }
                arguments = input.substring(i + 1, close).strip();
                break;
            } else if (!Character.isWhitespace(c)) {
                part.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("A double quote in '" + text + "' is not closed");
        }
        parts.add(finish(part, partWasQuoted, text));
        if (parts.size() > 3) {
            throw new IllegalArgumentException("'" + text + "' has more than three dot-separated parts;"
                    + " write schema.name, name, or schema.table.trigger");
        }
        return new ParsedName(List.copyOf(parts), arguments);
    }

    private static String finish(StringBuilder part, boolean quoted, String text) {
        if (part.length() == 0) {
            throw new IllegalArgumentException("'" + text + "' has an empty name part; write schema.name or name");
        }
        return quoted ? part.toString() : part.toString().toLowerCase(Locale.ROOT);
    }
}
