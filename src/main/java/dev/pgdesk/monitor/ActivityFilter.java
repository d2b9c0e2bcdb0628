package dev.pgdesk.monitor;

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
        throw new UnsupportedOperationException("not yet implemented");
    }
}
