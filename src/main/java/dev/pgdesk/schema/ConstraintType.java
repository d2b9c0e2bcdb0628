package dev.pgdesk.schema;

/** The kinds of table constraint the navigator shows (NOT NULL shows on the columns instead). */
public enum ConstraintType {
    PRIMARY_KEY,
    UNIQUE,
    FOREIGN_KEY,
    CHECK,
    EXCLUSION;

    static ConstraintType of(String contype) {
        return switch (contype) {
            case "p" -> PRIMARY_KEY;
            case "u" -> UNIQUE;
            case "f" -> FOREIGN_KEY;
            case "c" -> CHECK;
            case "x" -> EXCLUSION;
            default -> throw new IllegalArgumentException("Unknown constraint type " + contype);
        };
    }
}
