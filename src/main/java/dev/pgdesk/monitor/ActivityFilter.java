package dev.pgdesk.monitor;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which sessions the activity table shows.
 *
 * @param hideIdle hide sessions whose state is {@code idle} (idle in transaction stays visible)
 * @param onlyThisDatabase only sessions connected to the monitor's database
 * @param onlyMyUser only sessions of the monitoring role
 * @param text words that must all appear, ignoring case, in the query, user, database, application,
 *     client address, state, wait event or pid; blank for any
 */
public record ActivityFilter(boolean hideIdle, boolean onlyThisDatabase, boolean onlyMyUser, String text) {

    /** Shows every session. */
    public static final ActivityFilter ALL = new ActivityFilter(false, false, false, "");

    public ActivityFilter {
        text = text == null ? "" : text;
    }

    /** Whether {@code session} passes, for a monitor connected as {@code currentUser} to {@code currentDatabase}. */
    public boolean matches(SessionActivity session, String currentUser, String currentDatabase) {
        if (hideIdle && session.idle()) {
            return false;
        }
        if (onlyThisDatabase && !Objects.equals(session.database(), currentDatabase)) {
            return false;
        }
        if (onlyMyUser && !Objects.equals(session.user(), currentUser)) {
            return false;
        }
        return containsAllWords(searchableText(session));
    }

    private boolean containsAllWords(String haystack) {
        for (String word : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The searched columns joined with a separator no typed word contains, so words never match across two. */
    private static String searchableText(SessionActivity session) {
        return Stream.of(
                        session.query(),
                        session.user(),
                        session.database(),
                        session.application(),
                        session.clientAddress(),
                        session.state(),
                        session.waitEventType(),
                        session.waitEvent(),
                        Integer.toString(session.pid()))
                .filter(Objects::nonNull)
                .map(value -> value.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }
}
