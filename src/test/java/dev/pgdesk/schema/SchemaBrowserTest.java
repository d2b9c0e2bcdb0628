package dev.pgdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.testing.SampleSchema;
import dev.pgdesk.testing.TestServer;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The navigator walks the tree over a pooled session, as the GUI will. */
@Tag("server")
class SchemaBrowserTest {

    @Test
    void theTreeIsWalkedLevelByLevelOverThePool() throws Exception {
        TestServer server = SampleSchema.server();
        ConnectionProfile profile =
                server.profile("alice").database(SampleSchema.DATABASE).build();
        try (PoolManager pools = new PoolManager()) {
            SchemaBrowser browser = new SchemaBrowser(pools.open(profile, server.password("alice")));

            assertThat(browser.schemas(false)).extracting(SchemaInfo::name).contains("public");
            assertThat(browser.objects("public", false))
                    .extracting(SchemaObject::displayName)
                    .contains("orders", "product_sales", "close_ticket(bigint)");
            QualifiedName orders = new QualifiedName("public", "orders");
            assertThat(browser.tableDetails(orders).primaryKey()).isPresent();
            assertThat(browser.type(new QualifiedName("public", "ticket_priority"))
                            .labels())
                    .hasSize(4);
            assertThat(browser.stats(orders).estimatedRows()).hasValue(5000);
            assertThat(browser.privileges(orders).select())
                    .as("alice has no grant")
                    .isFalse();
            assertThat(browser.ddl(browser.resolve("orders"))).startsWith("CREATE TABLE public.orders (");

            StatementTemplate firstRows = browser.templates(orders).firstRows(25);
            assertThat(firstRows.sql()).endsWith("\nFROM public.orders\nLIMIT 25");
        }
    }

    @Test
    void openingTheDataShowsTheFirstRows() throws Exception {
        TestServer server = SampleSchema.server();
        ConnectionProfile profile = server.profile(TestServer.SUPERUSER)
                .database(SampleSchema.DATABASE)
                .build();
        try (PoolManager pools = new PoolManager()) {
            var session = pools.open(profile, server.password(TestServer.SUPERUSER));
            SchemaBrowser browser = new SchemaBrowser(session);
            String sql = browser.templates(new QualifiedName("public", "customers"))
                    .firstRows(25)
                    .sql();

            int rows = session.execute(c -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(sql)) {
                    int count = 0;
                    while (rs.next()) {
                        count++;
                    }
                    assertThat(rs.getMetaData().getColumnCount()).isEqualTo(8);
                    return count;
                }
            });
            assertThat(rows).isEqualTo(25);
        }
    }
}
