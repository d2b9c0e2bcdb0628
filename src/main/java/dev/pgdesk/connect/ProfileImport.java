package dev.pgdesk.connect;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a parsed connection string into a profile, filling gaps from the PG* environment and then
 * libpq's defaults. Profiles have fixed fields, so nothing free-form from the string ever reaches the
 * driver: every keyword pgdesk does not take over is listed in {@link ImportedProfile#ignored()} with a
 * short reason.
 */
public final class ProfileImport {

    /** The keywords a profile takes over; everything else is reported as ignored. */
    private static final Set<String> MAPPED = Set.of(
            "host",
            "hostaddr",
            "port",
            "dbname",
            "user",
            "password",
            "sslmode",
            "requiressl",
            "sslrootcert",
            "sslcert",
            "sslkey",
            "connect_timeout",
            "application_name",
            "fallback_application_name",
            "options");

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("passfile", "pgdesk reads PGPASSFILE or the standard password file, ignored"),
            Map.entry("channel_binding", "channel binding is negotiated by the driver, ignored"),
            Map.entry("client_encoding", "pgdesk always uses UTF-8, ignored"),
            Map.entry("keepalives", "pgdesk always enables TCP keepalives, ignored"),
            Map.entry("keepalives_idle", "the system's keepalive timing is used, ignored"),
            Map.entry("keepalives_interval", "the system's keepalive timing is used, ignored"),
            Map.entry("keepalives_count", "the system's keepalive timing is used, ignored"),
            Map.entry("tcp_user_timeout", "not supported by the driver, ignored"),
            Map.entry("replication", "replication connections are not supported, ignored"),
            Map.entry("gssencmode", "GSSAPI encryption is not supported, ignored"),
            Map.entry("sslnegotiation", "the standard SSL negotiation is always used, ignored"),
            Map.entry("sslcompression", "SSL compression is obsolete, ignored"),
            Map.entry("sslpassword", "encrypted client keys are not supported yet, ignored"),
            Map.entry("sslcertmode", "a client certificate is sent whenever one is set, ignored"),
            Map.entry("sslcrl", "certificate revocation lists are not supported yet, ignored"),
            Map.entry("sslcrldir", "certificate revocation lists are not supported yet, ignored"),
            Map.entry("sslsni", "the host name is always sent (SNI), ignored"),
            Map.entry("requirepeer", "Unix-domain sockets are not supported, ignored"),
            Map.entry("ssl_min_protocol_version", "the TLS versions of the Java runtime are used, ignored"),
            Map.entry("ssl_max_protocol_version", "the TLS versions of the Java runtime are used, ignored"),
            Map.entry("krbsrvname", "Kerberos is not supported, ignored"),
            Map.entry("gsslib", "GSSAPI is not supported, ignored"),
            Map.entry("gssdelegation", "GSSAPI is not supported, ignored"),
            Map.entry("service", "service files (pg_service.conf) are not read, ignored"),
            Map.entry("target_session_attrs", "pgdesk connects to a single host, ignored"),
            Map.entry("load_balance_hosts", "pgdesk connects to a single host, ignored"),
            Map.entry("require_auth", "the server's choice of authentication is accepted, ignored"));

    private ProfileImport() {}

    public static ImportedProfile fromConnInfo(ConnInfo info, PgEnvironment env) {
        return resolve(info, env).imported();
    }

    /** An import with the source of each setting, keyed by libpq keyword (without the password). */
    record Result(ImportedProfile imported, Map<String, SettingSource> sources) {}

    static Result resolve(ConnInfo info, PgEnvironment env) {
        return new Importer(info, env).run();
    }

    /** One import: collects the profile fields, their sources and the ignored keywords. */
    private static final class Importer {
        private final ConnInfo info;
        private final PgEnvironment env;
        private final ConnectionProfile.Builder builder = ConnectionProfile.builder();
        private final Map<String, SettingSource> sources = new LinkedHashMap<>();
        private final List<String> ignored = new ArrayList<>();

        Importer(ConnInfo info, PgEnvironment env) {
            this.info = info;
            this.env = env;
        }

        Result run() {
            String host = host();
            int port = port();
            String user = user();
            String database = database(user);
            builder.host(host).port(port).user(user).database(database);
            builder.sslMode(sslMode());
            builder.sslRootCert(path("sslrootcert", "PGSSLROOTCERT"));
            builder.sslCert(path("sslcert", "PGSSLCERT"));
            builder.sslKey(path("sslkey", "PGSSLKEY"));
            builder.connectTimeoutSeconds(connectTimeout());
            builder.applicationName(applicationName());
            builder.options(options());
            builder.name(user + "@" + host + "/" + database);
            for (String keyword : info.parameters().keySet()) {
                if (!MAPPED.contains(keyword)) {
                    ignored.add(keyword + ": " + REASONS.getOrDefault(keyword, "not supported, ignored"));
                }
            }
            ImportedProfile imported = new ImportedProfile(builder.build(), given("password"), List.copyOf(ignored));
            return new Result(imported, sources);
        }

        /** The argument's value of {@code keyword}, when present and not empty. */
        private Optional<String> given(String keyword) {
            return info.get(keyword).filter(v -> !v.isEmpty());
        }

        private String host() {
            Optional<String> fromArgument = given("host");
            if (fromArgument.isPresent()) {
                given("hostaddr").ifPresent(a -> ignored.add("hostaddr: pgdesk connects by host name, ignored"));
            } else {
                fromArgument = given("hostaddr");
            }
            String list;
            SettingSource source;
            if (fromArgument.isPresent()) {
                list = fromArgument.get();
                source = SettingSource.ARGUMENT;
            } else if (env.get("PGHOST").isPresent()) {
                list = env.get("PGHOST").get();
                source = SettingSource.ENVIRONMENT;
            } else {
                return defaultHost();
            }
            String[] hosts = list.split(",", -1);
            String first = hosts[0].trim();
            if (hosts.length > 1) {
                String rest = String.join(", ", Arrays.asList(hosts).subList(1, hosts.length));
                ignored.add("host: only the first host is used; " + rest + " ignored");
            }
            if (first.isEmpty()) {
                return defaultHost();
            }
            if (first.startsWith("/")) {
                ignored.add("host: " + first + " is a Unix-domain socket directory, which pgdesk cannot use"
                        + " (the driver connects over TCP); localhost is used instead");
                return defaultHost();
            }
            sources.put("host", source);
            return first;
        }

        private String defaultHost() {
            sources.put("host", SettingSource.DEFAULT);
            return "localhost";
        }

        private int port() {
            Optional<String> fromArgument = given("port");
            if (fromArgument.isPresent()) {
                String[] ports = fromArgument.get().split(",", -1);
                if (ports.length > 1) {
                    ignored.add("port: only the first port is used, the others are ignored");
                }
                String first = ports[0].trim();
                if (ConnInfoParser.isValidPort(first)) {
                    sources.put("port", SettingSource.ARGUMENT);
                    return Integer.parseInt(first);
                }
                if (!first.isEmpty()) {
                    ignored.add("port: \"" + first + "\" is not a valid port number, ignored");
                }
            }
            Optional<String> fromEnv = env.get("PGPORT");
            if (fromEnv.isPresent()) {
                String first = fromEnv.get().split(",", -1)[0].trim();
                if (ConnInfoParser.isValidPort(first)) {
                    sources.put("port", SettingSource.ENVIRONMENT);
                    return Integer.parseInt(first);
                }
                ignored.add("PGPORT: \"" + fromEnv.get() + "\" is not a valid port number, ignored");
            }
            sources.put("port", SettingSource.DEFAULT);
            return ConnectionProfile.DEFAULT_PORT;
        }

        private String user() {
            return fromArgumentOrEnv("user", "PGUSER").orElseGet(() -> {
                sources.put("user", SettingSource.DEFAULT);
                return System.getProperty("user.name", "");
            });
        }

        private String database(String user) {
            return fromArgumentOrEnv("dbname", "PGDATABASE").orElseGet(() -> {
                sources.put("dbname", SettingSource.DEFAULT);
                return user;
            });
        }

        private SslMode sslMode() {
            Optional<String> fromArgument = given("sslmode");
            if (fromArgument.isPresent()) {
                Optional<SslMode> mode = SslMode.fromLibpqName(fromArgument.get());
                if (mode.isPresent()) {
                    sources.put("sslmode", SettingSource.ARGUMENT);
                    return mode.get();
                }
                ignored.add("sslmode: \"" + fromArgument.get() + "\" is not an SSL mode, ignored");
            }
            Optional<String> requireSsl = given("requiressl");
            if (requireSsl.isPresent()) {
                // libpq's obsolete spelling: 1 meant require, anything else prefer.
                sources.put("sslmode", SettingSource.ARGUMENT);
                return requireSsl.get().startsWith("1") ? SslMode.REQUIRE : SslMode.PREFER;
            }
            Optional<String> fromEnv = env.get("PGSSLMODE");
            if (fromEnv.isPresent()) {
                Optional<SslMode> mode = SslMode.fromLibpqName(fromEnv.get());
                if (mode.isPresent()) {
                    sources.put("sslmode", SettingSource.ENVIRONMENT);
                    return mode.get();
                }
                ignored.add("PGSSLMODE: \"" + fromEnv.get() + "\" is not an SSL mode, ignored");
            }
            sources.put("sslmode", SettingSource.DEFAULT);
            return SslMode.PREFER;
        }

        private Path path(String keyword, String envVariable) {
            Optional<String> value = fromArgumentOrEnv(keyword, envVariable);
            if (value.isEmpty()) {
                sources.put(keyword, SettingSource.DEFAULT);
                return null;
            }
            if (keyword.equals("sslrootcert") && value.get().equals("system")) {
                ignored.add("sslrootcert: \"system\" (the operating system's trusted certificates) is not"
                        + " supported yet; choose a root certificate file");
                sources.put(keyword, SettingSource.DEFAULT);
                return null;
            }
            try {
                return Path.of(value.get());
            } catch (InvalidPathException e) {
                ignored.add(keyword + ": \"" + value.get() + "\" is not a valid file path, ignored");
                sources.put(keyword, SettingSource.DEFAULT);
                return null;
            }
        }

        private int connectTimeout() {
            Optional<String> fromArgument = given("connect_timeout");
            if (fromArgument.isPresent()) {
                Integer seconds = ConnInfoParser.parseInteger(fromArgument.get());
                if (seconds != null) {
                    sources.put("connect_timeout", SettingSource.ARGUMENT);
                    return seconds;
                }
                ignored.add("connect_timeout: \"" + fromArgument.get() + "\" is not a number of seconds, ignored");
            }
            Optional<String> fromEnv = env.get("PGCONNECT_TIMEOUT");
            if (fromEnv.isPresent()) {
                Integer seconds = ConnInfoParser.parseInteger(fromEnv.get());
                if (seconds != null) {
                    sources.put("connect_timeout", SettingSource.ENVIRONMENT);
                    return seconds;
                }
                ignored.add("PGCONNECT_TIMEOUT: \"" + fromEnv.get() + "\" is not a number of seconds, ignored");
            }
            sources.put("connect_timeout", SettingSource.DEFAULT);
            return ConnectionProfile.DEFAULT_CONNECT_TIMEOUT_SECONDS;
        }

        private String applicationName() {
            Optional<String> name = fromArgumentOrEnv("application_name", "PGAPPNAME");
            Optional<String> fallback = given("fallback_application_name");
            if (name.isPresent()) {
                fallback.ifPresent(f ->
                        ignored.add("fallback_application_name: application_name is set, so the fallback is not used"));
                return name.get();
            }
            if (fallback.isPresent()) {
                sources.put("application_name", SettingSource.ARGUMENT);
                return fallback.get();
            }
            sources.put("application_name", SettingSource.DEFAULT);
            return ConnectionProfile.DEFAULT_APPLICATION_NAME;
        }

        /** libpq's {@code options} (or {@code PGOPTIONS}), passed to the server as given. */
        private String options() {
            Optional<String> options = fromArgumentOrEnv("options", "PGOPTIONS");
            if (options.isEmpty()) {
                sources.put("options", SettingSource.DEFAULT);
            }
            return options.orElse("");
        }

        /** The argument's value, else the environment's, recording which one was used. */
        private Optional<String> fromArgumentOrEnv(String keyword, String envVariable) {
            Optional<String> fromArgument = given(keyword);
            if (fromArgument.isPresent()) {
                sources.put(keyword, SettingSource.ARGUMENT);
                return fromArgument;
            }
            Optional<String> fromEnv = env.get(envVariable);
            fromEnv.ifPresent(v -> sources.put(keyword, SettingSource.ENVIRONMENT));
            return fromEnv;
        }
    }
}
