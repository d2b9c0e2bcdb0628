package dev.pgdesk.ui.saved;

import dev.pgdesk.saved.SavedParameter;
import dev.pgdesk.saved.SavedQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How the saved queries list writes a query's scope, parameters and times. */
final class SavedQueryFormat {
    static final String ALL_CONNECTIONS = "All connections";

    private SavedQueryFormat() {}

    /**
     * The connection a query belongs to: its profile's name, "All connections" for a global one, or a note
     * that the profile is gone.
     */
    static String scope(SavedQuery query, Function<String, Optional<String>> profileNames) {
        if (query.isGlobal()) {
            return ALL_CONNECTIONS;
        }
        return profileNames.apply(query.profileId()).orElse("(deleted connection)");
    }

    /** The parameters with their defaults: {@code day = 2026-11-21, $1 required}; empty when there are none. */
    static String parameters(SavedQuery query) {
        return query.parameters().stream().map(SavedQueryFormat::parameter).collect(Collectors.joining(", "));
    }

    private static String parameter(SavedParameter parameter) {
        return parameter.defaultValue() == null
                ? parameter.name() + " required"
                : parameter.name() + " = " + parameter.defaultValue();
    }

    /** A time as the user's locale writes a short date and time. */
    static String when(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone)
                .format(instant);
    }

    /** The SQL on one line, for a tooltip's first glance; newlines and runs of blanks become one space. */
    static String oneLine(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
