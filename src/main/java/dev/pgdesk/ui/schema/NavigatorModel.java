package dev.pgdesk.ui.schema;

import dev.pgdesk.schema.DatabaseObject;
import dev.pgdesk.schema.ObjectKind;
import dev.pgdesk.schema.ObjectStats;
import dev.pgdesk.schema.SchemaObject;
import dev.pgdesk.schema.StatementTemplate;
import dev.pgdesk.schema.StatementTemplates;
import dev.pgdesk.schema.TablePrivileges;
import dev.pgdesk.task.CancelledException;
import dev.pgdesk.task.TaskRunner;
import dev.pgdesk.ui.schema.NavigatorNode.Kind;
import dev.pgdesk.ui.schema.NavigatorNode.LoadState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The navigator of one connected profile: its tree of nodes, loaded level by level in background tasks
 * when nodes are expanded; the filter; the selected object's details; and the commands of its context
 * menu. Lives as long as the connection, so that switching between connections keeps each tree as it was.
 * Touched only on the FX thread; the server is only read from the task runner's threads.
 */
public final class NavigatorModel {
    /** How many rows Open Data shows. */
    static final int FIRST_ROWS = 100;
    /** Separates the keys of a node path. */
    private static final String PATH_SEPARATOR = "\u0001";

    private final String profileId;
    private final CatalogSource source;
    private final TaskRunner tasks;
    private final NavigatorActions actions;
    private final NavigatorNode root;
    private final BooleanProperty showSystemSchemas = new SimpleBooleanProperty();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<NavigatorNode> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ObjectDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper loadsRunning = new ReadOnlyIntegerWrapper();
    /** The latest load of each node; an older one that finishes late is ignored. */
    private final Map<NavigatorNode, Object> latestLoad = new HashMap<>();
    /** Read by the root's loader on its background thread. */
    private volatile boolean includeSystemSchemas;

    public NavigatorModel(String profileId, CatalogSource source, TaskRunner tasks, NavigatorActions actions) {
        this.profileId = Objects.requireNonNull(profileId, "profileId");
        this.source = Objects.requireNonNull(source, "source");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.root = NavigatorNode.lazy(
                Kind.ROOT, "root", "", "", null, src -> NavigatorNodes.schemas(src.schemas(includeSystemSchemas)));
        adopt(root, null);
        showSystemSchemas.addListener((obs, old, now) -> {
            includeSystemSchemas = now;
            refresh(root);
        });
        filter.addListener((obs, old, now) -> filterChanged());
    }

    /** Reads the schemas (the first level); the view shows them once they arrive. */
    public void start() {
        root.setExpanded(true);
    }

    // Loading

    private void adopt(NavigatorNode node, NavigatorNode parent) {
        node.setParent(parent);
        node.expandedProperty().addListener((obs, old, expanded) -> {
            if (expanded) {
                ensureLoaded(node);
            }
        });
        node.children().forEach(child -> adopt(child, node));
    }

    private void ensureLoaded(NavigatorNode node) {
        if (node.canLoad() && (node.state() == LoadState.NOT_LOADED || node.state() == LoadState.FAILED)) {
            load(node);
        }
    }

    private void load(NavigatorNode node) {
        Object token = new Object();
        latestLoad.put(node, token);
        node.startLoading();
        loadsRunning.set(loadsRunning.get() + 1);
        NavigatorNode.ChildLoader loader = node.loader();
        tasks.run(
                cancel -> loader.load(source),
                children -> {
                    loadsRunning.set(loadsRunning.get() - 1);
                    if (latestLoad.get(node) != token) {
                        return;
                    }
                    latestLoad.remove(node);
                    children.forEach(child -> adopt(child, node));
                    node.loaded(children);
                    applyFilter();
                    boolean nothingToRestore = node.expandAfterLoad().isEmpty();
                    restoreExpansion(node);
                    if (node == root && nothingToRestore && children.size() == 1) {
                        // A database with one schema (most have only public) opens it right away.
                        children.get(0).setExpanded(true);
                    }
                },
                error -> {
                    loadsRunning.set(loadsRunning.get() - 1);
                    if (latestLoad.get(node) != token) {
                        return;
                    }
                    latestLoad.remove(node);
                    node.failed(loadFailure(node, error));
                });
    }

    private static String loadFailure(NavigatorNode node, Throwable error) {
        String what = node.kind() == Kind.ROOT ? "the schemas" : node.name();
        return "Could not load " + what + ": " + describe(error);
    }

