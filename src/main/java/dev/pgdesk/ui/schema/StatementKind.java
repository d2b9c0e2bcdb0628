package dev.pgdesk.ui.schema;

/** The statements the navigator's Generate menu writes into a new editor. */
public enum StatementKind {
    SELECT,
    INSERT,
    UPDATE,
    DELETE
}
