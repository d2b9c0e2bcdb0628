package dev.pgdesk.ui.query;

/** Where the editor marks a server error: the offset into the editor's text of the token at fault. */
public record ErrorMark(int offset) {}
