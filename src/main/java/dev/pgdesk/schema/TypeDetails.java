package dev.pgdesk.schema;

import java.util.List;

/**
 * The details of a user-defined type; which fields are filled depends on the kind.
 *
 * @param type the type itself (kind {@link ObjectKind#ENUM_TYPE}, {@link ObjectKind#COMPOSITE_TYPE} or
 *     {@link ObjectKind#DOMAIN})
 * @param labels an enum's labels in sort order; otherwise empty
 * @param attributes a composite type's fields in order; otherwise empty
 * @param baseType a domain's underlying type ({@code format_type}); otherwise empty
 * @param notNull whether a domain is NOT NULL
 * @param defaultExpression a domain's DEFAULT, or empty
 * @param constraints a domain's CHECK constraints by name; otherwise empty
 */
public record TypeDetails(
        SchemaObject type,
        List<String> labels,
        List<TypeAttribute> attributes,
        String baseType,
        boolean notNull,
        String defaultExpression,
        List<DomainConstraint> constraints) {

    /** Copies the lists. */
    public TypeDetails {
        labels = List.copyOf(labels);
        attributes = List.copyOf(attributes);
        constraints = List.copyOf(constraints);
    }
}
