package dev.pgdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.sql.JdbcStatement;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.Parameters;
import dev.pgdesk.testing.SampleSchema;
import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The generated statements run on the server with bound parameters and do what they say. */
@Tag("server")
class StatementTemplatesTest {
    private Connection connection;
    private CatalogReader catalog;

    @BeforeEach
    void connect() throws SQLException {
        connection = SampleSchema.connect(TestServer.SUPERUSER);
        connection.setAutoCommit(false);
        catalog = new CatalogReader(connection);
    }

    @AfterEach
    void undo() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }

    private StatementTemplates templates(String table) throws SQLException {
        return new StatementTemplates(catalog.tableDetails(new QualifiedName("public", table)));
    }

    @Test
    void templatesListColumnsAndNumberParametersInOrder() throws SQLException {
        StatementTemplates tickets = templates("support_tickets");

        assertThat(tickets.select().sql())
                .isEqualTo("SELECT id, ticket_no, customer_email, subject, priority, return_address, opened_at,"
                        + " closed_at, updated_at, subject_length\nFROM public.support_tickets");
        assertThat(tickets.select().parameters()).isEmpty();
        assertThat(tickets.insert().sql())
                .as("no value for the ALWAYS identity or the generated column")
                .isEqualTo(
                        "INSERT INTO public.support_tickets (ticket_no, customer_email, subject, priority,"
                                + " return_address, opened_at, closed_at, updated_at)\nVALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        assertThat(tickets.update().sql())
                .isEqualTo("UPDATE public.support_tickets\nSET ticket_no = $1,\n    customer_email = $2,\n"
                        + "    subject = $3,\n    priority = $4,\n    return_address = $5,\n    opened_at = $6,\n"
                        + "    closed_at = $7,\n    updated_at = $8\nWHERE id = $9");
        assertThat(tickets.update().parameters()).endsWith("updated_at", "id");
        assertThat(tickets.delete().sql()).isEqualTo("DELETE FROM public.support_tickets\nWHERE id = $1");
        assertThat(templates("order_items").delete().sql())
                .isEqualTo("DELETE FROM public.order_items\nWHERE order_id = $1 AND line_no = $2");
        assertThat(templates("users").insert().parameters())
                .as("a BY DEFAULT identity may be given")
                .startsWith("id");
    }

    @Test
    void aTableWithoutAnyKeyGetsNoUpdateOrDeleteAndIsToldWhy() throws SQLException {
        StatementTemplates info = templates("pgdesk_sample_info");

        assertThat(info.rowKey()).isEmpty();
        assertThat(info.selectByKey()).isEmpty();
        assertThatThrownBy(info::update)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public.pgdesk_sample_info has no primary key")
                .hasMessageContaining("add a primary key");
        assertThatThrownBy(info::delete).hasMessageContaining("DELETE");
    }

    @Test
    void aMaterializedViewOnlyGetsSelects() throws SQLException {
        StatementTemplates sales = templates("product_sales");

        assertThat(sales.isModifiable()).isFalse();
        assertThat(sales.select().sql()).startsWith("SELECT product_id, name, units_sold, revenue\nFROM");
        assertThatThrownBy(sales::insert)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REFRESH MATERIALIZED VIEW");
        assertThatThrownBy(sales::delete).hasMessageContaining("materialized view");
        assertThat(templates("orders").isModifiable()).isTrue();
    }

    @Test
    void aUniqueKeyOverNotNullColumnsStandsInForAMissingPrimaryKey() throws SQLException {
        execute("CREATE TEMP TABLE badges (code text NOT NULL UNIQUE, label text UNIQUE, note text)");
        StatementTemplates badges =
                new StatementTemplates(catalog.tableDetails(new QualifiedName(tempSchema(), "badges")));

        assertThat(badges.rowKey()).hasValueSatisfying(key -> {
            assertThat(key.columns()).containsExactly("code");
            assertThat(key.primary()).isFalse();
        });
        assertThat(badges.delete().sql()).endsWith("WHERE code = $1");
    }

    private String tempSchema() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void everyTemplateRunsWithBoundParametersOnEverySampleTable() throws SQLException {
        // Foreign keys would forbid deleting a referenced row; the triggers that check them are off in this
        // transaction, which is rolled back.
        execute("SET LOCAL session_replication_role = replica");
        List<SchemaObject> tables = catalog.objects("public").stream()
                .filter(o -> o.kind() == ObjectKind.TABLE && !o.name().equals("pgdesk_sample_info"))
                .toList();
        assertThat(tables).hasSizeGreaterThanOrEqualTo(10);

        for (SchemaObject table : tables) {
            StatementTemplates templates = new StatementTemplates(catalog.tableDetails(table.qualifiedName()));
            long count = count(table);
            List<Map<String, String>> all = query(templates.select(), Map.of());
            assertThat(all).as(table.name()).hasSize((int) count);
            Map<String, String> row = all.get(0);

            StatementTemplate byKey = templates.selectByKey().orElseThrow();
            assertThat(query(byKey, row)).as("%s by key", table.name()).containsExactly(row);

            assertThat(update(templates.update(), row))
                    .as("%s update", table.name())
                    .isEqualTo(1);
            assertThat(query(byKey, row)).hasSize(1);

            assertThat(update(templates.delete(), row))
                    .as("%s delete", table.name())
                    .isEqualTo(1);
            assertThat(query(byKey, row)).as("%s deleted", table.name()).isEmpty();
            assertThat(count(table)).isEqualTo(count - 1);

            assertThat(update(templates.insert(), row))
                    .as("%s insert", table.name())
                    .isEqualTo(1);
            assertThat(count(table)).isEqualTo(count);
        }
    }

    @Test
    void anUpdateByKeyChangesOnlyThatRow() throws SQLException {
        StatementTemplates products = templates("products");
        Map<String, String> row =
                query(products.selectByKey().orElseThrow(), Map.of("id", "7")).get(0);
        Map<String, String> changed = new LinkedHashMap<>(row);
        changed.put("price", "12345.67");
        changed.put("name", "Renamed by the template test");

        assertThat(update(products.update(), changed)).isEqualTo(1);

        Map<String, String> after =
                query(products.selectByKey().orElseThrow(), Map.of("id", "7")).get(0);
        assertThat(after).isEqualTo(changed);
        assertThat(query(products.selectByKey().orElseThrow(), Map.of("id", "8"))
                        .get(0)
                        .get("name"))
                .isNotEqualTo("Renamed by the template test");
    }

    @Test
    void anInsertLeavesGeneratedValuesToTheServer() throws SQLException {
        StatementTemplates tickets = templates("support_tickets");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ticket_no", "999999");
        values.put("customer_email", "someone@example.com");
        values.put("subject", "Seven chars");
        values.put("priority", "urgent");
        values.put("return_address", "(Main Street 1,Springfield,12345,US)");
        values.put("opened_at", "2024-01-02 03:04:05+00");
        values.put("closed_at", null);
        values.put("updated_at", "2024-01-02 03:04:05+00");

        assertThat(update(tickets.insert(), values)).isEqualTo(1);

        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id IS NOT NULL, subject_length, priority::text FROM support_tickets WHERE ticket_no = 999999")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getInt(2)).isEqualTo(11);
            assertThat(rs.getString(3)).isEqualTo("urgent");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(SchemaObject table) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table.toSql())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Binds each $n to the text of the column it stands for, letting the server convert it. */
    private PreparedStatement prepare(StatementTemplate template, Map<String, String> values) throws SQLException {
        JdbcStatement jdbc = Parameters.rewriteForJdbc(template.sql());
        PreparedStatement statement = connection.prepareStatement(jdbc.sql());
        List<Parameter> bindings = jdbc.bindings();
        for (int i = 0; i < bindings.size(); i++) {
            String column = template.parameters().get(bindings.get(i).number() - 1);
            String value = values.get(column);
            if (value == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else {
                statement.setObject(i + 1, value, Types.OTHER);
            }
        }
        return statement;
    }

    private int update(StatementTemplate template, Map<String, String> values) throws SQLException {
        try (PreparedStatement statement = prepare(template, values)) {
            return statement.executeUpdate();
        }
    }

    private List<Map<String, String>> query(StatementTemplate template, Map<String, String> values)
            throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (PreparedStatement statement = prepare(template, values);
                ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 1; c <= columns; c++) {
                    row.put(rs.getMetaData().getColumnName(c), rs.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
