package dev.pgdesk.schema;

import dev.pgdesk.pool.PooledSession;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * The navigator's entry point for one connection profile: each method borrows a pooled connection, reads
 * one level of the tree or one detail, and returns it. Every call blocks on the server, so the GUI calls
 * it from a background task (never the FX thread) when a node is expanded or selected, and calls it again
 * to refresh. Safe to use from several threads (each call has its own connection).
 */
public final class SchemaBrowser {
    private final PooledSession session;

    /** A browser over {@code session}, the profile's shared pooled session. */
    public SchemaBrowser(PooledSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The root level: schemas, PostgreSQL's own only when {@code includeSystem}. */
    public List<SchemaInfo> schemas(boolean includeSystem) throws SQLException {
        return session.execute(c -> new CatalogReader(c).schemas(includeSystem));
    }

    /** A schema's children, to group into folders by {@link ObjectKind#folder()}. */
    public List<SchemaObject> objects(String schema, boolean includeExtensionMembers) throws SQLException {
        return session.execute(c -> new CatalogReader(c).objects(schema, includeExtensionMembers));
    }

    /** A table's (or view's) children: columns, indexes, constraints, triggers. */
    public TableDetails tableDetails(QualifiedName table) throws SQLException {
        return session.execute(c -> new CatalogReader(c).tableDetails(table));
    }

    /** An enum's labels, a composite's fields, or a domain's base type and constraints. */
    public TypeDetails type(QualifiedName type) throws SQLException {
        return session.execute(c -> new TypeReader(c).type(type));
    }

    /** Estimated rows and size, for the detail panel. */
    public ObjectStats stats(QualifiedName relation) throws SQLException {
        return session.execute(c -> new StatsReader(c).stats(relation));
    }

    /** What the connected user may do with a table. */
    public TablePrivileges privileges(QualifiedName table) throws SQLException {
        return session.execute(c -> new PrivilegeReader(c).privileges(table));
    }

    /** The object's DDL, for the detail panel or "copy DDL". */
    public String ddl(DatabaseObject object) throws SQLException {
        return session.execute(c -> new DdlGenerator(c).ddl(object));
    }

    /** The object a user typed the name of ("go to object"); see {@link ObjectResolver}. */
    public DatabaseObject resolve(String name) throws SQLException {
        return session.execute(c -> new ObjectResolver(c).resolve(name));
    }

    /** Statement templates for a table or view, read fresh from the catalogs. */
    public StatementTemplates templates(QualifiedName table) throws SQLException {
        return new StatementTemplates(tableDetails(table));
    }
}
