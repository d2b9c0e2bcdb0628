package dev.pgdesk.complete;

/**
 * A function, aggregate or procedure completion offers.
 *
 * @param schema the schema it lives in
 * @param name its name as stored in the catalog (not quoted)
 * @param arguments its argument list as {@code pg_get_function_identity_arguments} writes it, such as
 *     {@code integer, text}
 * @param result its result type as {@code pg_get_function_result} writes it; empty for a procedure
 * @param kind normal, aggregate, window function or procedure
 */
public record CatalogFunction(String schema, String name, String arguments, String result, FunctionKind kind) {

    /** Validates the fields. */
    public CatalogFunction {
        if (schema == null || schema.isEmpty() || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a function needs a schema and a name, got " + schema + "." + name);
        }
        if (arguments == null || result == null || kind == null) {
            throw new IllegalArgumentException(
                    "function " + schema + "." + name + " needs arguments, a result and a kind (\"\" when none)");
        }
    }

    /** Whether it returns a set of rows, so it may stand in a {@code FROM} clause. */
    public boolean returnsSet() {
        return result.startsWith("SETOF ") || result.startsWith("TABLE(");
    }

    /** {@code name(arguments) → result}, for a candidate's detail. */
    public String signature() {
        String call = name + "(" + arguments + ")";
        return result.isEmpty() ? call : call + " → " + result;
    }
}
