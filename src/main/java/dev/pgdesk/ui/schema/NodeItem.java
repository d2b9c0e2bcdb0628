package dev.pgdesk.ui.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;

/**
 * The tree item of one {@link NavigatorNode}: follows the node's visible children and shares its expanded
 * state, so the node model stays the single truth (and keeps the state while another tree is shown).
 */
final class NodeItem extends TreeItem<NavigatorNode> {
    /** Items of the children, reused while their node is a child, so that filtering keeps them. */
    private final Map<NavigatorNode, NodeItem> items = new HashMap<>();
    /** More arrivals than this replace the children in one change. */
    private static final int MANY = 50;

    NodeItem(NavigatorNode node) {
        super(node);
        setExpanded(node.isExpanded());
        expandedProperty().bindBidirectional(node.expandedProperty());
        node.visibleChildren().addListener((ListChangeListener<NavigatorNode>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        NavigatorNode node = getValue();
        items.keySet().retainAll(new HashSet<>(node.children()));
        List<NodeItem> wanted = node.visibleChildren().stream()
                .map(child -> items.computeIfAbsent(child, NodeItem::new))
                .toList();
        // Only the items that come or go change: replacing them all would move the tree's selection. Many
        // arrivals at once (the filter cleared) go in one change, which is cheaper than one change each.
        Set<NodeItem> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(wanted);
        getChildren().removeIf(item -> !keep.contains(item));
        if (wanted.size() - getChildren().size() > MANY) {
            getChildren().setAll(wanted);
            return;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (i >= getChildren().size() || getChildren().get(i) != wanted.get(i)) {
                getChildren().add(i, wanted.get(i));
            }
        }
    }

    @Override
    public boolean isLeaf() {
        return getValue().isLeaf();
    }
}
