package dev.pgdesk.connect;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved connection: everything needed to connect except the password, which lives wherever {@link
 * #passwordStorage()} says and never in the profiles file. Certificate paths are null when not set.
 *
 * @param id stable identity (keyring entries are keyed by it, so a rename keeps the password)
 * @param connectTimeoutSeconds how long to wait for the TCP connection and the server's answer
 * @param options libpq's {@code options}: command-line options for the server, such as {@code -c
 *     statement_timeout=5min}, applied to every session at connect; empty for none
 */
public record ConnectionProfile(
        String id,
        String name,
        String host,
        int port,
        String database,
        String user,
        SslMode sslMode,
        Path sslRootCert,
        Path sslCert,
        Path sslKey,
        int connectTimeoutSeconds,
        String applicationName,
        boolean readOnly,
        PasswordStorage passwordStorage,
        String options) {

    public static final int DEFAULT_PORT = 5432;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    public static final String DEFAULT_APPLICATION_NAME = "pgdesk";

    public ConnectionProfile {
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, "");
        host = Objects.requireNonNullElse(host, "");
        database = Objects.requireNonNullElse(database, "");
        user = Objects.requireNonNullElse(user, "");
        sslMode = Objects.requireNonNullElse(sslMode, SslMode.PREFER);
        applicationName = Objects.requireNonNullElse(applicationName, DEFAULT_APPLICATION_NAME);
        passwordStorage = Objects.requireNonNullElse(passwordStorage, PasswordStorage.ASK_EVERY_TIME);
        options = Objects.requireNonNullElse(options, "");
    }

    /** A builder with libpq's defaults: localhost, 5432, {@code prefer}. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .name(name)
                .host(host)
                .port(port)
                .database(database)
                .user(user)
                .sslMode(sslMode)
                .sslRootCert(sslRootCert)
                .sslCert(sslCert)
                .sslKey(sslKey)
                .connectTimeoutSeconds(connectTimeoutSeconds)
                .applicationName(applicationName)
                .readOnly(readOnly)
                .passwordStorage(passwordStorage)
                .options(options);
    }

    /** {@code user@host:port/database}, for titles and logs. */
    public String displayTarget() {
        return user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
    }

    /** Builds profiles field by field. */
    public static final class Builder {
        private String id = UUID.randomUUID().toString();
        private String name = "";
        private String host = "localhost";
        private int port = DEFAULT_PORT;
        private String database = "postgres";
        private String user = "postgres";
        private SslMode sslMode = SslMode.PREFER;
        private Path sslRootCert;
        private Path sslCert;
        private Path sslKey;
        private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
        private String applicationName = DEFAULT_APPLICATION_NAME;
        private boolean readOnly;
        private PasswordStorage passwordStorage = PasswordStorage.ASK_EVERY_TIME;
        private String options = "";

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder database(String database) {
            this.database = database;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder sslMode(SslMode sslMode) {
            this.sslMode = sslMode;
            return this;
        }

        public Builder sslRootCert(Path sslRootCert) {
            this.sslRootCert = sslRootCert;
            return this;
        }

        public Builder sslCert(Path sslCert) {
            this.sslCert = sslCert;
            return this;
        }

        public Builder sslKey(Path sslKey) {
            this.sslKey = sslKey;
            return this;
        }

        public Builder connectTimeoutSeconds(int connectTimeoutSeconds) {
            this.connectTimeoutSeconds = connectTimeoutSeconds;
            return this;
        }

        public Builder applicationName(String applicationName) {
            this.applicationName = applicationName;
            return this;
        }

        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder passwordStorage(PasswordStorage passwordStorage) {
            this.passwordStorage = passwordStorage;
            return this;
        }

        /** libpq's {@code options} ({@code -c name=value ...}); empty for none. */
        public Builder options(String options) {
            this.options = options;
            return this;
        }

        public ConnectionProfile build() {
            return new ConnectionProfile(
                    id,
                    name,
                    host,
                    port,
                    database,
                    user,
                    sslMode,
                    sslRootCert,
                    sslCert,
                    sslKey,
                    connectTimeoutSeconds,
                    applicationName,
                    readOnly,
                    passwordStorage,
                    options);
        }
    }
}
