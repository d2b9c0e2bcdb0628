package dev.pgdesk.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes names into SQL, double-quoting only the ones PostgreSQL would otherwise read differently. */
public final class Identifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /**
     * Keywords that may name a type or function but not a column or table, so a name spelled so needs quotes
     * too (PostgreSQL's "type_func_name" keywords not in {@link SqlKeywords}'s reserved list).
     */
    private static final Set<String> NOT_A_COLUMN_NAME = Set.of(
            "authorization",
            "binary",
            "collation",
            "concurrently",
            "cross",
            "current_schema",
            "freeze",
            "full",
            "ilike",
            "inner",
            "is",
            "isnull",
            "join",
            "left",
            "like",
            "natural",
            "notnull",
            "outer",
            "overlaps",
            "right",
            "similar",
            "tablesample",
            "verbose");

    private Identifiers() {}

    /**
     * {@code name} as an SQL identifier: unchanged when it is lower case letters, digits and underscores and
     * not a keyword that would clash; otherwise in double quotes with inner quotes doubled.
     */
    public static String quote(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("An SQL identifier cannot be empty");
        }
        return needsQuotes(name) ? '"' + name.replace("\"", "\"\"") + '"' : name;
    }

    /**
     * Whether {@code name} must be double-quoted to be read back unchanged: anything but lower-case letters,
     * digits, underscores and dollars (not leading), or a keyword that cannot name a column or table.
     */
    public static boolean needsQuotes(String name) {
        return !PLAIN.matcher(name).matches()
                || SqlKeywords.isReserved(name)
                || NOT_A_COLUMN_NAME.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code schema.name}, each part quoted as needed. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** {@code text} as an SQL string literal (standard_conforming_strings on, the default since 9.1). */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
