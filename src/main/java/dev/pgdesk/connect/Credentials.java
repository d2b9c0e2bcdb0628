package dev.pgdesk.connect;

/**
 * The secrets a connection may need, never stored with the profile: the login password and the
 * password of an encrypted client key. Either may be null when not known or not needed.
 */
public record Credentials(String password, String keyPassword) {

    /** Just a login password (possibly null). */
    public static Credentials password(String password) {
        return new Credentials(password, null);
    }

    /** Hides the secrets from logs and debuggers' string views. */
    @Override
    public String toString() {
        return "Credentials[password=" + (password == null ? "none" : "***") + ", keyPassword="
                + (keyPassword == null ? "none" : "***") + "]";
    }
}
