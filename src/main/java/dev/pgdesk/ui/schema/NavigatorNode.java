package dev.pgdesk.ui.schema;

import dev.pgdesk.schema.SchemaObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * One node of the navigator tree, without any control: what it shows, the object it stands for, its
 * children (all of them, and those the filter lets through), whether it is expanded, and whether its
 * children have been read from the server yet. Touched only on the FX thread.
 */
public final class NavigatorNode {

    /** What a node stands for; the view picks its icon and style by it. */
    public enum Kind {
        ROOT,
        SCHEMA,
        FOLDER,
        OBJECT,
        GROUP,
        COLUMN,
        INDEX,
        CONSTRAINT,
        TRIGGER,
        TYPE_PART,
        LOADING,
        ERROR
    }

    /** Where a lazily loaded node's children are. */
    public enum LoadState {
        NOT_LOADED,
        LOADING,
        LOADED,
        FAILED
    }

    /** Reads a node's children from the server; runs on a background thread. */
    @FunctionalInterface
    public interface ChildLoader {
        List<NavigatorNode> load(CatalogSource source) throws SQLException;
    }

    private final Kind kind;
    private final String key;
    private final String name;
    private final String detail;
    private final SchemaObject object;
    private final boolean primaryKey;
    private final ChildLoader loader;
    /** The SQL that creates a part of a table known from its parent's read (an index, a trigger); or null. */
    private String definition;

    private final ReadOnlyStringWrapper label;
    private final ObservableList<NavigatorNode> children = FXCollections.observableArrayList();
    private final FilteredList<NavigatorNode> visibleChildren = new FilteredList<>(children);
    private final BooleanProperty expanded = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<LoadState> state;
    private NavigatorNode parent;
    /** Paths below this node that were expanded before a refresh, to expand again once loaded. */
    private Set<String> expandAfterLoad = Set.of();

    private NavigatorNode(
            Kind kind,
            String key,
            String name,
            String detail,
            SchemaObject object,
            boolean primaryKey,
            ChildLoader loader,
            List<NavigatorNode> children) {
        this.kind = kind;
        this.key = key;
        this.name = name;
        this.detail = detail;
        this.object = object;
        this.primaryKey = primaryKey;
        this.loader = loader;
        this.label = new ReadOnlyStringWrapper(name);
        this.children.setAll(children);
        this.state = new ReadOnlyObjectWrapper<>(loader == null ? LoadState.LOADED : LoadState.NOT_LOADED);
        if (loader != null) {
            this.children.setAll(placeholder());
        }
    }

    /** A node whose children {@code loader} reads when it is first expanded. */
    public static NavigatorNode lazy(
            Kind kind, String key, String name, String detail, SchemaObject object, ChildLoader loader) {
        return new NavigatorNode(kind, key, name, detail, object, false, loader, List.of());
    }

    /** A node whose children are known already (a folder of objects, a table's group of columns). */
    public static NavigatorNode withChildren(Kind kind, String key, String name, List<NavigatorNode> children) {
        return new NavigatorNode(kind, key, name, "", null, false, null, children);
    }

    /** A node without children. */
    public static NavigatorNode leaf(
            Kind kind, String key, String name, String detail, SchemaObject object, boolean primaryKey) {
        return new NavigatorNode(kind, key, name, detail, object, primaryKey, null, List.of());
    }

    /** A leaf whose creating SQL is already known (an index or a trigger), for Show DDL. */
    static NavigatorNode definedLeaf(Kind kind, String key, String name, String detail, String definition) {
        NavigatorNode node = leaf(kind, key, name, detail, null, false);
        node.definition = definition;
        return node;
    }

    /** The "Loading…" child an unloaded node shows, so that it can be expanded. */
    static NavigatorNode placeholder() {
        return leaf(Kind.LOADING, "\u0000loading", "Loading…", "", null, false);
    }

    /** The child that says in words why loading failed. */
    static NavigatorNode error(String message) {
        return leaf(Kind.ERROR, "\u0000error", message, "", null, false);
    }

    public Kind kind() {
        return kind;
    }

    /** Tells the node apart from its siblings, across refreshes. */
    public String key() {
        return key;
    }

    /** The name as shown, without counts. */
    public String name() {
        return name;
    }

    /** Secondary text after the name: a column's type, an index's method and columns. */
    public String detail() {
        return detail;
    }

    /** The schema object a node of kind OBJECT stands for. */
    public Optional<SchemaObject> object() {
        return Optional.ofNullable(object);
    }

    /** The SQL that creates this index or trigger; empty for other nodes. */
    public Optional<String> definition() {
        return Optional.ofNullable(definition);
    }

    /** Whether a column is part of the primary key. */
    public boolean primaryKey() {
        return primaryKey;
    }

    /** Whether the node can never have children. */
    public boolean isLeaf() {
        return loader == null && children.isEmpty();
    }

    /** The text shown: the name, for folders and groups with their count. */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public String label() {
        return label.get();
    }

    /** Every child (or the Loading…/error child). */
    public ObservableList<NavigatorNode> children() {
        return FXCollections.unmodifiableObservableList(children);
    }

    /** The children the filter lets through; what the tree shows. */
    public ObservableList<NavigatorNode> visibleChildren() {
        return visibleChildren;
    }

    public BooleanProperty expandedProperty() {
        return expanded;
    }

    public boolean isExpanded() {
        return expanded.get();
    }

    public void setExpanded(boolean value) {
        expanded.set(value);
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public LoadState state() {
        return state.get();
    }

    /** The child with {@code key}, if any. */
    public Optional<NavigatorNode> child(String childKey) {
        return children.stream().filter(c -> c.key.equals(childKey)).findFirst();
    }

    /** The node above, once the model has taken this node into its tree. */
    public Optional<NavigatorNode> parent() {
        return Optional.ofNullable(parent);
    }

    // Changed by the model

    void setParent(NavigatorNode node) {
        parent = node;
    }

    ChildLoader loader() {
        return loader;
    }

    boolean canLoad() {
        return loader != null;
    }

    void setLabel(String text) {
        label.set(text);
    }

    void setFilter(Predicate<NavigatorNode> predicate) {
        visibleChildren.setPredicate(predicate);
    }

    void startLoading() {
        state.set(LoadState.LOADING);
        children.setAll(placeholder());
    }

    void loaded(List<NavigatorNode> loadedChildren) {
        children.setAll(loadedChildren);
        state.set(LoadState.LOADED);
    }

    void failed(String message) {
        children.setAll(error(message));
        state.set(LoadState.FAILED);
    }

    /** Forgets the children so that the next expansion (or this one) reads them again. */
    void unload() {
        if (loader != null) {
            children.setAll(placeholder());
            state.set(LoadState.NOT_LOADED);
        }
    }

    Set<String> expandAfterLoad() {
        return expandAfterLoad;
    }

    void setExpandAfterLoad(Set<String> paths) {
        expandAfterLoad = Set.copyOf(paths);
    }

    @Override
    public String toString() {
        return kind + " " + label.get();
    }
}
