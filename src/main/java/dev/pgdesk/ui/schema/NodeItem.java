package dev.pgdesk.ui.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;

/**
 * The tree item of one {@link NavigatorNode}: follows the node's visible children and shares its expanded
 * state, so the node model stays the single truth (and keeps the state while another tree is shown).
 */
final class NodeItem extends TreeItem<NavigatorNode> {
    /** Items of the children, reused while their node is a child, so that filtering keeps them. */
    private final Map<NavigatorNode, NodeItem> items = new HashMap<>();

    NodeItem(NavigatorNode node) {
        super(node);
        setExpanded(node.isExpanded());
        expandedProperty().bindBidirectional(node.expandedProperty());
        node.visibleChildren().addListener((ListChangeListener<NavigatorNode>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        NavigatorNode node = getValue();
        items.keySet().retainAll(node.children());
        List<NodeItem> children = node.visibleChildren().stream()
                .map(child -> items.computeIfAbsent(child, NodeItem::new))
                .toList();
        getChildren().setAll(children);
    }

    @Override
    public boolean isLeaf() {
        return getValue().isLeaf();
    }
}
