package dev.pgdesk.schema;

import java.sql.SQLException;

/**
 * The object asked for does not exist (any more), or a name matches several objects. An {@link
 * SQLException} with SQLSTATE 42704 (undefined_object) or 42725 (ambiguous_function), so it travels through
 * {@code PooledSession.execute} like any server error; the message says what to type instead.
 */
public final class ObjectNotFoundException extends SQLException {
    private static final long serialVersionUID = 1L;

    /** SQLSTATE of a missing object. */
    public static final String UNDEFINED_OBJECT = "42704";
    /** SQLSTATE of a name that matches several objects. */
    public static final String AMBIGUOUS = "42725";

    ObjectNotFoundException(String message) {
        super(message, UNDEFINED_OBJECT);
    }

    ObjectNotFoundException(String message, String sqlState) {
        super(message, sqlState);
    }

    /** Whether the name matched several objects, rather than none. */
    public boolean isAmbiguous() {
        return AMBIGUOUS.equals(getSQLState());
    }
}
