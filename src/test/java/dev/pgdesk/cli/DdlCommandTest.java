package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.schema.DdlGenerator;
import dev.pgdesk.schema.QualifiedName;
import dev.pgdesk.testing.SampleSchema;
import dev.pgdesk.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pgdesk ddl} against the sample database on the shared test server. */
@Tag("server")
class DdlCommandTest {

    @TempDir
    Path home;

    private MonitorCommandRun ddl(String... args) throws Exception {
        SampleSchema.server();
        return MonitorCommandRun.as(TestServer.SUPERUSER, SampleSchema.DATABASE, home, DdlCommand::new, args);
    }

    @Test
    void aTableIsPrintedAsTheGeneratorWritesIt() throws Exception {
        MonitorCommandRun run = ddl("orders");

        assertThat(run.status).as(run.stderr).isEqualTo(ExitCodes.OK);
        try (Connection c = SampleSchema.connect(TestServer.SUPERUSER)) {
            assertThat(run.stdout).isEqualTo(new DdlGenerator(c).tableDdl(new QualifiedName("public", "orders")));
        }
        assertThat(run.stdout).startsWith("CREATE TABLE public.orders (\n");
        assertThat(run.stderr).isEmpty();
    }

    @Test
    void theKindIsInferredFromTheName() throws Exception {
        assertThat(ddl("public.order_totals_by_month").stdout)
                .startsWith("CREATE VIEW public.order_totals_by_month AS");
        assertThat(ddl("product_sales").stdout).startsWith("CREATE MATERIALIZED VIEW public.product_sales AS");
        assertThat(ddl("ticket_number_seq").stdout).startsWith("CREATE SEQUENCE public.ticket_number_seq");
        assertThat(ddl("ticket_priority").stdout).startsWith("CREATE TYPE public.ticket_priority AS ENUM");
        assertThat(ddl("email_address").stdout).startsWith("CREATE DOMAIN public.email_address AS text");
        assertThat(ddl("orders_open_status_idx").stdout)
                .startsWith("CREATE INDEX orders_open_status_idx ON public.orders");
        assertThat(ddl("support_tickets.support_tickets_touch").stdout)
                .startsWith("CREATE TRIGGER support_tickets_touch BEFORE UPDATE ON public.support_tickets");
        assertThat(ddl("close_ticket").stdout).startsWith("CREATE OR REPLACE PROCEDURE public.close_ticket(");
        assertThat(ddl("customer_order_count(integer, timestamptz)").stdout)
                .startsWith("CREATE OR REPLACE FUNCTION public.customer_order_count(customer integer, since timestamp");
    }

    @Test
    void anOverloadedFunctionWithoutArgumentTypesIsABadArgumentWithTheChoices() throws Exception {
        MonitorCommandRun run = ddl("customer_order_count");

        assertThat(run.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(run.stdout).isEmpty();
        assertThat(run.stderr)
                .startsWith("pgdesk ddl: 'customer_order_count' names 2 overloaded functions")
                .contains("customer_order_count(integer, timestamp with time zone)");
    }

    @Test
    void anUnknownObjectIsABadArgument() throws Exception {
        MonitorCommandRun run = ddl("no_such_table");

        assertThat(run.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(run.stderr)
                .startsWith("pgdesk ddl: No table, view, sequence, index, type, function or trigger"
                        + " is named 'no_such_table' on the search path.");
    }

    @Test
    void missingOrMalformedArgumentsAreExplained() throws Exception {
        MonitorCommandRun missing = ddl();
        MonitorCommandRun malformed = ddl("\"unclosed");

        assertThat(missing.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(missing.stderr).contains("expected a target and an object name, got 1 argument");
        assertThat(malformed.status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(malformed.stderr).contains("A double quote in '\"unclosed' is not closed");
    }

    @Test
    void aConnectionFailureHasItsOwnStatus() throws Exception {
        SampleSchema.server();
        MonitorCommandRun run = MonitorCommandRun.withArguments(
                "wrong password",
                home,
                DdlCommand::new,
                List.of(
                        "postgresql://alice@localhost:" + TestServer.shared().port() + "/" + SampleSchema.DATABASE,
                        "orders"));

        assertThat(run.status).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(run.stderr).startsWith("pgdesk ddl: could not connect to");
    }
}
