package dev.pgdesk.monitor;

import static dev.pgdesk.monitor.ActivitySamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActivityFilterTest {
    private final SessionActivity idle = session(101, "alice", "shop", "idle", "COMMIT");
    private final SessionActivity idleInTransaction =
            session(102, "alice", "shop", "idle in transaction", "SELECT * FROM orders");
    private final SessionActivity otherDatabase = session(103, "alice", "crm", "active", "SELECT 1");
    private final SessionActivity otherUser = session(104, "bob", "shop", "active", "VACUUM customers");
    private final SessionActivity background = new SessionActivity(
            105,
            null,
            null,
            "",
            null,
            "checkpointer",
            null,
            "Activity",
            "CheckpointerMain",
            null,
            null,
            null,
            null,
            null,
            "",
            java.util.List.of(),
            null,
            null,
            false);

    @Test
    void everythingPassesTheOpenFilter() {
        for (SessionActivity session :
                new SessionActivity[] {idle, idleInTransaction, otherDatabase, otherUser, background}) {
            assertThat(ActivityFilter.ALL.matches(session, "alice", "shop")).isTrue();
        }
    }

    @Test
    void hidingIdleKeepsSessionsIdleInATransaction() {
        ActivityFilter filter = new ActivityFilter(true, false, false, "");

        assertThat(filter.matches(idle, "alice", "shop")).isFalse();
        assertThat(filter.matches(idleInTransaction, "alice", "shop")).isTrue();
    }

    @Test
    void onlyThisDatabaseDropsOtherDatabasesAndBackgroundProcesses() {
        ActivityFilter filter = new ActivityFilter(false, true, false, null);

        assertThat(filter.matches(idle, "alice", "shop")).isTrue();
        assertThat(filter.matches(otherDatabase, "alice", "shop")).isFalse();
        assertThat(filter.matches(background, "alice", "shop")).isFalse();
    }

    @Test
    void onlyMyUserDropsOtherRoles() {
        ActivityFilter filter = new ActivityFilter(false, false, true, " ");

        assertThat(filter.matches(idle, "alice", "shop")).isTrue();
        assertThat(filter.matches(otherUser, "alice", "shop")).isFalse();
    }

    @Test
    void everyWordMustAppearIgnoringCaseInSomeColumn() {
        assertThat(new ActivityFilter(false, false, false, "vacuum BOB").matches(otherUser, "alice", "shop"))
                .isTrue();
        assertThat(new ActivityFilter(false, false, false, "vacuum alice").matches(otherUser, "alice", "shop"))
                .isFalse();
        assertThat(new ActivityFilter(false, false, false, "104").matches(otherUser, "alice", "shop"))
                .isTrue();
        assertThat(new ActivityFilter(false, false, false, "10.0.0.7 psql").matches(otherUser, "alice", "shop"))
                .isTrue();
        assertThat(new ActivityFilter(false, false, false, "checkpointermain").matches(background, "alice", "shop"))
                .isTrue();
    }

    @Test
    void aWordDoesNotMatchAcrossTwoColumns() {
        // user "bob" followed by database "shop" must not read as "bobshop".
        assertThat(new ActivityFilter(false, false, false, "bobshop").matches(otherUser, "alice", "shop"))
                .isFalse();
    }

    @Test
    void aSnapshotFiltersItsSessionsInOrder() {
        ActivitySnapshot snapshot = new ActivitySnapshot(
                ActivitySamples.NOW,
                101,
                "alice",
                "shop",
                new MonitorPrivileges("alice", false, false, false),
                java.util.List.of(idle, idleInTransaction, otherDatabase, otherUser));

        assertThat(snapshot.filtered(new ActivityFilter(true, true, true, ""))).containsExactly(idleInTransaction);
    }
}
