package dev.pgdesk.schema;

import dev.pgdesk.sql.Identifiers;

/**
 * A trigger, named by its table: trigger names are unique per table, not per schema.
 *
 * @param table the table (or view) the trigger is on
 * @param trigger the trigger's name
 */
public record TriggerName(QualifiedName table, String trigger) implements DatabaseObject {

    @Override
    public ObjectKind kind() {
        return ObjectKind.TRIGGER;
    }

    @Override
    public String toSql() {
        return table.toSql() + "." + Identifiers.quote(trigger);
    }
}
