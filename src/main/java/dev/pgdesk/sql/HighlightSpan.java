package dev.pgdesk.sql;

/**
 * A run of characters that share one highlighting style, as {@link SqlHighlighter} produces them. Spans
 * follow each other without gaps, so only their lengths are stored.
 *
 * @param styleClass the CSS style class for the run, or {@code ""} for text shown unstyled (whitespace)
 * @param length the number of characters in the run; positive
 */
public record HighlightSpan(String styleClass, int length) {

    /** Validates the span. */
    public HighlightSpan {
        if (styleClass == null) {
            throw new IllegalArgumentException("style class is required (use \"\" for unstyled text)");
        }
        if (length <= 0) {
            throw new IllegalArgumentException("a highlight span needs a positive length, but got " + length);
        }
    }

    /** Whether the run is shown without a style of its own. */
    public boolean isUnstyled() {
        return styleClass.isEmpty();
    }
}
