package dev.pgdesk.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an array as PostgreSQL's {@code array_out} writes it: {@code {1,2,NULL}}, {@code {{1,2},{3,4}}},
 * {@code {"a b","c\"d"}}, with an optional bounds prefix ({@code [0:1]={1,2}}) that {@code row_to_json}
 * ignores. Elements come back as their text (still to be mapped by the element type), {@code null} for an
 * unquoted {@code NULL}, and a {@link List} for each inner dimension.
 */
final class ArrayLiteral {
    private final String text;
    private final char delimiter;
    private int position;

    private ArrayLiteral(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    /**
     * The elements of {@code text}, or {@code null} when it is not an array literal at all (an
     * {@code int2vector} prints {@code 1 2}), so the caller can fall back to the text.
     */
    static List<Object> parse(String text, char delimiter) {
        ArrayLiteral reader = new ArrayLiteral(text, delimiter);
        try {
            reader.skipBounds();
            List<Object> elements = reader.array();
            reader.skipSpace();
            return reader.position == text.length() ? elements : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private void skipBounds() {
        skipSpace();
        if (position < text.length() && text.charAt(position) == '[') {
            int equals = text.indexOf('=', position);
            if (equals < 0) {
                throw new IllegalArgumentException("bounds without '='");
            }
            position = equals + 1;
            skipSpace();
        }
    }

    private List<Object> array() {
        expect('{');
        List<Object> elements = new ArrayList<>();
        skipSpace();
        if (text.charAt(position) == '}') {
            position++;
            return elements;
        }
        while (true) {
            skipSpace();
            char c = text.charAt(position);
            if (c == '{') {
                elements.add(array());
            } else if (c == '"') {
                elements.add(quoted());
            } else {
                elements.add(unquoted());
            }
            skipSpace();
            char next = text.charAt(position++);
            if (next == '}') {
                return elements;
            } else if (next != delimiter) {
                throw new IllegalArgumentException("unexpected '" + next + "'");
            }
        }
    }

    private String quoted() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            } else if (c == '\\') {
                value.append(text.charAt(position++));
            } else {
                value.append(c);
            }
        }
    }

    private String unquoted() {
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = text.charAt(position);
            if (c == delimiter || c == '}') {
                break;
            } else if (c == '\\') {
                value.append(text.charAt(position + 1));
                position += 2;
            } else {
                value.append(c);
                position++;
            }
        }
        String element = value.toString().strip();
        return element.equalsIgnoreCase("NULL") ? null : element;
    }

    private void expect(char c) {
        if (text.charAt(position) != c) {
            throw new IllegalArgumentException("expected '" + c + "'");
        }
        position++;
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
