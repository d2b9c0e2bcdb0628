package dev.pgdesk.schema;

import java.util.Locale;

/**
 * One object in a schema: a node under a schema's folder in the navigator.
 *
 * @param kind what it is
 * @param schema the schema it lives in
 * @param name its name
 * @param arguments for functions and procedures the input argument types ({@code oidvectortypes} of
 *     proargtypes, as the reader's search path names them: {@code integer, timestamp with time zone}), which
 *     tell overloads apart; empty for other kinds
 * @param owner the owning role
 * @param comment its COMMENT, or empty
 */
public record SchemaObject(ObjectKind kind, String schema, String name, String arguments, String owner, String comment)
        implements DatabaseObject {

    /** The schema and name (without arguments). */
    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    /** What a tree node shows: the name, and for routines their argument types, {@code f(integer, text)}. */
    public String displayName() {
        return kind.isRoutine() ? name + "(" + arguments + ")" : name;
    }

    /**
     * Whether the navigator's filter box text matches: every blank-separated word occurs in the display name,
     * ignoring case. A blank filter matches everything.
     */
    public boolean matches(String filter) {
        String name = displayName().toLowerCase(Locale.ROOT);
        for (String word : filter.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!name.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** {@code schema.name} for SQL, quoted where needed, with {@code (argument types)} for routines. */
    public String toSql() {
        return qualifiedName().toSql() + (kind.isRoutine() ? "(" + arguments + ")" : "");
    }
}
