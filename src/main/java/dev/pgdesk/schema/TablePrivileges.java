package dev.pgdesk.schema;

import dev.pgdesk.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the current user may do with a table, so "permission denied" is explained before it happens. Each
 * flag is {@code has_table_privilege} (which counts privileges held through roles and PUBLIC, and is always
 * true for the owner and superusers).
 *
 * @param user the role the answers are for ({@code current_user})
 * @param table the table
 * @param schemaUsage whether the user has USAGE on the table's schema; without it no table privilege helps
 * @param select SELECT on the whole table
 * @param insert INSERT
 * @param update UPDATE on the whole table
 * @param delete DELETE
 * @param truncate TRUNCATE
 * @param references REFERENCES (may create foreign keys to it)
 * @param trigger TRIGGER (may create triggers on it)
 * @param columnGrants where a table-wide SELECT, INSERT, UPDATE or REFERENCES is missing but some columns are
 *     granted: the privilege mapped to those columns (for example {@code SELECT -> [id, name]})
 */
public record TablePrivileges(
        String user,
        QualifiedName table,
        boolean schemaUsage,
        boolean select,
        boolean insert,
        boolean update,
        boolean delete,
        boolean truncate,
        boolean references,
        boolean trigger,
        Map<String, List<String>> columnGrants) {

    /** Copies the map. */
    public TablePrivileges {
        columnGrants = Map.copyOf(columnGrants);
    }

    /** The privileges held, in SQL words, for example {@code [SELECT, INSERT]}. */
    public List<String> granted() {
        List<String> names = new ArrayList<>();
        if (select) {
            names.add("SELECT");
        }
        if (insert) {
            names.add("INSERT");
        }
        if (update) {
            names.add("UPDATE");
        }
        if (delete) {
            names.add("DELETE");
        }
        if (truncate) {
            names.add("TRUNCATE");
        }
        if (references) {
            names.add("REFERENCES");
        }
        if (trigger) {
            names.add("TRIGGER");
        }
        return List.copyOf(names);
    }

    /** One line for the detail panel, mentioning missing schema USAGE and column-level grants. */
    public String summary() {
        StringBuilder text = new StringBuilder(user).append(" may ");
        List<String> granted = granted();
        text.append(granted.isEmpty() ? "do nothing with" : String.join(", ", granted) + " on");
        text.append(' ').append(table.toSql());
        columnGrants.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append("; ")
                        .append(e.getKey())
                        .append(" only on columns ")
                        .append(String.join(", ", e.getValue())));
        if (!schemaUsage) {
            text.append(" — but lacks USAGE on schema ")
                    .append(Identifiers.quote(table.schema()))
                    .append(", so every access fails");
        }
        return text.toString();
    }
}
