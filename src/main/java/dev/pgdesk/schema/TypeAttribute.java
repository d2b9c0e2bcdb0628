package dev.pgdesk.schema;

/**
 * One field of a composite type.
 *
 * @param name the field's name
 * @param type its type as {@code format_type} writes it
 */
public record TypeAttribute(String name, String type) {}
