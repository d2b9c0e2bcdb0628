package dev.pgdesk.sql;

/**
 * The edit {@link LineComments#toggle} computes: replace {@code [start, end)} of the original text with
 * {@code replacement}, then select {@code [selectionStart, selectionEnd)} in the new text.
 *
 * @param start offset in the original text where the replaced line block begins
 * @param end offset in the original text just past the replaced line block
 * @param replacement the new text of the line block
 * @param selectionStart where the selection starts in the new text
 * @param selectionEnd where the selection ends in the new text; not before {@code selectionStart}
 */
public record CommentToggle(int start, int end, String replacement, int selectionStart, int selectionEnd) {

    /** Validates the ranges. */
    public CommentToggle {
        if (replacement == null) {
            throw new IllegalArgumentException("replacement text is required");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("replaced range " + start + ".." + end + " is not a range");
        }
        if (selectionStart < 0 || selectionEnd < selectionStart) {
            throw new IllegalArgumentException(
                    "new selection " + selectionStart + ".." + selectionEnd + " is not a range");
        }
    }

    /** The whole new text, given the text the toggle was computed for. */
    public String applyTo(String original) {
        return original.substring(0, start) + replacement + original.substring(end);
    }
}
