package dev.pgdesk.cli;

/** Multi-line text such as a query squeezed onto one table line. */
final class OneLine {

    private OneLine() {}

    /** {@code text} with runs of whitespace as one space, cut at {@code max} characters with "…"; "" for null. */
    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
