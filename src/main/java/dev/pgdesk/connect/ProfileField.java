package dev.pgdesk.connect;

/** The fields of a connection profile that validation can point at. */
public enum ProfileField {
    NAME,
    HOST,
    PORT,
    DATABASE,
    USER,
    SSL_MODE,
    SSL_ROOT_CERT,
    SSL_CERT,
    SSL_KEY,
    CONNECT_TIMEOUT,
    APPLICATION_NAME
}
