package dev.pgdesk.connect;

import java.util.Set;

/** The connection keywords libpq accepts, in key=value strings and as URI query parameters. */
public final class LibpqKeywords {

    /** Every keyword of current libpq, including the obsolete {@code requiressl}. */
    public static final Set<String> ALL = Set.of(
            "host",
            "hostaddr",
            "port",
            "dbname",
            "user",
            "password",
            "passfile",
            "channel_binding",
            "connect_timeout",
            "client_encoding",
            "options",
            "application_name",
            "fallback_application_name",
            "keepalives",
            "keepalives_idle",
            "keepalives_interval",
            "keepalives_count",
            "tcp_user_timeout",
            "replication",
            "gssencmode",
            "sslmode",
            "sslnegotiation",
            "sslcompression",
            "sslcert",
            "sslkey",
            "sslpassword",
            "sslcertmode",
            "sslrootcert",
            "sslcrl",
            "sslcrldir",
            "sslsni",
            "requirepeer",
            "ssl_min_protocol_version",
            "ssl_max_protocol_version",
            "krbsrvname",
            "gsslib",
            "gssdelegation",
            "service",
            "target_session_attrs",
            "load_balance_hosts",
            "require_auth",
            "requiressl");

    private LibpqKeywords() {}

    /** True when libpq knows {@code keyword} (case-sensitive, as in libpq). */
    public static boolean isKnown(String keyword) {
        return ALL.contains(keyword);
    }
}
