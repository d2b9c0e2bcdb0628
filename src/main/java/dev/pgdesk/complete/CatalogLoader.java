package dev.pgdesk.complete;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link CatalogSnapshot} from {@code pg_catalog} in five bulk queries, whatever the number of
 * tables: relations and their columns come back in one ordered result, not one query per table.
 *
 * <p>Temporary and TOAST schemas are left out. {@code pg_catalog} and {@code information_schema} are
 * loaded (their functions are everyday tools) and ranked below the user's own objects by the engine.
 * Functions that only make sense to the server (type input/output, handlers, trigger functions, anything
 * taking {@code internal}) are left out.
 */
public final class CatalogLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogLoader.class);

    /** Schemas never offered: per-session temporary schemas and TOAST storage. */
    private static final String SKIPPED_SCHEMAS = "n.nspname !~ '^pg_(toast|temp_|toast_temp_)'";

    private static final String SCHEMAS_SQL =
            "SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE " + SKIPPED_SCHEMAS + " ORDER BY 1";

    private static final String RELATIONS_SQL = "SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition,"
            + " a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)"
            + " FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_attribute a"
            + "   ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND " + SKIPPED_SCHEMAS
            + " ORDER BY c.oid, a.attnum";

    private static final String FUNCTIONS_SQL = "SELECT n.nspname, p.proname,"
            + " pg_catalog.pg_get_function_identity_arguments(p.oid),"
            + " COALESCE(pg_catalog.pg_get_function_result(p.oid), ''), p.prokind"
            + " FROM pg_catalog.pg_proc p"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE " + SKIPPED_SCHEMAS
            + " AND p.prorettype NOT IN ('pg_catalog.trigger'::pg_catalog.regtype,"
            + "   'pg_catalog.event_trigger'::pg_catalog.regtype, 'pg_catalog.internal'::pg_catalog.regtype,"
            + "   'pg_catalog.cstring'::pg_catalog.regtype, 'pg_catalog.language_handler'::pg_catalog.regtype,"
            + "   'pg_catalog.fdw_handler'::pg_catalog.regtype, 'pg_catalog.index_am_handler'::pg_catalog.regtype,"
            + "   'pg_catalog.tsm_handler'::pg_catalog.regtype, 'pg_catalog.table_am_handler'::pg_catalog.regtype)"
            + " AND NOT ('pg_catalog.internal'::pg_catalog.regtype::pg_catalog.oid = ANY (p.proargtypes::pg_catalog.oid[]))"
            + " AND NOT ('pg_catalog.cstring'::pg_catalog.regtype::pg_catalog.oid = ANY (p.proargtypes::pg_catalog.oid[]))"
            + " ORDER BY n.nspname, p.proname, p.oid";

    private static final String SEARCH_PATH_SQL = "SELECT pg_catalog.current_schemas(false)";

    private static final String KEYWORDS_SQL = "SELECT word, catcode FROM pg_catalog.pg_get_keywords() ORDER BY word";

    private final Clock clock;

    /** A loader stamping snapshots with the system clock. */
    public CatalogLoader() {
        this(Clock.systemUTC());
    }

    /** A loader stamping snapshots with {@code clock}. */
    public CatalogLoader(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads the snapshot on {@code connection}, which stays open and unchanged (auto-commit or not: the
     * queries only read). Blocks for the round trips; call it off the UI thread.
     */
    public CatalogSnapshot load(Connection connection) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            List<String> schemas = schemas(statement);
            List<CatalogRelation> relations = relations(statement);
            List<CatalogFunction> functions = functions(statement);
            List<String> searchPath = searchPath(statement);
            List<String> keywords = new ArrayList<>();
            Set<String> quoted = new HashSet<>();
            keywords(statement, keywords, quoted);
            CatalogSnapshot snapshot =
                    CatalogSnapshot.of(schemas, relations, functions, searchPath, keywords, quoted, clock.instant());
            LOG.debug(
                    "Catalog snapshot loaded in {} ms: {}",
                    (System.nanoTime() - started) / 1_000_000,
                    snapshot.summary());
            return snapshot;
        }
    }

    private static List<String> schemas(Statement statement) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(SCHEMAS_SQL)) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    private static List<CatalogRelation> relations(Statement statement) throws SQLException {
        List<CatalogRelation> relations = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(RELATIONS_SQL)) {
            long currentOid = -1;
            String schema = null;
            String name = null;
            RelationKind kind = null;
            boolean partition = false;
            List<CatalogColumn> columns = new ArrayList<>();
            while (rs.next()) {
                long oid = rs.getLong(1);
                if (oid != currentOid) {
                    if (currentOid >= 0) {
                        relations.add(new CatalogRelation(schema, name, kind, partition, columns));
                    }
                    currentOid = oid;
                    schema = rs.getString(2);
                    name = rs.getString(3);
                    kind = RelationKind.fromRelkind(rs.getString(4));
                    partition = rs.getBoolean(5);
                    columns = new ArrayList<>();
                }
                String column = rs.getString(6);
                if (column != null) {
                    columns.add(new CatalogColumn(column, rs.getString(7)));
                }
            }
            if (currentOid >= 0) {
                relations.add(new CatalogRelation(schema, name, kind, partition, columns));
            }
        }
        return relations;
    }

    private static List<CatalogFunction> functions(Statement statement) throws SQLException {
        List<CatalogFunction> functions = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(FUNCTIONS_SQL)) {
            while (rs.next()) {
                functions.add(new CatalogFunction(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        FunctionKind.fromProkind(rs.getString(5))));
            }
        }
        return functions;
    }

    private static List<String> searchPath(Statement statement) throws SQLException {
        List<String> path = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(SEARCH_PATH_SQL)) {
            if (rs.next()) {
                Array array = rs.getArray(1);
                if (array != null) {
                    for (Object schema : (Object[]) array.getArray()) {
                        path.add((String) schema);
                    }
                    array.free();
                }
            }
        }
        return path;
    }

    private static void keywords(Statement statement, List<String> keywords, Set<String> quoted) throws SQLException {
        try (ResultSet rs = statement.executeQuery(KEYWORDS_SQL)) {
            while (rs.next()) {
                String word = rs.getString(1);
                keywords.add(word);
                // quote_ident leaves only the unreserved keywords bare.
                if (!"U".equals(rs.getString(2))) {
                    quoted.add(word);
                }
            }
        }
    }
}
