package dev.pgdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.testing.SampleSchema;
import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The DDL recreates what it describes: every sample table, run in a scratch schema, gives a table whose
 * catalog entries equal the original's; the other kinds round-trip the same way.
 */
@Tag("server")
class DdlGeneratorTest {
    private static final String SCRATCH = "ddl_scratch";
    private static final String SOURCE = "ddl_source";

    private Connection connection;
    private DdlGenerator ddl;
    private CatalogReader catalog;

    @BeforeEach
    void scratchSchema() throws SQLException {
        connection = SampleSchema.connect(TestServer.SUPERUSER);
        ddl = new DdlGenerator(connection);
        catalog = new CatalogReader(connection);
        execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
        execute("CREATE SCHEMA " + SCRATCH);
    }

    @AfterEach
    void dropScratch() throws SQLException {
        try {
            execute("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE");
        } finally {
            connection.close();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The DDL with the object's own qualified name moved from {@code from} to the scratch schema. */
    private static String moved(String ddl, String from, String name) {
        return ddl.replaceAll(
                "\\b" + Pattern.quote(from + "." + name) + "\\b", Matcher.quoteReplacement(SCRATCH + "." + name));
    }

    /** Catalog text with the two schemas' qualifiers removed, so original and copy compare equal. */
    private static String unqualified(String text) {
        return text == null ? null : text.replaceAll("\\b(public|" + SCRATCH + "|" + SOURCE + ")\\.", "");
    }

    @Test
    void everySampleTableIsRecreatedEqualInAScratchSchema() throws SQLException {
        List<SchemaObject> tables = catalog.objects("public").stream()
                .filter(o -> o.kind() == ObjectKind.TABLE || o.kind() == ObjectKind.FOREIGN_TABLE)
                .toList();
        assertThat(tables).extracting(SchemaObject::name).contains("orders", "support_tickets", "archived_orders");

        for (SchemaObject table : tables) {
            String text = ddl.tableDdl(table.qualifiedName());
            execute(moved(text, "public", table.name()));

            assertThat(describe(SCRATCH, table.name()))
                    .as("%s recreated from%n%s", table.name(), text)
                    .isEqualTo(describe("public", table.name()));
        }
    }

    /** Everything the catalogs say about a table that its DDL should reproduce, one line per fact. */
    private List<String> describe(String schema, String table) throws SQLException {
        String oid = "(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ?)";
        List<String> facts = new ArrayList<>();
        facts.addAll(rows(
                "SELECT 'relation', c.relkind::text, c.relpersistence::text, obj_description(c.oid, 'pg_class'),"
                        + " array_to_string(c.reloptions, ',') FROM pg_class c WHERE c.oid = " + oid,
                schema,
                table));
        facts.addAll(rows(
                "SELECT 'column', a.attnum::text, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::text,"
                        + " pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text,"
                        + " a.attislocal::text, a.attinhcount::text,"
                        + " a.attcollation::text, col_description(a.attrelid, a.attnum)"
                        + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " WHERE a.attrelid = " + oid + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                schema,
                table));
        facts.addAll(rows(
                "SELECT 'constraint', conname, contype::text, pg_get_constraintdef(oid), condeferrable::text,"
                        + " convalidated::text, conislocal::text, coninhcount::text FROM pg_constraint WHERE conrelid = "
                        + oid + " ORDER BY conname",
                schema,
                table));
        facts.addAll(rows(
                "SELECT 'index', i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x"
                        + " JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = " + oid + " ORDER BY i.relname",
                schema,
                table));
        facts.addAll(rows(
                "SELECT 'trigger', tgname, pg_get_triggerdef(oid), tgenabled::text FROM pg_trigger"
                        + " WHERE tgrelid = " + oid + " AND NOT tgisinternal ORDER BY tgname",
                schema,
                table));
        facts.addAll(rows(
                "SELECT 'parents', pg_get_expr(c.relpartbound, c.oid), pg_get_partkeydef(c.oid),"
                        + " array_to_string(ARRAY(SELECT p.relname FROM pg_inherits h JOIN pg_class p"
                        + " ON p.oid = h.inhparent WHERE h.inhrelid = c.oid ORDER BY h.inhseqno), ',')"
                        + " FROM pg_class c WHERE c.oid = " + oid,
                schema,
                table));
        facts.addAll(rows(
                "SELECT 'foreign', fs.srvname, array_to_string(ft.ftoptions, ',') FROM pg_foreign_table ft"
                        + " JOIN pg_foreign_server fs ON fs.oid = ft.ftserver WHERE ft.ftrelid = " + oid,
                schema,
                table));
        return facts;
    }

    private List<String> rows(String sql, String... parameters) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        values.add(unqualified(rs.getString(c)));
                    }
                    rows.add(String.join(" | ", values));
                }
            }
        }
        return rows;
    }

    @Test
    void partitionsAndInheritingTablesAreRecreatedEqual() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SOURCE + " CASCADE");
        execute("CREATE SCHEMA " + SOURCE);
        try {
            for (String schema : List.of(SOURCE, SCRATCH)) {
                execute("CREATE FUNCTION " + schema + ".noop() RETURNS trigger LANGUAGE plpgsql"
                        + " AS 'BEGIN RETURN NULL; END'");
            }
            execute("CREATE TABLE " + SOURCE + ".base (id int PRIMARY KEY, note text CHECK (note <> ''))");
            execute("CREATE TABLE " + SOURCE + ".derived (extra text NOT NULL) INHERITS (" + SOURCE + ".base)");
            execute("CREATE TABLE " + SOURCE + ".measurements (id bigint GENERATED ALWAYS AS IDENTITY,"
                    + " taken_at date NOT NULL, value numeric CHECK (value >= 0), PRIMARY KEY (id, taken_at))"
                    + " PARTITION BY RANGE (taken_at)");
            execute("CREATE INDEX measurements_value_idx ON " + SOURCE + ".measurements (value)");
            execute("CREATE TRIGGER measured AFTER INSERT ON " + SOURCE + ".measurements"
                    + " FOR EACH ROW EXECUTE FUNCTION " + SOURCE + ".noop()");
            execute(
                    "CREATE TABLE " + SOURCE + ".measurements_2024 PARTITION OF " + SOURCE + ".measurements"
                            + " (CONSTRAINT recent CHECK (taken_at > '2000-01-01')) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
            execute("CREATE TABLE " + SOURCE + ".measurements_rest PARTITION OF " + SOURCE + ".measurements DEFAULT");
            List<String> tables = List.of("base", "derived", "measurements", "measurements_2024", "measurements_rest");
            List<String> texts = new ArrayList<>();
            for (String table : tables) {
                String text = ddl.tableDdl(new QualifiedName(SOURCE, table));
                texts.add(text);
                execute(text.replace(SOURCE + ".", SCRATCH + "."));
            }

            for (int i = 0; i < tables.size(); i++) {
                assertThat(describe(SCRATCH, tables.get(i)))
                        .as("%s recreated from%n%s", tables.get(i), texts.get(i))
                        .isEqualTo(describe(SOURCE, tables.get(i)));
            }
            assertThat(texts.get(1)).endsWith("\n)\nINHERITS (" + SOURCE + ".base);\n");
            assertThat(texts.get(3))
                    .startsWith("CREATE TABLE " + SOURCE + ".measurements_2024 PARTITION OF " + SOURCE
                            + ".measurements (\n" + "    CONSTRAINT recent CHECK ")
                    .contains("\n)\nFOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n")
                    .doesNotContain("CREATE INDEX", "CREATE TRIGGER");
            assertThat(texts.get(4))
                    .isEqualTo("CREATE TABLE " + SOURCE + ".measurements_rest PARTITION OF " + SOURCE
                            + ".measurements\nDEFAULT;\n");
        } finally {
            execute("DROP SCHEMA IF EXISTS " + SOURCE + " CASCADE");
        }
    }

    @Test
    void tableDdlReadsLikeHandWrittenSql() throws SQLException {
        String text = ddl.tableDdl(new QualifiedName("public", "support_tickets"));

        assertThat(text)
                .startsWith(
                        "CREATE TABLE public.support_tickets (\n    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n")
                .contains("    ticket_no integer DEFAULT nextval('public.ticket_number_seq'::regclass) NOT NULL,\n")
                .contains("    customer_email public.email_address NOT NULL,\n")
                .contains("    priority public.ticket_priority DEFAULT 'normal'::public.ticket_priority NOT NULL,\n")
                .contains("    closed_at timestamp with time zone,\n")
                .contains("    subject_length integer GENERATED ALWAYS AS (length(subject)) STORED,\n")
                .contains("    CONSTRAINT support_tickets_pkey PRIMARY KEY (id),\n")
                .contains("    CONSTRAINT support_tickets_ticket_no_key UNIQUE (ticket_no),\n")
                .contains("    CONSTRAINT support_tickets_closed_after_opened CHECK ")
                .contains("\n);\nCREATE INDEX support_tickets_open_idx ON public.support_tickets USING btree")
                .contains("CREATE TRIGGER support_tickets_touch BEFORE UPDATE ON public.support_tickets FOR EACH ROW"
                        + " EXECUTE FUNCTION public.touch_updated_at();\n")
                .contains("COMMENT ON TABLE public.support_tickets IS 'Questions and complaints")
                .contains("COMMENT ON COLUMN public.support_tickets.subject_length IS 'Computed from subject;")
                .doesNotContain("support_tickets_pkey ON", "NOT NULL,\n    CONSTRAINT support_tickets_id_not_null");
        assertThat(ddl.tableDdl(new QualifiedName("public", "orders")))
                .contains(
                        "CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id)")
                .contains(
                        "COMMENT ON TABLE public.orders IS 'Customer orders. The total is the sum of the order''s items.';");
    }

    @Test
    void namesThatNeedQuotesAreQuotedAndOthersAreNot() throws SQLException {
        execute("CREATE TABLE " + SCRATCH + ".\"Odd Table\" (\"select\" int PRIMARY KEY, \"MixedCase\" text,"
                + " required int CONSTRAINT required_present NOT NULL,"
                + " plain_name text COLLATE \"C\", \"left\" int CHECK (\"left\" > 0))");
        String text = ddl.tableDdl(new QualifiedName(SCRATCH, "Odd Table"));

        assertThat(text)
                .startsWith("CREATE TABLE " + SCRATCH + ".\"Odd Table\" (\n    \"select\" integer NOT NULL,\n")
                .contains("    \"MixedCase\" text,\n")
                .contains(
                        TestServer.shared().majorVersion() >= 18
                                ? "    required integer CONSTRAINT required_present NOT NULL,\n"
                                : "    required integer NOT NULL,\n")
                .contains("    plain_name text COLLATE pg_catalog.\"C\",\n")
                .contains("    \"left\" integer,\n");
        execute("DROP TABLE " + SCRATCH + ".\"Odd Table\"");
        execute(text);
        assertThat(ddl.tableDdl(new QualifiedName(SCRATCH, "Odd Table"))).isEqualTo(text);
    }

    @Test
    void viewsFunctionsSequencesAndTypesRoundTripThroughAScratchSchema() throws SQLException {
        List<SchemaObject> objects = catalog.objects("public").stream()
                .filter(o -> o.kind() != ObjectKind.TABLE && o.kind() != ObjectKind.FOREIGN_TABLE)
                .toList();
        assertThat(objects)
                .extracting(SchemaObject::kind)
                .contains(
                        ObjectKind.VIEW,
                        ObjectKind.MATERIALIZED_VIEW,
                        ObjectKind.SEQUENCE,
                        ObjectKind.FUNCTION,
                        ObjectKind.PROCEDURE,
                        ObjectKind.ENUM_TYPE,
                        ObjectKind.COMPOSITE_TYPE,
                        ObjectKind.DOMAIN);

        for (SchemaObject object : objects) {
            // A sequence may only be owned by a column of a table in its own schema.
            String original = withoutOwnedBy(ddl.ddl(object));
            execute(moved(original, "public", object.name()));
            SchemaObject copy = new SchemaObject(
                    object.kind(), SCRATCH, object.name(), object.arguments(), object.owner(), object.comment());

            assertThat(unqualified(withoutOwnedBy(ddl.ddl(copy))))
                    .as("%s %s", object.kind(), object.displayName())
                    .isEqualTo(unqualified(original));
        }
    }

    private static String withoutOwnedBy(String ddl) {
        return ddl.lines()
                .filter(line -> !line.contains(" OWNED BY "))
                .map(line -> line + "\n")
                .reduce("", String::concat);
    }

    @Test
    void kindSpecificDdlUsesTheServersOwnDefinitions() throws SQLException {
        assertThat(ddl.ddl(new SchemaObject(ObjectKind.VIEW, "public", "order_totals_by_month", "", "", "")))
                .startsWith("CREATE VIEW public.order_totals_by_month AS\n SELECT date_trunc('month'")
                .contains("FROM public.orders")
                .contains(";\nCOMMENT ON VIEW public.order_totals_by_month IS");
        assertThat(ddl.ddl(new SchemaObject(ObjectKind.MATERIALIZED_VIEW, "public", "product_sales", "", "", "")))
                .contains("\nWITH DATA;\nCREATE UNIQUE INDEX product_sales_product_id_idx ON public.product_sales");
        assertThat(ddl.ddl(new SchemaObject(ObjectKind.FUNCTION, "public", "customer_order_count", "integer", "", "")))
                .startsWith("CREATE OR REPLACE FUNCTION public.customer_order_count(customer integer)\n")
                .contains("RETURNS bigint")
                .endsWith("$function$;\nCOMMENT ON FUNCTION public.customer_order_count(integer) IS"
                        + " 'How many orders a customer placed.';\n");
        assertThat(ddl.ddl(new SchemaObject(ObjectKind.PROCEDURE, "public", "close_ticket", "bigint", "", "")))
                .startsWith("CREATE OR REPLACE PROCEDURE public.close_ticket(")
                .contains("COMMENT ON PROCEDURE public.close_ticket(bigint) IS");
        assertThat(ddl.ddl(new SchemaObject(ObjectKind.SEQUENCE, "public", "ticket_number_seq", "", "", "")))
                .startsWith("CREATE SEQUENCE public.ticket_number_seq\n    AS integer\n    START WITH 1000\n");
        assertThat(ddl.ddl(new SchemaObject(ObjectKind.SEQUENCE, "public", "metrics_log_id_seq", "", "", "")))
                .contains("ALTER SEQUENCE public.metrics_log_id_seq OWNED BY public.metrics_log.id;\n");
        assertThat(ddl.ddl(new SchemaObject(ObjectKind.ENUM_TYPE, "public", "ticket_priority", "", "", "")))
                .startsWith("CREATE TYPE public.ticket_priority AS ENUM ('low', 'normal', 'high', 'urgent');\n");
        assertThat(ddl.ddl(new SchemaObject(ObjectKind.COMPOSITE_TYPE, "public", "postal_address", "", "", "")))
                .startsWith("CREATE TYPE public.postal_address AS (\n    street text,\n");
        assertThat(ddl.ddl(new SchemaObject(ObjectKind.DOMAIN, "public", "email_address", "", "", "")))
                .startsWith("CREATE DOMAIN public.email_address AS text\n    CONSTRAINT email_address_shape CHECK");
        assertThat(ddl.ddl(new SchemaObject(ObjectKind.INDEX, "public", "orders_open_status_idx", "", "", "")))
                .isEqualTo("CREATE INDEX orders_open_status_idx ON public.orders USING btree (status) WHERE"
                        + " (status = ANY (ARRAY['pending'::text, 'paid'::text]));\n");
        assertThat(ddl.ddl(new TriggerName(new QualifiedName("public", "support_tickets"), "support_tickets_touch")))
                .isEqualTo("CREATE TRIGGER support_tickets_touch BEFORE UPDATE ON public.support_tickets"
                        + " FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();\n");
    }

    @Test
    void indexAndTriggerDdlRunAgainUnderANewName() throws SQLException {
        String index = ddl.indexDdl(new QualifiedName("public", "orders_open_status_idx"));
        String trigger = ddl.triggerDdl(
                new TriggerName(new QualifiedName("public", "support_tickets"), "support_tickets_touch"));
        connection.setAutoCommit(false);
        try {
            execute(index.replace("orders_open_status_idx", "orders_open_status_copy"));
            execute(trigger.replace("support_tickets_touch", "support_tickets_touch_copy"));

            assertThat(catalog.indexes(new QualifiedName("public", "orders")))
                    .extracting(IndexInfo::name)
                    .contains("orders_open_status_copy");
            assertThat(catalog.triggers(new QualifiedName("public", "support_tickets")))
                    .extracting(TriggerInfo::name)
                    .contains("support_tickets_touch_copy");
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void theSessionIsLeftAsItWasInAndOutsideATransaction() throws SQLException {
        String searchPath = rows("SELECT current_setting('search_path')").get(0);

        ddl.tableDdl(new QualifiedName("public", "orders"));

        assertThat(connection.getAutoCommit()).isTrue();
        assertThat(rows("SELECT current_setting('search_path')")).containsExactly(searchPath);
        connection.setAutoCommit(false);
        try {
            execute("CREATE TEMP TABLE kept_in_transaction (n int)");
            ddl.tableDdl(new QualifiedName("public", "orders"));

            assertThat(connection.getAutoCommit()).isFalse();
            assertThat(rows("SELECT current_setting('search_path')")).containsExactly(searchPath);
            assertThat(rows("SELECT count(*) FROM kept_in_transaction")).containsExactly("0");
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