    /** Reads a node's children again (a leaf object: its parent's), keeping what was expanded below it. */
    public void refresh(NavigatorNode node) {
        NavigatorNode target = node;
        while (target != null && !target.canLoad()) {
            target = target.parent().orElse(null);
        }
        if (target == null) {
            target = root;
        }
        Set<String> expanded = new HashSet<>();
        collectExpanded(target, "", expanded);
        target.setExpandAfterLoad(expanded);
        target.unload();
        if (target == root || target.isExpanded()) {
            load(target);
        }
        NavigatorNode current = selected.get();
        if (current != null) {
            select(current);
        }
        actions.catalogReread(profileId);
    }

    /** Reads everything again from the schemas down, keeping what was expanded. */
    public void refresh() {
        refresh(root);
    }

    private static void collectExpanded(NavigatorNode node, String prefix, Set<String> paths) {
        for (NavigatorNode child : node.children()) {
            if (child.isExpanded()) {
                String path = prefix + child.key();
                paths.add(path);
                collectExpanded(child, path + PATH_SEPARATOR, paths);
            }
        }
    }

    private void restoreExpansion(NavigatorNode node) {
        Set<String> paths = node.expandAfterLoad();
        node.setExpandAfterLoad(Set.of());
        if (paths.isEmpty()) {
            return;
        }
        for (NavigatorNode child : node.children()) {
            if (paths.contains(child.key())) {
                String prefix = child.key() + PATH_SEPARATOR;
                Set<String> below = new HashSet<>();
                paths.stream()
                        .filter(path -> path.startsWith(prefix))
                        .forEach(path -> below.add(path.substring(prefix.length())));
                child.setExpandAfterLoad(below);
                child.setExpanded(true);
                if (!child.canLoad()) {
                    restoreExpansion(child);
                }
            }
        }
    }

    // Filter

    private void filterChanged() {
        if (!filter.get().isBlank()) {
            // The filter should find objects in schemas nobody has opened yet, so read them now.
            root.children().stream()
                    .filter(schema -> schema.kind() == Kind.SCHEMA && schema.state() == LoadState.NOT_LOADED)
                    .forEach(this::load);
        }
        applyFilter();
    }

    /** Applies the filter to the loaded nodes; cheap, no I/O. */
    private void applyFilter() {
        String text = filter.get().strip();
        boolean blank = text.isEmpty();
        for (NavigatorNode schema : root.children()) {
            for (NavigatorNode folder : schema.children()) {
                if (folder.kind() != Kind.FOLDER) {
                    continue;
                }
                folder.setFilter(
                        blank
                                ? null
                                : child -> child.object()
                                        .map(object -> object.matches(text))
                                        .orElse(true));
                int total = folder.children().size();
                int shown = folder.visibleChildren().size();
                folder.setLabel(folder.name() + (blank ? " (" + total + ")" : " (" + shown + " of " + total + ")"));
                if (!blank && shown > 0) {
                    folder.setExpanded(true);
                }
            }
            Predicate<NavigatorNode> hasMatches = folder ->
                    folder.kind() != Kind.FOLDER || !folder.visibleChildren().isEmpty();
            schema.setFilter(blank ? null : hasMatches);
            if (!blank
                    && schema.state() == LoadState.LOADED
                    && !schema.visibleChildren().isEmpty()) {
                schema.setExpanded(true);
            }
        }
        root.setFilter(
                blank
                        ? null
                        : schema -> schema.kind() != Kind.SCHEMA
                                || schema.state() != LoadState.LOADED
                                || !schema.visibleChildren().isEmpty());
    }

    // Selection and details

    /** Selects {@code node} (or nothing) and reads its object's size and grants in the background. */
    public void select(NavigatorNode node) {
        selected.set(node);
        SchemaObject object = node == null ? null : node.object().orElse(null);
        if (object == null) {
            details.set(null);
            return;
        }
        ObjectDetails asked = ObjectDetails.loading(object);
        details.set(asked);
        tasks.run(
                cancel -> readDetails(object),
                loaded -> {
                    if (details.get() == asked) {
                        details.set(loaded);
                    }
                },
                error -> {
                    if (details.get() == asked) {
                        details.set(new ObjectDetails(
                                object,
                                "",
                                "",
                                Optional.empty(),
                                false,
                                "Could not read its size and grants: " + describe(error)));
                    }
                });
    }

    /** Runs on a background thread. */
    private ObjectDetails readDetails(SchemaObject object) throws java.sql.SQLException {
        ObjectKind kind = object.kind();
        if (kind.hasColumns()) {
            ObjectStats stats = source.stats(object.qualifiedName());
            TablePrivileges privileges = source.privileges(object.qualifiedName());
            StatementTemplates templates = source.templates(object.qualifiedName());
            return new ObjectDetails(
                    object,
                    sizeText(kind, stats),
                    privileges.summary(),
                    Optional.of(TemplateOptions.of(kind, templates)),
                    false,
                    "");
        }
        if (kind == ObjectKind.SEQUENCE) {
            return new ObjectDetails(
                    object, sizeText(kind, source.stats(object.qualifiedName())), "", Optional.empty(), false, "");
        }
        return new ObjectDetails(object, "", "", Optional.empty(), false, "");
    }

