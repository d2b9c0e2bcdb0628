package dev.pgdesk.schema;

import java.util.List;

/**
 * A statement to put into the editor, with {@code $n} parameters the editor's parameter panel fills in.
 *
 * @param sql the statement, without a trailing semicolon
 * @param parameters the column each parameter stands for: {@code parameters.get(0)} is {@code $1}
 */
public record StatementTemplate(String sql, List<String> parameters) {

    /** Copies the list. */
    public StatementTemplate {
        parameters = List.copyOf(parameters);
    }
}
