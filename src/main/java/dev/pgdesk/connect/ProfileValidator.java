package dev.pgdesk.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Checks a profile before it is saved or tried; each problem names its field and how to fix it. */
public final class ProfileValidator {

    /** The longest connect timeout pgdesk accepts, in seconds (an hour). */
    public static final int MAX_CONNECT_TIMEOUT_SECONDS = 3600;

    private ProfileValidator() {}

    /**
     * @param others the other saved profiles (for duplicate names); the profile's own id is ignored
     */
    public static List<FieldError> validate(ConnectionProfile profile, Collection<ConnectionProfile> others) {
        List<FieldError> errors = new ArrayList<>();
        checkName(profile, others, errors);
        checkHost(profile.host(), errors);
        if (profile.port() < 1 || profile.port() > 65535) {
            errors.add(new FieldError(
                    ProfileField.PORT,
                    "Port " + profile.port() + " is not a valid TCP port: enter a number from 1 to 65535"
                            + " (PostgreSQL's default is 5432)."));
        }
        if (profile.database().isBlank()) {
            errors.add(new FieldError(
                    ProfileField.DATABASE, "Enter the database to connect to (every server has one named postgres)."));
        }
        if (profile.user().isBlank()) {
            errors.add(new FieldError(ProfileField.USER, "Enter the user name to log in as."));
        }
        checkSsl(profile, errors);
        if (profile.connectTimeoutSeconds() < 0 || profile.connectTimeoutSeconds() > MAX_CONNECT_TIMEOUT_SECONDS) {
            errors.add(new FieldError(
                    ProfileField.CONNECT_TIMEOUT,
                    "Connect timeout " + profile.connectTimeoutSeconds() + " is out of range: enter a number of"
                            + " seconds from 0 (wait indefinitely) to " + MAX_CONNECT_TIMEOUT_SECONDS + "."));
        }
        return List.copyOf(errors);
    }

    private static void checkName(
            ConnectionProfile profile, Collection<ConnectionProfile> others, List<FieldError> errors) {
        String name = profile.name().trim();
        if (name.isEmpty()) {
            errors.add(new FieldError(
                    ProfileField.NAME, "Give the connection a name, so that you can find it in the list."));
            return;
        }
        String key = name.toLowerCase(Locale.ROOT);
        boolean taken = others.stream()
                .filter(other -> !other.id().equals(profile.id()))
                .anyMatch(other -> other.name().trim().toLowerCase(Locale.ROOT).equals(key));
        if (taken) {
            errors.add(new FieldError(
                    ProfileField.NAME,
                    "Another connection is already named \"" + name + "\": choose a different name."));
        }
    }

    private static void checkHost(String host, List<FieldError> errors) {
        String trimmed = host.trim();
        if (trimmed.isEmpty()) {
            errors.add(new FieldError(
                    ProfileField.HOST,
                    "Enter the server's host name or IP address (localhost for a server on this computer)."));
        } else if (trimmed.startsWith("/")) {
            errors.add(new FieldError(
                    ProfileField.HOST,
                    "\"" + trimmed + "\" is a Unix-domain socket directory, which pgdesk cannot use (it connects"
                            + " over TCP): enter a host name such as localhost."));
        } else if (trimmed.contains(",")) {
            errors.add(new FieldError(
                    ProfileField.HOST, "pgdesk connects to one host at a time: enter a single host name."));
        } else if (trimmed.chars().anyMatch(Character::isWhitespace)) {
            errors.add(
                    new FieldError(ProfileField.HOST, "A host name cannot contain spaces: check \"" + trimmed + "\"."));
        }
    }

    private static void checkSsl(ConnectionProfile profile, List<FieldError> errors) {
        SslMode mode = profile.sslMode();
        if (mode.requiresRootCertificate() && profile.sslRootCert() == null) {
            errors.add(new FieldError(
                    ProfileField.SSL_ROOT_CERT,
                    mode.libpqName() + " checks the server's certificate against a root certificate: choose the"
                            + " CA file (often root.crt), or pick require to encrypt without checking."));
        }
        checkFile(profile.sslRootCert(), ProfileField.SSL_ROOT_CERT, "Root certificate", errors);
        checkFile(profile.sslCert(), ProfileField.SSL_CERT, "Client certificate", errors);
        checkFile(profile.sslKey(), ProfileField.SSL_KEY, "Client key", errors);
        if (profile.sslCert() != null && profile.sslKey() == null) {
            errors.add(new FieldError(
                    ProfileField.SSL_KEY,
                    "A client certificate needs its private key: choose the key file (often postgresql.key),"
                            + " or clear the certificate."));
        }
        if (profile.sslKey() != null && profile.sslCert() == null) {
            errors.add(new FieldError(
                    ProfileField.SSL_CERT,
                    "A client key needs its certificate: choose the certificate file (often postgresql.crt),"
                            + " or clear the key."));
        }
    }

    private static void checkFile(Path path, ProfileField field, String what, List<FieldError> errors) {
        if (path == null) {
            return;
        }
        String problem = null;
        if (!Files.exists(path)) {
            problem = "does not exist";
        } else if (Files.isDirectory(path)) {
            problem = "is a directory, not a file";
        } else if (!Files.isReadable(path)) {
            problem = "cannot be read (check its permissions)";
        }
        if (problem != null) {
            errors.add(new FieldError(field, what + " " + path + " " + problem + ": choose the right file."));
        }
    }
}
