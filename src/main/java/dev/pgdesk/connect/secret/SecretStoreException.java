package dev.pgdesk.connect.secret;

/** The keyring refused to store a secret; the message says why in plain words. */
public final class SecretStoreException extends Exception {
    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
