package dev.pgdesk.ui.schema;

import dev.pgdesk.schema.ObjectKind;
import dev.pgdesk.schema.StatementTemplates;

/**
 * Which statement templates make sense for a relation, and why the others do not: a materialized view
 * takes no INSERT, UPDATE or DELETE, and UPDATE or DELETE by key need a key.
 *
 * @param insert whether INSERT can be generated
 * @param updateAndDelete whether UPDATE and DELETE by key can be generated
 * @param reason why something cannot, in words for a tooltip; empty when everything can
 */
public record TemplateOptions(boolean insert, boolean updateAndDelete, String reason) {

    static TemplateOptions of(ObjectKind kind, StatementTemplates templates) {
        if (!templates.isModifiable()) {
            return new TemplateOptions(
                    false, false, "A " + kind.label() + "'s rows change only with REFRESH MATERIALIZED VIEW.");
        }
        if (templates.rowKey().isEmpty()) {
            return new TemplateOptions(
                    true,
                    false,
                    "No primary key or unique NOT NULL columns pick out one row; write the WHERE clause by hand.");
        }
        return new TemplateOptions(true, true, "");
    }
}
