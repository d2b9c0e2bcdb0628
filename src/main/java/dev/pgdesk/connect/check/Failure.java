package dev.pgdesk.connect.check;

/**
 * Why a connection failed, in plain words.
 *
 * @param title short, for example {@code Password authentication failed}
 * @param explanation what happened, in a sentence or two
 * @param remedy what the user can do about it
 * @param sqlState the server's SQLSTATE when it sent one, else empty
 */
public record Failure(String title, String explanation, String remedy, String sqlState) {}
