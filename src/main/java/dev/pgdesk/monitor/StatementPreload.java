package dev.pgdesk.monitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's {@code shared_preload_libraries}, as far as the connected role may see it: only superusers
 * and members of {@code pg_read_all_settings} may, so for other roles the libraries are unknown.
 *
 * @param libraries the preloaded libraries in order; empty when unknown
 */
record StatementPreload(Optional<List<String>> libraries) {

    /** Reads the setting through {@code pg_settings}, which leaves out (rather than fails on) hidden ones. */
    static StatementPreload read(Connection connection) throws SQLException {
        String sql = "SELECT setting FROM pg_settings WHERE name = 'shared_preload_libraries'";
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return new StatementPreload(Optional.empty());
            }
            return new StatementPreload(Optional.of(parse(rs.getString(1))));
        }
    }

    /** Splits a list setting: comma-separated, elements optionally double-quoted with "" for a quote. */
    static List<String> parse(String value) {
        List<String> libraries = new ArrayList<>();
        if (value == null) {
            return libraries;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                addTrimmed(libraries, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addTrimmed(libraries, current);
        return libraries;
    }

    private static void addTrimmed(List<String> libraries, StringBuilder element) {
        String library = element.toString().trim();
        if (!library.isEmpty()) {
            libraries.add(library);
        }
    }

    /** True or false when the role may read the setting; empty when it may not. */
    Optional<Boolean> loadsStatementStats() {
        return libraries.map(list -> list.stream().anyMatch(StatementPreload::isStatementStats));
    }

    /** Matches "pg_stat_statements" also when written as "$libdir/pg_stat_statements" or with ".so". */
    private static boolean isStatementStats(String library) {
        String name = library.substring(library.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".so") || name.endsWith(".dll")) {
            name = name.substring(0, name.lastIndexOf('.'));
        }
        return name.equals(StatementExtension.NAME);
    }
}
