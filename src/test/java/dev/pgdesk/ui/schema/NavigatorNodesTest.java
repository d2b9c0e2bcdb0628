package dev.pgdesk.ui.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.schema.ColumnInfo;
import dev.pgdesk.schema.ConstraintInfo;
import dev.pgdesk.schema.ConstraintType;
import dev.pgdesk.schema.DomainConstraint;
import dev.pgdesk.schema.Generation;
import dev.pgdesk.schema.IdentityKind;
import dev.pgdesk.schema.IndexInfo;
import dev.pgdesk.schema.ObjectKind;
import dev.pgdesk.schema.QualifiedName;
import dev.pgdesk.schema.SchemaObject;
import dev.pgdesk.schema.TableDetails;
import dev.pgdesk.schema.TriggerInfo;
import dev.pgdesk.schema.TypeDetails;
import dev.pgdesk.ui.schema.NavigatorNode.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How catalog facts become navigator nodes, without a server. */
class NavigatorNodesTest {

    @Test
    void objectsAreGroupedIntoOneFolderPerKindInTheReadersOrderWithTheThreeTypeKindsTogether() {
        List<NavigatorNode> folders = NavigatorNodes.folders(List.of(
                object(ObjectKind.TABLE, "orders"),
                object(ObjectKind.TABLE, "users"),
                object(ObjectKind.VIEW, "totals"),
                object(ObjectKind.FUNCTION, "f"),
                object(ObjectKind.ENUM_TYPE, "priority"),
                object(ObjectKind.DOMAIN, "email")));

        assertThat(folders).extracting(NavigatorNode::name).containsExactly("Tables", "Views", "Functions", "Types");
        assertThat(folders.get(0).children()).extracting(NavigatorNode::name).containsExactly("orders", "users");
        assertThat(folders.get(2).children()).extracting(NavigatorNode::name).containsExactly("f(integer)");
        assertThat(folders.get(3).children()).extracting(NavigatorNode::detail).containsExactly("enum", "domain");
    }

    @Test
    void tablesAndTypesLoadTheirChildrenLaterWhileSequencesAndRoutinesAreLeaves() {
        assertThat(NavigatorNodes.object(object(ObjectKind.TABLE, "t")).state())
                .isEqualTo(NavigatorNode.LoadState.NOT_LOADED);
        assertThat(NavigatorNodes.object(object(ObjectKind.TABLE, "t")).children())
                .extracting(NavigatorNode::kind)
                .containsExactly(Kind.LOADING);
        assertThat(NavigatorNodes.object(object(ObjectKind.COMPOSITE_TYPE, "c")).isLeaf())
                .isFalse();
        assertThat(NavigatorNodes.object(object(ObjectKind.SEQUENCE, "s")).isLeaf())
                .isTrue();
        assertThat(NavigatorNodes.object(object(ObjectKind.PROCEDURE, "p")).isLeaf())
                .isTrue();
    }

    @Test
    void aTableShowsItsColumnsAlwaysAndOnlyTheOtherGroupsItHas() {
        TableDetails view = new TableDetails(
                object(ObjectKind.VIEW, "totals"), List.of(column("total", false)), List.of(), List.of(), List.of());
        assertThat(NavigatorNodes.tableGroups(view))
                .extracting(NavigatorNode::label)
                .containsExactly("Columns (1)");

        TableDetails orders = new TableDetails(
                object(ObjectKind.TABLE, "orders"),
                List.of(column("id", true), column("customer_id", false)),
                List.of(new IndexInfo(
                        "orders_pkey",
                        "CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)",
                        true,
                        true,
                        true,
                        true,
                        false)),
                List.of(foreignKey(true)),
                List.of(new TriggerInfo(
                        "touch", "CREATE TRIGGER touch ...", new QualifiedName("public", "touch"), false, false)));
        List<NavigatorNode> groups = NavigatorNodes.tableGroups(orders);

        assertThat(groups)
                .extracting(NavigatorNode::label)
                .containsExactly("Columns (2)", "Indexes (1)", "Constraints (1)", "Triggers (1)");
        NavigatorNode id = groups.get(0).children().get(0);
        assertThat(id.primaryKey()).isTrue();
        assertThat(id.detail()).isEqualTo("integer PK NOT NULL");
        assertThat(groups.get(1).children().get(0).detail()).isEqualTo("primary key · btree (id)");
        assertThat(groups.get(3).children().get(0).detail()).isEqualTo("→ public.touch() · disabled");
    }

    @Test
    void aForeignKeyNamesItsTargetAndAnUnvalidatedOneSaysSo() {
        assertThat(NavigatorNodes.constraintDetail(foreignKey(true)))
                .isEqualTo("FK (customer_id) → public.customers (id)");
        assertThat(NavigatorNodes.constraintDetail(foreignKey(false)))
                .isEqualTo("FK (customer_id) → public.customers (id) · NOT VALID");
        ConstraintInfo check = new ConstraintInfo(
                "positive", ConstraintType.CHECK, "CHECK (total > 0)", List.of("total"), null, List.of(), true, false);
        assertThat(NavigatorNodes.constraintDetail(check)).isEqualTo("CHECK (total > 0)");
    }

    @Test
    void aDomainShowsItsBaseTypeDefaultAndChecks() {
        TypeDetails domain = new TypeDetails(
                object(ObjectKind.DOMAIN, "email"),
                List.of(),
                List.of(),
                "text",
                true,
                "''::text",
                List.of(new DomainConstraint("has_at", "CHECK (VALUE ~ '@')")));

        assertThat(NavigatorNodes.typeParts(domain))
                .extracting(node -> node.name() + ": " + node.detail())
                .containsExactly("base type: text NOT NULL", "default: ''::text", "has_at: CHECK (VALUE ~ '@')");
    }

    private static SchemaObject object(ObjectKind kind, String name) {
        return new SchemaObject(kind, "public", name, kind.isRoutine() ? "integer" : "", "postgres", "");
    }

    private static ColumnInfo column(String name, boolean primaryKey) {
        return new ColumnInfo(
                1, name, "integer", true, "", primaryKey, IdentityKind.NONE, Generation.NONE, "", "", "", "", false);
    }

    private static ConstraintInfo foreignKey(boolean validated) {
        return new ConstraintInfo(
                "orders_customer_id_fkey",
                ConstraintType.FOREIGN_KEY,
                "FOREIGN KEY (customer_id) REFERENCES customers(id)",
                List.of("customer_id"),
                new QualifiedName("public", "customers"),
                List.of("id"),
                validated,
                false);
    }
}
