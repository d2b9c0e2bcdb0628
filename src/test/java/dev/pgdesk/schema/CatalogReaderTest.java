package dev.pgdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.testing.SampleSchema;
import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The navigator tree, level by level, on the sample schema: every object kind with its details. */
@Tag("server")
class CatalogReaderTest {
    private static Connection connection;
    private static CatalogReader catalog;

    @BeforeAll
    static void connect() throws SQLException {
        connection = SampleSchema.connect(TestServer.SUPERUSER);
        catalog = new CatalogReader(connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static QualifiedName sample(String name) {
        return new QualifiedName("public", name);
    }

    private static Map<String, SchemaObject> publicObjects() throws SQLException {
        return catalog.objects("public").stream()
                .collect(Collectors.toMap(SchemaObject::displayName, Function.identity()));
    }

    @Test
    void systemSchemasAreHiddenUnlessAskedFor() throws SQLException {
        List<String> user =
                catalog.schemas(false).stream().map(SchemaInfo::name).toList();
        List<SchemaInfo> all = catalog.schemas(true);

        assertThat(user).contains("public").doesNotContain("pg_catalog", "information_schema", "pg_toast");
        assertThat(all)
                .filteredOn(SchemaInfo::system)
                .extracting(SchemaInfo::name)
                .contains("pg_catalog", "information_schema", "pg_toast");
        assertThat(all)
                .filteredOn(s -> s.name().equals("public"))
                .singleElement()
                .satisfies(s -> assertThat(s.system()).isFalse());
    }

    @Test
    void everyKindOfObjectInTheSampleAppearsUnderItsSchema() throws SQLException {
        Map<String, SchemaObject> objects = publicObjects();

        assertThat(objects.get("orders").kind()).isEqualTo(ObjectKind.TABLE);
        assertThat(objects.get("support_tickets").kind()).isEqualTo(ObjectKind.TABLE);
        assertThat(objects.get("order_totals_by_month").kind()).isEqualTo(ObjectKind.VIEW);
        assertThat(objects.get("product_sales").kind()).isEqualTo(ObjectKind.MATERIALIZED_VIEW);
        assertThat(objects.get("archived_orders").kind()).isEqualTo(ObjectKind.FOREIGN_TABLE);
        assertThat(objects.get("ticket_number_seq").kind()).isEqualTo(ObjectKind.SEQUENCE);
        assertThat(objects.get("metrics_log_id_seq").kind()).isEqualTo(ObjectKind.SEQUENCE);
        assertThat(objects.get("customer_order_count(integer)").kind()).isEqualTo(ObjectKind.FUNCTION);
        assertThat(objects.get("customer_order_count(integer, timestamp with time zone)")
                        .kind())
                .isEqualTo(ObjectKind.FUNCTION);
        assertThat(objects.get("touch_updated_at()").kind()).isEqualTo(ObjectKind.FUNCTION);
        assertThat(objects.get("close_ticket(bigint)").kind()).isEqualTo(ObjectKind.PROCEDURE);
        assertThat(objects.get("ticket_priority").kind()).isEqualTo(ObjectKind.ENUM_TYPE);
        assertThat(objects.get("postal_address").kind()).isEqualTo(ObjectKind.COMPOSITE_TYPE);
        assertThat(objects.get("email_address").kind()).isEqualTo(ObjectKind.DOMAIN);
        assertThat(objects.get("orders").comment()).startsWith("Customer orders.");
        assertThat(objects.get("orders").owner()).isEqualTo(TestServer.SUPERUSER);
    }

    @Test
    void objectsComeInFolderOrderThenByName() throws SQLException {
        List<SchemaObject> objects = catalog.objects("public");

        assertThat(objects)
                .isSortedAccordingTo(java.util.Comparator.comparing(SchemaObject::kind)
                        .thenComparing(SchemaObject::name)
                        .thenComparing(SchemaObject::arguments));
        assertThat(objects.get(0).kind()).isEqualTo(ObjectKind.TABLE);
        assertThat(objects.get(0).name()).isEqualTo("accounts");
        assertThat(objects)
                .filteredOn(o -> o.name().equals("customer_order_count"))
                .extracting(SchemaObject::arguments)
                .containsExactly("integer", "integer, timestamp with time zone");
    }

    @Test
    void identitySequencesRowTypesAndExtensionObjectsStayOutOfTheTree() throws SQLException {
        Map<String, SchemaObject> objects = publicObjects();
        List<String> withExtensions =
                catalog.objects("public", true).stream().map(SchemaObject::name).toList();

        assertThat(objects).doesNotContainKeys("orders_id_seq", "users_id_seq", "pg_stat_statements");
        assertThat(objects.values())
                .noneMatch(o -> o.kind().isType() && o.name().equals("orders"));
        assertThat(withExtensions).contains("pg_stat_statements", "pg_stat_statements_reset");
    }

    @Test
    void tableColumnsCarryTypeNullabilityDefaultKeyIdentityAndGeneration() throws SQLException {
        TableDetails tickets = catalog.tableDetails(sample("support_tickets"));

        assertThat(tickets.columns())
                .extracting(ColumnInfo::name)
                .containsExactly(
                        "id",
                        "ticket_no",
                        "customer_email",
                        "subject",
                        "priority",
                        "return_address",
                        "opened_at",
                        "closed_at",
                        "updated_at",
                        "subject_length");
        ColumnInfo id = tickets.column("id").orElseThrow();
        assertThat(id.type()).isEqualTo("bigint");
        assertThat(id.primaryKey()).isTrue();
        assertThat(id.notNull()).isTrue();
        assertThat(id.identity()).isEqualTo(IdentityKind.ALWAYS);
        assertThat(id.isInsertable()).isFalse();
        ColumnInfo ticketNo = tickets.column("ticket_no").orElseThrow();
        assertThat(ticketNo.defaultExpression()).isEqualTo("nextval('ticket_number_seq'::regclass)");
        assertThat(ticketNo.primaryKey()).isFalse();
        assertThat(tickets.column("customer_email").orElseThrow().type()).isEqualTo("email_address");
        assertThat(tickets.column("priority").orElseThrow().defaultExpression()).isEqualTo("'normal'::ticket_priority");
        ColumnInfo closedAt = tickets.column("closed_at").orElseThrow();
        assertThat(closedAt.notNull()).isFalse();
        assertThat(closedAt.type()).isEqualTo("timestamp with time zone");
        ColumnInfo length = tickets.column("subject_length").orElseThrow();
        assertThat(length.generation()).isEqualTo(Generation.STORED);
        assertThat(length.generationExpression()).isEqualTo("length(subject)");
        assertThat(length.defaultExpression()).isEmpty();
        assertThat(length.comment()).startsWith("Computed from subject");
        assertThat(catalog.columns(sample("users")).get(0).identity()).isEqualTo(IdentityKind.BY_DEFAULT);
        assertThat(catalog.columns(sample("products")).stream()
                        .filter(c -> c.name().equals("price"))
                        .findFirst()
                        .orElseThrow()
                        .summary())
                .isEqualTo("numeric(10,2) NOT NULL");
    }

    @Test
    void compositePrimaryKeysMarkEveryKeyColumn() throws SQLException {
        List<ColumnInfo> items = catalog.columns(sample("order_items"));

        assertThat(items)
                .filteredOn(ColumnInfo::primaryKey)
                .extracting(ColumnInfo::name)
                .containsExactly("order_id", "line_no");
    }

    @Test
    void indexesAreListedWithTheirDefinitionAndWhetherAConstraintMadeThem() throws SQLException {
        Map<String, IndexInfo> indexes = catalog.indexes(sample("orders")).stream()
                .collect(Collectors.toMap(IndexInfo::name, Function.identity()));

        assertThat(indexes)
                .containsOnlyKeys(
                        "orders_pkey",
                        "orders_customer_id_idx",
                        "orders_user_id_idx",
                        "orders_ordered_at_idx",
                        "orders_open_status_idx");
        assertThat(indexes.get("orders_pkey").primary()).isTrue();
        assertThat(indexes.get("orders_pkey").unique()).isTrue();
        assertThat(indexes.get("orders_pkey").constraint()).isTrue();
        assertThat(indexes.get("orders_open_status_idx").constraint()).isFalse();
        assertThat(indexes.get("orders_open_status_idx").definition())
                .startsWith("CREATE INDEX orders_open_status_idx ON public.orders USING btree (status) WHERE");
        assertThat(catalog.indexes(sample("support_tickets")))
                .filteredOn(i -> i.name().equals("support_tickets_ticket_no_key"))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.unique()).isTrue();
                    assertThat(i.primary()).isFalse();
                    assertThat(i.constraint()).isTrue();
                });
    }

    @Test
    void constraintsNameTheirKindColumnsAndForeignKeyTargets() throws SQLException {
        TableDetails orders = catalog.tableDetails(sample("orders"));

        assertThat(orders.primaryKey().orElseThrow().columns()).containsExactly("id");
        List<ConstraintInfo> foreignKeys = orders.constraints(ConstraintType.FOREIGN_KEY);
        assertThat(foreignKeys).hasSize(2);
        ConstraintInfo toCustomers = foreignKeys.stream()
                .filter(c -> c.columns().equals(List.of("customer_id")))
                .findFirst()
                .orElseThrow();
        assertThat(toCustomers.target()).contains(sample("customers"));
        assertThat(toCustomers.referencedColumns()).containsExactly("id");
        assertThat(foreignKeys)
                .filteredOn(c -> c.columns().equals(List.of("user_id")))
                .singleElement()
                .satisfies(c -> assertThat(c.definition()).contains("ON DELETE SET NULL"));
        assertThat(orders.constraints(ConstraintType.CHECK))
                .extracting(ConstraintInfo::definition)
                .anySatisfy(d -> assertThat(d).startsWith("CHECK (total >= ").doesNotContain("NOT NULL"));
        assertThat(orders.constraints()).noneMatch(c -> c.definition().startsWith("NOT NULL"));
        assertThat(orders.constraints().get(0).type()).isEqualTo(ConstraintType.PRIMARY_KEY);

        TableDetails tickets = catalog.tableDetails(sample("support_tickets"));
        assertThat(tickets.constraints(ConstraintType.UNIQUE)).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("support_tickets_ticket_no_key");
            assertThat(c.columns()).containsExactly("ticket_no");
        });
        assertThat(tickets.constraints(ConstraintType.CHECK))
                .singleElement()
                .satisfies(c ->
                        assertThat(c.definition()).isEqualTo("CHECK (closed_at IS NULL OR closed_at >= opened_at)"));
    }

    @Test
    void triggersShowTheirDefinitionAndFunction() throws SQLException {
        List<TriggerInfo> triggers = catalog.triggers(sample("support_tickets"));

        assertThat(triggers).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("support_tickets_touch");
            assertThat(t.function()).isEqualTo(sample("touch_updated_at"));
            assertThat(t.enabled()).isTrue();
            assertThat(t.definition())
                    .isEqualTo("CREATE TRIGGER support_tickets_touch BEFORE UPDATE ON support_tickets"
                            + " FOR EACH ROW EXECUTE FUNCTION touch_updated_at()");
        });
        assertThat(catalog.triggers(sample("orders")))
                .as("foreign-key triggers are internal")
                .isEmpty();
    }

    @Test
    void viewsAndForeignTablesHaveColumnsButNoIndexes() throws SQLException {
        TableDetails view = catalog.tableDetails(sample("order_totals_by_month"));
        TableDetails foreign = catalog.tableDetails(sample("archived_orders"));
        TableDetails matview = catalog.tableDetails(sample("product_sales"));

        assertThat(view.relation().kind()).isEqualTo(ObjectKind.VIEW);
        assertThat(view.columns())
                .extracting(ColumnInfo::name)
                .containsExactly("month", "orders", "revenue", "average_order");
        assertThat(view.indexes()).isEmpty();
        assertThat(foreign.relation().kind()).isEqualTo(ObjectKind.FOREIGN_TABLE);
        assertThat(foreign.columns())
                .extracting(ColumnInfo::type)
                .containsExactly("integer", "integer", "numeric(12,2)", "timestamp with time zone");
        assertThat(matview.indexes()).extracting(IndexInfo::name).containsExactly("product_sales_product_id_idx");
    }

    @Test
    void typesShowLabelsFieldsAndDomainRules() throws SQLException {
        TypeDetails priority = new TypeReader(connection).type(sample("ticket_priority"));
        TypeDetails address = new TypeReader(connection).type(sample("postal_address"));
        TypeDetails email = new TypeReader(connection).type(sample("email_address"));

        assertThat(priority.labels()).containsExactly("low", "normal", "high", "urgent");
        assertThat(address.attributes())
                .containsExactly(
                        new TypeAttribute("street", "text"),
                        new TypeAttribute("city", "text"),
                        new TypeAttribute("postal_code", "text"),
                        new TypeAttribute("country", "text"));
        assertThat(email.type().kind()).isEqualTo(ObjectKind.DOMAIN);
        assertThat(email.baseType()).isEqualTo("text");
        assertThat(email.notNull()).isFalse();
        assertThat(email.constraints()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("email_address_shape");
            assertThat(c.definition()).startsWith("CHECK (VALUE ~ ");
        });
        assertThat(email.type().comment()).isEqualTo("Text that looks like an e-mail address.");
    }

    @Test
    void statsEstimateRowsAndMeasureSize() throws SQLException {
        ObjectStats orders = new StatsReader(connection).stats(sample("orders"));
        ObjectStats view = new StatsReader(connection).stats(sample("order_totals_by_month"));

        assertThat(orders.estimatedRows()).hasValue(5000);
        assertThat(orders.totalBytes().orElseThrow()).isGreaterThan(8192);
        assertThat(orders.prettySize()).matches("\\d+ (bytes|kB|MB)");
        assertThat(orders.rowsText()).isEqualTo("≈ 5,000 rows");
        assertThat(view.estimatedRows()).isEmpty();
        assertThat(view.totalBytes()).isEmpty();
        assertThat(view.rowsText()).isEqualTo("rows unknown");
    }

    @Test
    void aTableNeverAnalyzedHasNoRowEstimate() throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("CREATE TABLE never_analyzed (n int)");
            try {
                assertThat(new StatsReader(connection)
                                .stats(sample("never_analyzed"))
                                .estimatedRows())
                        .isEmpty();
            } finally {
                s.execute("DROP TABLE never_analyzed");
            }
        }
    }

    @Test
    void aMissingObjectIsReportedAsUndefined() {
        assertThatThrownBy(() -> catalog.tableDetails(sample("no_such_table")))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("public.no_such_table")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42704"));
    }
}
