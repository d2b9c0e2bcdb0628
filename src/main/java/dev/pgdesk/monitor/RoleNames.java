package dev.pgdesk.monitor;

import java.util.Set;
import java.util.regex.Pattern;

/** Role names as they must be written in SQL that we show the user to run. */
final class RoleNames {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** Reserved words a role could be named that must be quoted in GRANT … TO. */
    private static final Set<String> RESERVED =
            Set.of("all", "current_role", "current_user", "group", "public", "session_user", "user");

    private RoleNames() {}

    /** {@code name} as an SQL identifier: unchanged when plain, else in double quotes. */
    static String quote(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
