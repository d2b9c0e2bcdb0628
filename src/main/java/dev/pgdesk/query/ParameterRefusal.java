package dev.pgdesk.query;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Names the parameter whose value the server refused. When a parameter's input function fails while the
 * server binds a statement (PostgreSQL 14 and later; older servers do not say), the error's context says {@code unnamed portal
 * parameter $N}, where N counts the driver's placeholders; this maps N back to the label the user wrote and
 * adds it to the detail, keeping the server's own SQLSTATE and message.
 */
public final class ParameterRefusal {
    /** The context line of bind_param_error_callback, for the unnamed portal and for a named one. */
    private static final Pattern BIND_CONTEXT = Pattern.compile("(?:unnamed portal|portal \".*\") parameter \\$(\\d+)");

    private ParameterRefusal() {}

    /**
     * {@code error} with a detail line naming the refused parameter, when {@code cause} says the server refused
     * a value of {@code bound}; otherwise {@code error} unchanged.
     */
    public static ServerError naming(ServerError error, SQLException cause, BoundStatement bound) {
        Optional<String> line = refusedParameter(cause, bound);
        if (line.isEmpty()) {
            return error;
        }
        String detail = error.detail() == null ? line.get() : error.detail() + "\n" + line.get();
        return new ServerError(
                error.sqlState(),
                error.message(),
                detail,
                error.hint(),
                error.position(),
                error.notices(),
                error.duration());
    }

    /** "The value of :id was refused as numeric.", or empty when the error is not about a parameter's value. */
    static Optional<String> refusedParameter(SQLException cause, BoundStatement bound) {
        ServerErrorMessage server = cause instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null || server.getWhere() == null) {
            return Optional.empty();
        }
        Matcher context = BIND_CONTEXT.matcher(server.getWhere());
        if (!context.find()) {
            return Optional.empty();
        }
        int placeholder;
        try {
            placeholder = Integer.parseInt(context.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return bound.parameterLabel(placeholder).map(label -> {
            String type = bound.values().get(placeholder - 1).typeName();
            return "The value of " + label + " was refused"
                    + (type.equals(ScriptRunner.UNKNOWN_TYPE) ? "." : " as " + type + ".");
        });
    }
}
