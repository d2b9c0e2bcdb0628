package dev.pgdesk.ui.query;

/** Where the editor marks a server error: offsets into the editor's text, end exclusive. */
public record ErrorMark(int start, int end) {}
