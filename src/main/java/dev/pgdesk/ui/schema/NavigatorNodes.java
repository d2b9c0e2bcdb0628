package dev.pgdesk.ui.schema;

import dev.pgdesk.schema.ColumnInfo;
import dev.pgdesk.schema.ConstraintInfo;
import dev.pgdesk.schema.ConstraintType;
import dev.pgdesk.schema.DomainConstraint;
import dev.pgdesk.schema.IndexInfo;
import dev.pgdesk.schema.ObjectKind;
import dev.pgdesk.schema.SchemaInfo;
import dev.pgdesk.schema.SchemaObject;
import dev.pgdesk.schema.TableDetails;
import dev.pgdesk.schema.TriggerInfo;
import dev.pgdesk.schema.TypeAttribute;
import dev.pgdesk.schema.TypeDetails;
import dev.pgdesk.ui.schema.NavigatorNode.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the navigator's nodes from what the catalogs say; pure, so it runs on the loading thread. */
final class NavigatorNodes {
    static final String COLUMNS = "Columns";
    static final String INDEXES = "Indexes";
    static final String CONSTRAINTS = "Constraints";
    static final String TRIGGERS = "Triggers";

    private NavigatorNodes() {}

    /** The first level: one lazily loaded node per schema. */
    static List<NavigatorNode> schemas(List<SchemaInfo> schemas) {
        return schemas.stream().map(NavigatorNodes::schema).toList();
    }

    static NavigatorNode schema(SchemaInfo schema) {
        return NavigatorNode.lazy(
                Kind.SCHEMA,
                "s:" + schema.name(),
                schema.name(),
                schema.system() ? "system" : "",
                null,
                source -> folders(source.objects(schema.name())));
    }

    /** A schema's objects, one folder per {@link ObjectKind#folder()} that has any, in the reader's order. */
    static List<NavigatorNode> folders(List<SchemaObject> objects) {
        Map<String, List<NavigatorNode>> byFolder = new LinkedHashMap<>();
        for (SchemaObject object : objects) {
            byFolder.computeIfAbsent(object.kind().folder(), folder -> new ArrayList<>())
                    .add(object(object));
        }
        List<NavigatorNode> folders = new ArrayList<>();
        byFolder.forEach((folder, children) ->
                folders.add(NavigatorNode.withChildren(Kind.FOLDER, "f:" + folder, folder, children)));
        return folders;
    }

    static NavigatorNode object(SchemaObject object) {
        String key = "o:" + object.kind() + ":" + object.displayName();
        if (object.kind().hasColumns()) {
            return NavigatorNode.lazy(
                    Kind.OBJECT,
                    key,
                    object.displayName(),
                    "",
                    object,
                    source -> tableGroups(source.tableDetails(object.qualifiedName())));
        }
        if (object.kind().isType()) {
            return NavigatorNode.lazy(
                    Kind.OBJECT,
                    key,
                    object.displayName(),
                    typeWord(object.kind()),
                    object,
                    source -> typeParts(source.type(object.qualifiedName())));
        }
        return NavigatorNode.leaf(Kind.OBJECT, key, object.displayName(), "", object, false);
    }

    private static String typeWord(ObjectKind kind) {
        return switch (kind) {
            case ENUM_TYPE -> "enum";
            case COMPOSITE_TYPE -> "composite";
            case DOMAIN -> "domain";
            default -> "";
        };
    }

    /** Under a table: its columns always; indexes, constraints and triggers when it has any. */
    static List<NavigatorNode> tableGroups(TableDetails table) {
        List<NavigatorNode> groups = new ArrayList<>();
        groups.add(group(
                COLUMNS, table.columns().stream().map(NavigatorNodes::column).toList()));
        if (!table.indexes().isEmpty()) {
            groups.add(group(
                    INDEXES, table.indexes().stream().map(NavigatorNodes::index).toList()));
        }
        if (!table.constraints().isEmpty()) {
            groups.add(group(
                    CONSTRAINTS,
                    table.constraints().stream().map(NavigatorNodes::constraint).toList()));
        }
        if (!table.triggers().isEmpty()) {
            groups.add(group(
                    TRIGGERS,
                    table.triggers().stream().map(NavigatorNodes::trigger).toList()));
        }
        return groups;
    }

