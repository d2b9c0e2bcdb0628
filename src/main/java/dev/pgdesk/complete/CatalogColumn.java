package dev.pgdesk.complete;

/**
 * A column of a relation, as completion shows it.
 *
 * @param name the column's name as stored in the catalog (not quoted)
 * @param type its type as {@code format_type} writes it, such as {@code character varying(40)}
 */
public record CatalogColumn(String name, String type) {

    /** Validates the fields. */
    public CatalogColumn {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        if (type == null) {
            throw new IllegalArgumentException("column " + name + " needs a type (use \"\" when unknown)");
        }
    }
}
