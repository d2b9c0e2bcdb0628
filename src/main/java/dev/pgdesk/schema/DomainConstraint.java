package dev.pgdesk.schema;

/**
 * A CHECK constraint of a domain.
 *
 * @param name the constraint's name
 * @param definition {@code CHECK (...)} from {@code pg_get_constraintdef}
 */
public record DomainConstraint(String name, String definition) {}
