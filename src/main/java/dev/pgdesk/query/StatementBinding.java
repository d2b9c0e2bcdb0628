package dev.pgdesk.query;

import dev.pgdesk.sql.JdbcStatement;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.Parameters;
import dev.pgdesk.sql.ScriptStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the statement the user wrote and one value per distinct parameter into a {@link BoundStatement}:
 * the lexer rewrites {@code $n}/{@code :name} to {@code ?} (leaving strings, comments and dollar bodies
 * alone, doubling literal {@code ?}), and each {@code ?} gets its parameter's value, so a {@code $2} used
 * twice binds the same value twice. Values are never spliced into the SQL text.
 */
public final class StatementBinding {
    private StatementBinding() {}

    /**
     * @param values the value of each distinct parameter (a NULL is {@link ParameterValue#nullOf})
     * @throws IllegalArgumentException a parameter has no value, or the statement mixes parameter styles
     *     ({@link dev.pgdesk.sql.InvalidParametersException})
     */
    public static BoundStatement bind(String text, Map<Parameter, ParameterValue> values) {
        return bind(text, true, values);
    }

    /** Binds one statement of a script, read as the splitter read it. */
    public static BoundStatement bind(ScriptStatement statement, Map<Parameter, ParameterValue> values) {
        return bind(statement.text(), statement.standardConformingStrings(), values);
    }

    private static BoundStatement bind(
            String text, boolean standardConformingStrings, Map<Parameter, ParameterValue> values) {
        JdbcStatement jdbc = Parameters.rewriteForJdbc(text, standardConformingStrings);
        List<ParameterValue> ordered = new ArrayList<>(jdbc.placeholderCount());
        for (Parameter parameter : jdbc.bindings()) {
            ParameterValue value = values.get(parameter);
            if (value == null) {
                throw new IllegalArgumentException(
                        "No value for " + parameter.label() + ": enter a value or mark it NULL.");
            }
            ordered.add(value);
        }
        return new BoundStatement(text, jdbc.sql(), ordered);
    }

    /** A statement without parameters; a literal {@code ?} in it still reaches the server as written. */
    public static BoundStatement withoutParameters(String text) {
        return bind(text, Map.of());
    }
}
