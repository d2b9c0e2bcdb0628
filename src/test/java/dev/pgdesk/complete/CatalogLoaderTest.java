package dev.pgdesk.complete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Tag("server")
class CatalogLoaderTest {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogLoaderTest.class);

    private final TestServer server = TestServer.shared();
    private final CatalogLoader loader = new CatalogLoader();
    private final String schema = "complete_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void createSampleObjects() throws SQLException {
        execute(
                "CREATE SCHEMA " + schema,
                "CREATE TABLE " + schema + ".customers (id bigint PRIMARY KEY, name varchar(40) NOT NULL, dropped int,"
                        + " \"Signed Up\" timestamptz)",
                "ALTER TABLE " + schema + ".customers DROP COLUMN dropped",
                "CREATE VIEW " + schema + ".recent_customers AS SELECT id, name FROM " + schema + ".customers",
                "CREATE MATERIALIZED VIEW " + schema + ".customer_count AS SELECT count(*) AS n FROM " + schema
                        + ".customers",
                "CREATE TABLE " + schema + ".events (at date NOT NULL, kind text) PARTITION BY RANGE (at)",
                "CREATE TABLE " + schema + ".events_2026 PARTITION OF " + schema
                        + ".events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                "CREATE FUNCTION " + schema + ".customer_name(customer bigint, fallback text DEFAULT '')"
                        + " RETURNS text LANGUAGE sql AS 'SELECT coalesce(name, fallback) FROM " + schema
                        + ".customers WHERE id = customer'",
                "CREATE FUNCTION " + schema + ".customer_ids() RETURNS SETOF bigint LANGUAGE sql AS 'SELECT id FROM "
                        + schema + ".customers'",
                "CREATE PROCEDURE " + schema + ".forget(customer bigint) LANGUAGE sql AS 'DELETE FROM " + schema
                        + ".customers WHERE id = customer'",
                "CREATE FUNCTION " + schema + ".audit() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'");
    }

    @AfterEach
    void dropSampleObjects() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private CatalogSnapshot load() throws SQLException {
        try (Connection c = server.connect("postgres")) {
            return loader.load(c);
        }
    }

    private static CatalogRelation relation(CatalogSnapshot snapshot, String schema, String name) {
        return snapshot.relation(schema, name).orElseThrow(() -> new AssertionError(schema + "." + name + " missing"));
    }

    @Test
    void everyRelationKindIsLoadedWithItsColumnsInTableOrder() throws SQLException {
        CatalogSnapshot snapshot = load();

        CatalogRelation customers = relation(snapshot, schema, "customers");
        assertThat(customers.kind()).isEqualTo(RelationKind.TABLE);
        assertThat(customers.columns())
                .containsExactly(
                        new CatalogColumn("id", "bigint"),
                        new CatalogColumn("name", "character varying(40)"),
                        new CatalogColumn("Signed Up", "timestamp with time zone"));
        assertThat(relation(snapshot, schema, "recent_customers").kind()).isEqualTo(RelationKind.VIEW);
        assertThat(relation(snapshot, schema, "customer_count").kind()).isEqualTo(RelationKind.MATERIALIZED_VIEW);
        assertThat(relation(snapshot, schema, "customer_count").columns())
                .containsExactly(new CatalogColumn("n", "bigint"));
        CatalogRelation events = relation(snapshot, schema, "events");
        assertThat(events.kind()).isEqualTo(RelationKind.PARTITIONED_TABLE);
        assertThat(events.partition()).isFalse();
        assertThat(relation(snapshot, schema, "events_2026").partition()).isTrue();
        assertThat(snapshot.schemas()).contains(schema, "public", "pg_catalog", "information_schema");
        assertThat(snapshot.schemas()).noneMatch(name -> name.startsWith("pg_toast"));
    }

    @Test
    void functionsProceduresAndTheirSignaturesAreLoadedButNotTriggerFunctions() throws SQLException {
        CatalogSnapshot snapshot = load();
        List<CatalogFunction> functions = snapshot.functionsIn(schema);

        assertThat(functions)
                .contains(
                        new CatalogFunction(
                                schema, "customer_name", "customer bigint, fallback text", "text", FunctionKind.NORMAL),
                        new CatalogFunction(schema, "customer_ids", "", "SETOF bigint", FunctionKind.NORMAL));
        // PostgreSQL 14 and later spell a procedure's argument mode out ("IN customer bigint").
        assertThat(functions).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("forget");
            assertThat(f.kind()).isEqualTo(FunctionKind.PROCEDURE);
            assertThat(f.arguments()).endsWith("customer bigint");
            assertThat(f.result()).isEmpty();
        });
        assertThat(functions).extracting(CatalogFunction::name).doesNotContain("audit");
    }

    @Test
    void catalogFunctionsAreLoadedWithoutTheServersInternalOnes() throws SQLException {
        CatalogSnapshot snapshot = load();
        List<CatalogFunction> catalog = snapshot.functionsIn("pg_catalog");

        assertThat(catalog).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("count");
            assertThat(f.kind()).isEqualTo(FunctionKind.AGGREGATE);
        });
        assertThat(catalog).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("row_number");
            assertThat(f.kind()).isEqualTo(FunctionKind.WINDOW);
        });
        assertThat(catalog)
                .extracting(CatalogFunction::name)
                .contains("now", "lower")
                .doesNotContain("int4in", "int4out");
        assertThat(snapshot.relationsIn("pg_catalog"))
                .extracting(CatalogRelation::name)
                .contains("pg_class");
    }

    @Test
    void searchPathAndKeywordsComeFromTheServer() throws SQLException {
        CatalogSnapshot snapshot;
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("SET search_path = " + schema + ", public");
            snapshot = loader.load(c);
        }

        assertThat(snapshot.searchPath()).containsExactly(schema, "public");
        assertThat(snapshot.keywords()).contains("select", "abort", "between");
        assertThat(snapshot.quotedKeywords()).contains("select", "between").doesNotContain("abort");
        assertThat(snapshot.loadedAt()).isPresent();
    }

    @Test
    void theLoadedSnapshotDrivesCompletion() throws SQLException {
        CatalogSnapshot snapshot = load();

        String sql = "select c. from " + schema + ".customers c";
        CompletionResult columns = CompletionEngine.complete(sql, "select c.".length(), snapshot);
        assertThat(columns.candidates()).extracting(Candidate::text).containsExactly("id", "name", "\"Signed Up\"");

        String call = "call " + schema + ".";
        assertThat(CompletionEngine.complete(call, call.length(), snapshot).candidates())
                .extracting(Candidate::text)
                .containsExactly("forget");
    }

    @Test
    void twoThousandTablesOfTenColumnsLoadInBulk() throws SQLException {
        String big = schema + "_big";
        execute("CREATE SCHEMA " + big);
        // In batches: one transaction creating or dropping 2,000 tables outgrows the server's lock table.
        for (int from = 1; from <= 2000; from += 250) {
            execute("DO $$ BEGIN FOR i IN " + from + ".." + (from + 249) + " LOOP EXECUTE format("
                    + "'CREATE TABLE " + big + ".t%s (c1 int, c2 text, c3 int, c4 text, c5 int, c6 text,"
                    + " c7 int, c8 text, c9 date, c10 numeric)', i); END LOOP; END $$");
        }
        try {
            try (Connection c = server.connect("postgres")) {
                loader.load(c); // warm the server's catalog caches as a running database would have them
                int rounds = 5;
                long started = System.nanoTime();
                CatalogSnapshot snapshot = null;
                for (int i = 0; i < rounds; i++) {
                    snapshot = loader.load(c);
                }
                double millis = (System.nanoTime() - started) / 1_000_000.0 / rounds;
                LOG.info(String.format(
                        Locale.ROOT,
                        "PostgreSQL %d: catalog snapshot of %s loaded in %.0f ms on average",
                        server.majorVersion(),
                        snapshot.summary(),
                        millis));

                assertThat(snapshot.relationsIn(big)).hasSize(2000);
                assertThat(snapshot.relationsIn(big))
                        .allSatisfy(r -> assertThat(r.columns()).hasSize(10));
            }
        } finally {
            for (int from = 1; from <= 2000; from += 250) {
                execute("DO $$ BEGIN FOR i IN " + from + ".." + (from + 249) + " LOOP EXECUTE format("
                        + "'DROP TABLE IF EXISTS " + big + ".t%s', i); END LOOP; END $$");
            }
            execute("DROP SCHEMA " + big + " CASCADE");
        }
    }
}
