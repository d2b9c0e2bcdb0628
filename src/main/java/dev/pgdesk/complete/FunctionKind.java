package dev.pgdesk.complete;

/** What a routine is, as {@code pg_proc.prokind} says. */
public enum FunctionKind {
    /** A plain function ({@code f}). */
    NORMAL,
    /** An aggregate ({@code a}), such as {@code count}. */
    AGGREGATE,
    /** A window function ({@code w}), such as {@code row_number}. */
    WINDOW,
    /** A procedure ({@code p}), run with {@code CALL}. */
    PROCEDURE;

    /** The kind for a {@code pg_proc.prokind} code. */
    public static FunctionKind fromProkind(String prokind) {
        return switch (prokind) {
            case "f" -> NORMAL;
            case "a" -> AGGREGATE;
            case "w" -> WINDOW;
            case "p" -> PROCEDURE;
            default ->
                throw new IllegalArgumentException("prokind '" + prokind + "' is unknown (expected f, a, w or p)");
        };
    }
}
