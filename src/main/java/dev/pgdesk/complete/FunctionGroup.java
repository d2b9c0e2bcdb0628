package dev.pgdesk.complete;

import java.util.List;

/**
 * The overloads of one function name in one schema, offered as a single candidate.
 *
 * @param schema the schema
 * @param name the function's name
 * @param overloads every signature, in catalog order; never empty
 */
record FunctionGroup(String schema, String name, List<CatalogFunction> overloads) {

    boolean returnsSet() {
        return overloads.stream().anyMatch(CatalogFunction::returnsSet);
    }

    boolean isProcedure() {
        return overloads.get(0).kind() == FunctionKind.PROCEDURE;
    }

    /** The first signature, and how many more there are. */
    String detail() {
        String first = overloads.get(0).signature();
        int more = overloads.size() - 1;
        return more == 0 ? first : first + "  (+" + more + (more == 1 ? " overload)" : " overloads)");
    }
}
