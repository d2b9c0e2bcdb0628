package dev.pgdesk.connect;

import java.util.Properties;
import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;

/**
 * Builds the pgjdbc connection properties for a profile from a fixed list of settings pgdesk
 * understands. Nothing free-form from a profile or a URI ever reaches the driver: pgjdbc instantiates
 * classes named in some properties ({@code socketFactory}, {@code sslfactory}, {@code
 * authenticationPluginClassName}, ...), so those are always pgdesk's own or absent. The password is only ever the
 * one pgdesk found: the driver's own password-file reading is kept out.
 */
public final class DriverProperties {

    /** The SSL socket factory pgjdbc is told to use; it enforces libpq's meaning of each mode. */
    public static final String SSL_FACTORY_CLASS = "dev.pgdesk.connect.tls.PgdeskSslSocketFactory";

    private DriverProperties() {}

    /** The JDBC URL for a profile: host, port and database only; everything else is a property. */
    public static String jdbcUrl(ConnectionProfile profile) {
        String host = profile.host().contains(":") ? "[" + profile.host() + "]" : profile.host();
        return "jdbc:postgresql://" + host + ":" + profile.port() + "/" + urlEncode(profile.database());
    }

    /** The driver properties for {@code profile}, with {@code password} when one is known (may be null). */
    public static Properties of(ConnectionProfile profile, String password) {
        return of(profile, Credentials.password(password));
    }

    /** The driver properties for {@code profile}, with whichever secrets are known. */
    public static Properties of(ConnectionProfile profile, Credentials credentials) {
        String password = credentials.password();
        String keyPassword = credentials.keyPassword();
        Properties props = new Properties();
        props.setProperty("user", profile.user());
        putPassword(props, password);
        props.setProperty("ApplicationName", profile.applicationName());
        if (!profile.options().isBlank()) {
            // Sent in the startup packet as libpq sends it: the session's settings from its first statement.
            props.setProperty("options", profile.options());
        }
        props.setProperty("connectTimeout", Integer.toString(Math.max(0, profile.connectTimeoutSeconds())));
        props.setProperty("loginTimeout", Integer.toString(Math.max(0, profile.connectTimeoutSeconds())));
        props.setProperty("tcpKeepAlive", "true");
        // Every value arrives as the server's own text: pgjdbc's binary decoding re-formats floats, dates
        // and times in Java's way, and values are mapped from the server's text (see export.RowToJson).
        props.setProperty("binaryTransfer", "false");
        // GSS encryption negotiation would consult Kerberos first; pgdesk does not offer it.
        props.setProperty("gssEncMode", "disable");
        if (profile.readOnly()) {
            props.setProperty("readOnly", "true");
            props.setProperty("readOnlyMode", "always");
        }
        putSsl(props, profile);
        if (keyPassword != null && !keyPassword.isEmpty() && profile.sslMode() != SslMode.DISABLE) {
            props.setProperty("sslpassword", keyPassword);
        }
        return props;
    }

    /**
     * The password pgdesk found (by libpq's rules, see {@link PgPassFile}) and nothing else. pgjdbc reads a password
     * file of its own ({@code org.postgresql.pgpassfile}, {@code PGPASSFILE}, {@code ~/.pgpass}) whenever the
     * password property is absent, without libpq's permission check, so a file libpq and pgdesk ignore would log
     * in behind pgdesk's back. The property is therefore always present (empty when there is no password), which
     * keeps pgjdbc from looking; and {@link GivenPasswordOnly} hands the server the password only when it is not
     * empty, so that "no password" still fails as pgjdbc reports a missing one (libpq also treats an empty
     * password as none).
     */
    private static void putPassword(Properties props, String password) {
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("authenticationPluginClassName", GivenPasswordOnly.class.getName());
    }

    /**
     * Gives pgjdbc the password of the connection properties, and none when it is empty. pgjdbc creates it by
     * name for each password request of the server.
     */
    public static final class GivenPasswordOnly implements AuthenticationPlugin {
        private final String password;

        public GivenPasswordOnly(Properties properties) {
            this.password = properties.getProperty("password", "");
        }

        @Override
        public char[] getPassword(AuthenticationRequestType type) {
            return password.isEmpty() ? null : password.toCharArray();
        }
    }

    private static void putSsl(Properties props, ConnectionProfile profile) {
        SslMode mode = profile.sslMode();
        boolean rootGiven = profile.sslRootCert() != null;
        // libpq: require with a root certificate behaves as verify-ca. pgjdbc would not verify at all.
        SslMode effective = mode == SslMode.REQUIRE && rootGiven ? SslMode.VERIFY_CA : mode;
        props.setProperty("sslmode", effective.libpqName());
        if (effective == SslMode.DISABLE) {
            props.setProperty("ssl", "false");
            return;
        }
        props.setProperty("sslfactory", SSL_FACTORY_CLASS);
        if (rootGiven) {
            props.setProperty("sslrootcert", profile.sslRootCert().toString());
        }
        if (profile.sslCert() != null) {
            props.setProperty("sslcert", profile.sslCert().toString());
        }
        if (profile.sslKey() != null) {
            props.setProperty("sslkey", profile.sslKey().toString());
        }
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
