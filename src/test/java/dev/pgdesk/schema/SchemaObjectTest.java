package dev.pgdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaObjectTest {
    private final SchemaObject function =
            new SchemaObject(ObjectKind.FUNCTION, "public", "customer_order_count", "integer", "postgres", "");
    private final SchemaObject table = new SchemaObject(ObjectKind.TABLE, "Sales", "Orders", "", "postgres", "");

    @Test
    void routinesShowAndQuoteTheirArgumentTypes() {
        assertThat(function.displayName()).isEqualTo("customer_order_count(integer)");
        assertThat(function.toSql()).isEqualTo("public.customer_order_count(integer)");
        assertThat(table.displayName()).isEqualTo("Orders");
        assertThat(table.toSql()).isEqualTo("\"Sales\".\"Orders\"");
    }

    @Test
    void theFilterMatchesEveryWordIgnoringCase() {
        assertThat(function.matches("")).isTrue();
        assertThat(function.matches("ORDER count")).isTrue();
        assertThat(function.matches("integer")).isTrue();
        assertThat(function.matches("order total")).isFalse();
        assertThat(table.matches("ord")).isTrue();
    }

    @Test
    void kindsKnowTheirFolderAndWhatTheyOffer() {
        assertThat(ObjectKind.ENUM_TYPE.folder())
                .isEqualTo(ObjectKind.DOMAIN.folder())
                .isEqualTo("Types");
        assertThat(ObjectKind.MATERIALIZED_VIEW.label()).isEqualTo("materialized view");
        assertThat(ObjectKind.FOREIGN_TABLE.hasColumns()).isTrue();
        assertThat(ObjectKind.SEQUENCE.hasColumns()).isFalse();
        assertThat(ObjectKind.PROCEDURE.isRoutine()).isTrue();
    }
}
