package dev.pgdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.testing.SampleSchema;
import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Names as a user types them resolve to the sample's objects, with the kind inferred. */
@Tag("server")
class ObjectResolverTest {
    private static Connection connection;
    private static ObjectResolver resolver;

    @BeforeAll
    static void connect() throws SQLException {
        connection = SampleSchema.connect(TestServer.SUPERUSER);
        resolver = new ObjectResolver(connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static SchemaObject resolved(String text) throws SQLException {
        DatabaseObject object = resolver.resolve(text);
        assertThat(object).isInstanceOf(SchemaObject.class);
        return (SchemaObject) object;
    }

    @Test
    void everyKindIsFoundByItsNameWithOrWithoutSchema() throws SQLException {
        assertThat(resolved("orders").kind()).isEqualTo(ObjectKind.TABLE);
        assertThat(resolved("public.orders").qualifiedName()).isEqualTo(new QualifiedName("public", "orders"));
        assertThat(resolved("ORDERS").name()).isEqualTo("orders");
        assertThat(resolved("order_totals_by_month").kind()).isEqualTo(ObjectKind.VIEW);
        assertThat(resolved("product_sales").kind()).isEqualTo(ObjectKind.MATERIALIZED_VIEW);
        assertThat(resolved("archived_orders").kind()).isEqualTo(ObjectKind.FOREIGN_TABLE);
        assertThat(resolved("ticket_number_seq").kind()).isEqualTo(ObjectKind.SEQUENCE);
        assertThat(resolved("orders_open_status_idx").kind()).isEqualTo(ObjectKind.INDEX);
        assertThat(resolved("ticket_priority").kind()).isEqualTo(ObjectKind.ENUM_TYPE);
        assertThat(resolved("public.postal_address").kind()).isEqualTo(ObjectKind.COMPOSITE_TYPE);
        assertThat(resolved("email_address").kind()).isEqualTo(ObjectKind.DOMAIN);
        assertThat(resolved("touch_updated_at").kind()).isEqualTo(ObjectKind.FUNCTION);
        assertThat(resolved("close_ticket").kind()).isEqualTo(ObjectKind.PROCEDURE);
        assertThat(resolved("close_ticket").arguments()).isEqualTo("bigint");
    }

    @Test
    void overloadedFunctionsNeedTheirArgumentTypes() throws SQLException {
        assertThat(resolved("customer_order_count(integer)").arguments()).isEqualTo("integer");
        assertThat(resolved("public.customer_order_count(int, timestamptz)").arguments())
                .isEqualTo("integer, timestamp with time zone");
        assertThatThrownBy(() -> resolver.resolve("customer_order_count"))
                .isInstanceOfSatisfying(
                        ObjectNotFoundException.class,
                        e -> assertThat(e.isAmbiguous()).isTrue())
                .hasMessageContaining("customer_order_count(integer)")
                .hasMessageContaining("customer_order_count(integer, timestamp with time zone)")
                .hasMessageContaining("Add the argument types");
        assertThatThrownBy(() -> resolver.resolve("customer_order_count(no_such_type)"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("customer_order_count(no_such_type)");
        assertThatThrownBy(() -> resolver.resolve("customer_order_count(text)"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("customer_order_count(text)");
    }

    @Test
    void triggersAreNamedByTheirTable() throws SQLException {
        TriggerName expected = new TriggerName(new QualifiedName("public", "support_tickets"), "support_tickets_touch");

        assertThat(resolver.resolve("support_tickets.support_tickets_touch")).isEqualTo(expected);
        assertThat(resolver.resolve("public.support_tickets.support_tickets_touch"))
                .isEqualTo(expected);
        assertThat(expected.toSql()).isEqualTo("public.support_tickets.support_tickets_touch");
    }

    @Test
    void unknownNamesAreReportedWithAHint() {
        assertThatThrownBy(() -> resolver.resolve("no_such_thing"))
                .isInstanceOfSatisfying(
                        ObjectNotFoundException.class,
                        e -> assertThat(e.isAmbiguous()).isFalse())
                .hasMessageContaining("'no_such_thing'")
                .hasMessageContaining("search path");
        assertThatThrownBy(() -> resolver.resolve("public.orders.no_trigger"))
                .isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> resolver.resolve("\"Orders\"")).isInstanceOf(ObjectNotFoundException.class);
    }
}
