package dev.pgdesk.pool;

/**
 * What a connected user sees first about a server.
 *
 * @param sslDescription for example {@code TLSv1.3 (TLS_AES_256_GCM_SHA384)} or {@code not encrypted}
 */
public record ServerSummary(
        String serverVersion, String currentUser, boolean superuser, String database, String sslDescription) {}
