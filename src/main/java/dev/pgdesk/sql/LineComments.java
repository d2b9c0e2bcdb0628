package dev.pgdesk.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Toggles {@code --} line comments on the lines a selection touches, the way common editors do: when every
 * non-blank line is already commented, the comment markers are removed (with one space after them, if
 * any); otherwise every non-blank line gets {@code "-- "} at the block's common indentation, so the block
 * stays aligned. Blank lines are left alone. A selection that ends at the very start of a line does not
 * touch that line.
 */
public final class LineComments {
    private static final String MARKER = "--";
    private static final String INSERTED = "-- ";

    private LineComments() {}

    /**
     * The edit that toggles comments on the lines touched by the selection {@code [selectionStart,
     * selectionEnd)} of {@code text} (an empty selection is a caret: its line is toggled).
     */
    public static CommentToggle toggle(String text, int selectionStart, int selectionEnd) {
        if (text == null) {
            throw new IllegalArgumentException("text is required");
        }
        if (selectionStart < 0 || selectionEnd < selectionStart || selectionEnd > text.length()) {
            throw new IllegalArgumentException("selection " + selectionStart + ".." + selectionEnd
                    + " does not fit a text of " + text.length() + " characters");
        }
        int lastTouched =
                selectionEnd > selectionStart && isLineStart(text, selectionEnd) ? selectionEnd - 1 : selectionEnd;
        int blockStart = lineStart(text, selectionStart);
        int blockEnd = lineEnd(text, Math.max(selectionStart, lastTouched));
        List<Line> lines = linesOf(text, blockStart, blockEnd);

        boolean anyContent = lines.stream().anyMatch(line -> !line.blank());
        boolean uncomment =
                anyContent && lines.stream().filter(line -> !line.blank()).allMatch(line -> line.commented(text));
        List<Edit> edits = uncomment ? removals(text, lines) : insertions(lines, anyContent);

        StringBuilder replacement = new StringBuilder(text.substring(blockStart, blockEnd));
        for (int i = edits.size() - 1; i >= 0; i--) {
            Edit edit = edits.get(i);
            replacement.replace(
                    edit.offset() - blockStart, edit.offset() - blockStart + edit.removed(), edit.inserted());
        }
        boolean caretOnly = selectionStart == selectionEnd;
        int newStart = shift(selectionStart, edits, !caretOnly);
        int newEnd = caretOnly ? newStart : Math.max(newStart, shift(selectionEnd, edits, false));
        return new CommentToggle(blockStart, blockEnd, replacement.toString(), newStart, newEnd);
    }

    private static List<Edit> removals(String text, List<Line> lines) {
        List<Edit> edits = new ArrayList<>();
        for (Line line : lines) {
            if (!line.blank()) {
                int marker = line.contentStart();
                int after = marker + MARKER.length();
                boolean space = after < line.end() && text.charAt(after) == ' ';
                edits.add(new Edit(marker, MARKER.length() + (space ? 1 : 0), ""));
            }
        }
        return edits;
    }

    private static List<Edit> insertions(List<Line> lines, boolean anyContent) {
        // Only blank lines selected: comment them anyway, so the command visibly does something.
        int indent = lines.stream()
                .filter(line -> !anyContent || !line.blank())
                .mapToInt(Line::indentation)
                .min()
                .orElse(0);
        List<Edit> edits = new ArrayList<>();
        for (Line line : lines) {
            if (!anyContent || !line.blank()) {
                edits.add(new Edit(line.start() + Math.min(indent, line.indentation()), 0, INSERTED));
            }
        }
        return edits;
    }

    /**
     * Where {@code offset} ends up after the edits. An offset exactly at an insertion moves past it unless
     * {@code stayBeforeInsertion} (a selection's start stays before the marker it selects).
     */
    private static int shift(int offset, List<Edit> edits, boolean stayBeforeInsertion) {
        int delta = 0;
        for (Edit edit : edits) {
            int editEnd = edit.offset() + edit.removed();
            if (edit.removed() == 0) {
                if (offset > edit.offset() || (offset == edit.offset() && !stayBeforeInsertion)) {
                    delta += edit.inserted().length();
                }
            } else if (offset >= editEnd) {
                delta -= edit.removed();
            } else if (offset > edit.offset()) {
                delta -= offset - edit.offset();
            }
        }
        return offset + delta;
    }

    private static List<Line> linesOf(String text, int blockStart, int blockEnd) {
        List<Line> lines = new ArrayList<>();
        int start = blockStart;
        while (true) {
            int end = lineEnd(text, start);
            int content = start;
            while (content < end && isIndentation(text.charAt(content))) {
                content++;
            }
            lines.add(new Line(start, end, content));
            if (end >= blockEnd) {
                return lines;
            }
            start = end + 1;
        }
    }

    private static boolean isLineStart(String text, int offset) {
        return offset == 0 || text.charAt(offset - 1) == '\n';
    }

    private static int lineStart(String text, int offset) {
        int newline = offset == 0 ? -1 : text.lastIndexOf('\n', offset - 1);
        return newline + 1;
    }

    /** The end of the line holding {@code offset}, before its line break (a {@code \r} of CRLF included). */
    private static int lineEnd(String text, int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline;
    }

    private static boolean isIndentation(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** One line of the block: {@code [start, end)} without its line break; content starts after the indent. */
    private record Line(int start, int end, int contentStart) {
        boolean blank() {
            return contentStart == end;
        }

        int indentation() {
            return contentStart - start;
        }

        boolean commented(String text) {
            return text.startsWith(MARKER, contentStart);
        }
    }

    /** Replace {@code removed} characters at {@code offset} of the original text with {@code inserted}. */
    private record Edit(int offset, int removed, String inserted) {}
}
