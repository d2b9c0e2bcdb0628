package dev.pgdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonitorPrivilegesTest {

    @Test
    void aSuperuserOrAStatisticsReaderNeedsNoNote() {
        assertThat(new MonitorPrivileges("postgres", true, true, true).note()).isEmpty();
        assertThat(new MonitorPrivileges("watcher", false, true, false).note()).isEmpty();
    }

    @Test
    void anyOtherRoleIsToldWhyQueriesAreHiddenAndWhichGrantHelps() {
        assertThat(new MonitorPrivileges("alice", false, false, true).note())
                .hasValue("The sessions of other roles show their query as <insufficient privilege> and no state or"
                        + " wait details, because alice is not a superuser and lacks the pg_monitor role (which"
                        + " includes pg_read_all_stats). To see every session, ask a superuser to run:"
                        + " GRANT pg_monitor TO alice;");
    }

    @Test
    void theGrantQuotesARoleNameThatNeedsIt() {
        assertThat(new MonitorPrivileges("Ops Team", false, false, false).note())
                .hasValueSatisfying(note -> assertThat(note).endsWith("GRANT pg_monitor TO \"Ops Team\";"));
        assertThat(new MonitorPrivileges("user", false, false, false).note())
                .hasValueSatisfying(note -> assertThat(note).endsWith("GRANT pg_monitor TO \"user\";"));
    }

    @Test
    void theStatementNoteSpeaksOfStatementsAndOnlyWhenTheyAreHidden() {
        assertThat(new MonitorPrivileges("watcher", false, true, false).statementNote())
                .isEmpty();
        assertThat(new MonitorPrivileges("alice", false, false, false).statementNote())
                .hasValue("Statements run by other roles show as <insufficient privilege>, because alice is not a"
                        + " superuser and lacks the pg_monitor role (which includes pg_read_all_stats). To see every"
                        + " statement, ask a superuser to run: GRANT pg_monitor TO alice;");
    }
}
