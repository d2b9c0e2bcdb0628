package dev.pgdesk.ui.schema;

import dev.pgdesk.schema.DatabaseObject;
import dev.pgdesk.schema.ObjectStats;
import dev.pgdesk.schema.QualifiedName;
import dev.pgdesk.schema.SchemaBrowser;
import dev.pgdesk.schema.SchemaInfo;
import dev.pgdesk.schema.SchemaObject;
import dev.pgdesk.schema.StatementTemplates;
import dev.pgdesk.schema.TableDetails;
import dev.pgdesk.schema.TablePrivileges;
import dev.pgdesk.schema.TypeDetails;
import java.sql.SQLException;
import java.util.List;

/**
 * What the navigator reads from a connection. Every call blocks on the server, so the navigator only calls
 * it from background tasks; an interface so that tests can observe (or slow down) those calls.
 */
public interface CatalogSource {

    List<SchemaInfo> schemas(boolean includeSystem) throws SQLException;

    List<SchemaObject> objects(String schema) throws SQLException;

    TableDetails tableDetails(QualifiedName table) throws SQLException;

    TypeDetails type(QualifiedName type) throws SQLException;

    ObjectStats stats(QualifiedName relation) throws SQLException;

    TablePrivileges privileges(QualifiedName table) throws SQLException;

    String ddl(DatabaseObject object) throws SQLException;

    StatementTemplates templates(QualifiedName table) throws SQLException;

    /** The source over a profile's {@link SchemaBrowser}; extension members stay out of the tree. */
    static CatalogSource of(SchemaBrowser browser) {
        return new CatalogSource() {
            @Override
            public List<SchemaInfo> schemas(boolean includeSystem) throws SQLException {
                return browser.schemas(includeSystem);
            }

            @Override
            public List<SchemaObject> objects(String schema) throws SQLException {
                return browser.objects(schema, false);
            }

            @Override
            public TableDetails tableDetails(QualifiedName table) throws SQLException {
                return browser.tableDetails(table);
            }

            @Override
            public TypeDetails type(QualifiedName type) throws SQLException {
                return browser.type(type);
            }

            @Override
            public ObjectStats stats(QualifiedName relation) throws SQLException {
                return browser.stats(relation);
            }

            @Override
            public TablePrivileges privileges(QualifiedName table) throws SQLException {
                return browser.privileges(table);
            }

            @Override
            public String ddl(DatabaseObject object) throws SQLException {
                return browser.ddl(object);
            }

            @Override
            public StatementTemplates templates(QualifiedName table) throws SQLException {
                return browser.templates(table);
            }
        };
    }
}