    private static NavigatorNode group(String name, List<NavigatorNode> children) {
        NavigatorNode group = NavigatorNode.withChildren(Kind.GROUP, "g:" + name, name, children);
        group.setLabel(name + " (" + children.size() + ")");
        return group;
    }

    static NavigatorNode column(ColumnInfo column) {
        return NavigatorNode.leaf(
                Kind.COLUMN, "c:" + column.name(), column.name(), column.summary(), null, column.primaryKey());
    }

    static NavigatorNode index(IndexInfo index) {
        List<String> marks = new ArrayList<>();
        if (index.primary()) {
            marks.add("primary key");
        } else if (index.unique()) {
            marks.add("unique");
        }
        if (!index.valid()) {
            marks.add("INVALID");
        }
        String definition = index.definition();
        int using = definition.indexOf(" USING ");
        marks.add(using < 0 ? definition : definition.substring(using + " USING ".length()));
        return NavigatorNode.definedLeaf(
                Kind.INDEX, "i:" + index.name(), index.name(), String.join(" · ", marks), definition + ";");
    }

    static NavigatorNode constraint(ConstraintInfo constraint) {
        return NavigatorNode.leaf(
                Kind.CONSTRAINT,
                "k:" + constraint.name(),
                constraint.name(),
                constraintDetail(constraint),
                null,
                false);
    }

    /** A foreign key names its target; other constraints show their definition. */
    static String constraintDetail(ConstraintInfo constraint) {
        String text;
        if (constraint.type() == ConstraintType.FOREIGN_KEY
                && constraint.target().isPresent()) {
            text = "FK (" + String.join(", ", constraint.columns()) + ") → "
                    + constraint.target().get().toSql() + " (" + String.join(", ", constraint.referencedColumns())
                    + ")";
        } else {
            text = constraint.definition();
        }
        return constraint.validated() ? text : text + " · NOT VALID";
    }

    static NavigatorNode trigger(TriggerInfo trigger) {
        String detail = "→ " + trigger.function().toSql() + "()" + (trigger.enabled() ? "" : " · disabled");
        return NavigatorNode.definedLeaf(
                Kind.TRIGGER, "t:" + trigger.name(), trigger.name(), detail, trigger.definition() + ";");
    }

    /** An enum's labels, a composite's fields, or a domain's base type, default and checks. */
    static List<NavigatorNode> typeParts(TypeDetails type) {
        List<NavigatorNode> parts = new ArrayList<>();
        switch (type.type().kind()) {
            case ENUM_TYPE -> type.labels().forEach(label -> parts.add(part("l:" + label, "'" + label + "'", "")));
            case COMPOSITE_TYPE -> {
                for (TypeAttribute attribute : type.attributes()) {
                    parts.add(part("a:" + attribute.name(), attribute.name(), attribute.type()));
                }
            }
            case DOMAIN -> {
                parts.add(part("d:base", "base type", type.baseType() + (type.notNull() ? " NOT NULL" : "")));
                if (!type.defaultExpression().isEmpty()) {
                    parts.add(part("d:default", "default", type.defaultExpression()));
                }
                for (DomainConstraint check : type.constraints()) {
                    parts.add(part("k:" + check.name(), check.name(), check.definition()));
                }
            }
            default -> {
                // Only types have parts.
            }
        }
        return parts;
    }

    private static NavigatorNode part(String key, String name, String detail) {
        return NavigatorNode.leaf(Kind.TYPE_PART, key, name, detail, null, false);
    }
}
