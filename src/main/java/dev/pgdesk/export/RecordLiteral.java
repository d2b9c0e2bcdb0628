package dev.pgdesk.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a composite value as PostgreSQL's {@code record_out} writes it: {@code (1,"a b",)}. A field with
 * nothing in it is NULL, {@code ""} is the empty string; inside quotes a doubled quote or a backslash takes
 * the next character literally, as {@code record_in} reads it.
 */
final class RecordLiteral {
    private RecordLiteral() {}

    /** The fields' texts ({@code null} for NULL), or {@code null} when {@code text} is not a record literal. */
    static List<String> parse(String text) {
        if (text.length() < 2 || text.charAt(0) != '(' || text.charAt(text.length() - 1) != ')') {
            return null;
        }
        List<String> fields = new ArrayList<>();
        int position = 1;
        int end = text.length() - 1;
        while (true) {
            StringBuilder field = new StringBuilder();
            boolean empty = true;
            boolean quoted = false;
            while (position < end) {
                char c = text.charAt(position);
                if (!quoted && c == ',') {
                    break;
                }
                empty = false;
                position++;
                if (c == '\\') {
                    if (position >= end) {
                        return null;
                    }
                    field.append(text.charAt(position++));
                } else if (c == '"') {
                    if (quoted && position < end && text.charAt(position) == '"') {
                        field.append('"');
                        position++;
                    } else {
                        quoted = !quoted;
                    }
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                return null;
            }
            fields.add(empty ? null : field.toString());
            if (position >= end) {
                return fields;
            }
            position++; // the comma
        }
    }
}
