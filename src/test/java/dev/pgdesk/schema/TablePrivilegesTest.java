package dev.pgdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.testing.SampleSchema;
import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the current user may do with a table: a superuser everything, alice what she was granted. */
@Tag("server")
class TablePrivilegesTest {
    private static final QualifiedName GRANTED = new QualifiedName("grants_open", "notes");
    private static final QualifiedName HIDDEN = new QualifiedName("grants_closed", "secrets");

    @BeforeAll
    static void grantAliceALittle() throws SQLException {
        try (Connection c = SampleSchema.connect(TestServer.SUPERUSER);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS grants_open, grants_closed CASCADE");
            s.execute("CREATE SCHEMA grants_open");
            s.execute("CREATE SCHEMA grants_closed");
            s.execute("GRANT USAGE ON SCHEMA grants_open TO alice");
            s.execute("CREATE TABLE grants_open.notes (id int PRIMARY KEY, body text, author text)");
            s.execute("CREATE TABLE grants_closed.secrets (id int)");
            s.execute("GRANT SELECT, INSERT ON grants_open.notes TO pgdesk_users");
            s.execute("GRANT UPDATE (body) ON grants_open.notes TO alice");
            s.execute("GRANT SELECT ON grants_closed.secrets TO alice");
        }
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        try (Connection c = SampleSchema.connect(TestServer.SUPERUSER);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS grants_open, grants_closed CASCADE");
        }
    }

    private static TablePrivileges privilegesOf(String user, QualifiedName table) throws SQLException {
        try (Connection c = SampleSchema.connect(user)) {
            return new PrivilegeReader(c).privileges(table);
        }
    }

    @Test
    void aSuperuserMayDoEverything() throws SQLException {
        TablePrivileges postgres = privilegesOf(TestServer.SUPERUSER, new QualifiedName("public", "orders"));

        assertThat(postgres.user()).isEqualTo(TestServer.SUPERUSER);
        assertThat(postgres.granted())
                .containsExactly("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");
        assertThat(postgres.schemaUsage()).isTrue();
        assertThat(postgres.columnGrants()).isEmpty();
    }

    @Test
    void aRoleSeesWhatItWasGrantedDirectlyOrThroughItsGroupAndColumnGrants() throws SQLException {
        TablePrivileges alice = privilegesOf("alice", GRANTED);

        assertThat(alice.user()).isEqualTo("alice");
        assertThat(alice.granted()).containsExactly("SELECT", "INSERT");
        assertThat(alice.update()).isFalse();
        assertThat(alice.columnGrants()).containsOnlyKeys("UPDATE");
        assertThat(alice.columnGrants().get("UPDATE")).containsExactly("body");
        assertThat(alice.summary())
                .isEqualTo("alice may SELECT, INSERT on grants_open.notes; UPDATE only on columns body");
    }

    @Test
    void aSampleTableIsClosedToARoleWithoutGrants() throws SQLException {
        TablePrivileges alice = privilegesOf("alice", new QualifiedName("public", "orders"));

        assertThat(alice.granted()).isEmpty();
        assertThat(alice.columnGrants()).isEmpty();
        assertThat(alice.summary()).isEqualTo("alice may do nothing with public.orders");
    }

    @Test
    void missingUsageOnTheSchemaIsPointedOut() throws SQLException {
        TablePrivileges alice = privilegesOf("alice", HIDDEN);

        assertThat(alice.select()).isTrue();
        assertThat(alice.schemaUsage()).isFalse();
        assertThat(alice.summary()).endsWith("lacks USAGE on schema grants_closed, so every access fails");
        assertThat(List.of(privilegesOf(TestServer.SUPERUSER, HIDDEN).schemaUsage()))
                .containsExactly(true);
    }
}
