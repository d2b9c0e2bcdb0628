package dev.pgdesk.schema;

/**
 * A (user-defined, not internal) trigger on a table or view.
 *
 * @param name the trigger's name
 * @param definition its {@code CREATE TRIGGER} statement from {@code pg_get_triggerdef}, without semicolon
 * @param function the function it executes, qualified
 * @param enabled false when disabled with {@code ALTER TABLE ... DISABLE TRIGGER}
 * @param inherited whether it was cloned from a trigger on the partitioned parent table
 */
public record TriggerInfo(String name, String definition, QualifiedName function, boolean enabled, boolean inherited) {}