    static String sizeText(ObjectKind kind, ObjectStats stats) {
        String rows;
        if (stats.estimatedRows().isPresent() || kind == ObjectKind.TABLE || kind == ObjectKind.MATERIALIZED_VIEW) {
            rows = stats.rowsText();
        } else if (kind == ObjectKind.VIEW) {
            rows = "rows computed when queried";
        } else if (kind == ObjectKind.FOREIGN_TABLE) {
            rows = "rows kept by the foreign server";
        } else {
            rows = "";
        }
        String size = stats.prettySize().isEmpty() ? "" : stats.prettySize() + " on disk";
        return rows.isEmpty() || size.isEmpty() ? rows + size : rows + " · " + size;
    }

    // Commands of the context menu

    /** Opens the first rows of a table or view in a new editor and runs it. */
    public void openData(SchemaObject object) {
        if (!object.kind().hasColumns()) {
            status.set("A " + object.kind().label() + " has no rows to open.");
            return;
        }
        status.set("Opening " + object.toSql() + "…");
        tasks.run(
                cancel -> source.templates(object.qualifiedName())
                        .firstRows(FIRST_ROWS)
                        .sql(),
                sql -> {
                    status.set("");
                    actions.openAndRun(profileId, sql);
                },
                error -> status.set("Could not open " + object.toSql() + ": " + describe(error)));
    }

    /** Writes a statement template for a table or view into a new editor. */
    public void generate(SchemaObject object, StatementKind kind) {
        if (!object.kind().hasColumns()) {
            status.set("Statements can only be generated for tables and views.");
            return;
        }
        tasks.run(
                cancel -> template(source.templates(object.qualifiedName()), kind),
                template -> {
                    status.set("");
                    actions.openInEditor(profileId, template.sql());
                },
                error -> status.set("Could not generate " + kind + " for " + object.toSql() + ": " + describe(error)));
    }

    private static StatementTemplate template(StatementTemplates templates, StatementKind kind) {
        return switch (kind) {
            case SELECT -> templates.select();
            case INSERT -> templates.insert();
            case UPDATE -> templates.update();
            case DELETE -> templates.delete();
        };
    }

    /** Reads an object's DDL and shows it in a tab. */
    public void showDdl(DatabaseObject object) {
        status.set("Reading the DDL of " + object.toSql() + "…");
        tasks.run(
                cancel -> source.ddl(object),
                ddl -> {
                    status.set("");
                    actions.showDdl(profileId, object.toSql(), ddl);
                },
                error -> status.set("Could not read the DDL of " + object.toSql() + ": " + describe(error)));
    }

    /** Shows the creating SQL of an index or trigger node, read with its table. */
    public void showDefinition(NavigatorNode node) {
        node.definition().ifPresent(definition -> actions.showDdl(profileId, node.name(), definition));
    }

    /** Puts the object's qualified name (quoted where SQL needs it) on the clipboard. */
    public void copyName(SchemaObject object) {
        actions.copy(object.toSql());
        status.set("Copied " + object.toSql() + ".");
    }

    /** The node on the path of keys from the root, for tests and for finding a node again. */
    public Optional<NavigatorNode> find(String... keys) {
        NavigatorNode node = root;
        for (String key : keys) {
            Optional<NavigatorNode> child = node.child(key);
            if (child.isEmpty()) {
                return Optional.empty();
            }
            node = child.get();
        }
        return Optional.of(node);
    }

    // Properties

    public String profileId() {
        return profileId;
    }

    /** The invisible root; its children are the schemas. */
    public NavigatorNode root() {
        return root;
    }

    public BooleanProperty showSystemSchemasProperty() {
        return showSystemSchemas;
    }

    /** The filter box's text: blank-separated words every shown object's name contains. */
    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<NavigatorNode> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected object's details; null when no object is selected. */
    public ReadOnlyObjectProperty<ObjectDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The last command's progress or problem, in words; empty when there is nothing to say. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** How many node loads are running. */
    public ReadOnlyIntegerProperty loadsRunningProperty() {
        return loadsRunning.getReadOnlyProperty();
    }

    static String describe(Throwable error) {
        if (error instanceof CancelledException) {
            return "cancelled";
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message.strip();
    }
}
