package dev.pgdesk.ui.monitor;

import dev.pgdesk.monitor.BlockingNode;
import dev.pgdesk.monitor.BlockingTree;
import dev.pgdesk.monitor.SessionActivity;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** The Blocking sub-tab: who blocks whom, rooted at the sessions to act on, with Cancel and Terminate. */
public final class BlockingModel {
    private final Signals signals;
    private final ReadOnlyObjectWrapper<List<BlockingNode>> roots = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No session is blocked.");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<SessionActivity> selected = new SimpleObjectProperty<>();

    BlockingModel(Signals.Factory signals) {
        this.signals = signals.create(message::set);
    }

    /** Builds the trees from every session of a reading (filters do not hide blockers). */
    void apply(List<SessionActivity> sessions) {
        List<BlockingNode> trees = BlockingTree.of(sessions);
        roots.set(trees);
        summary.set(describe(trees));
        SessionActivity current = selected.get();
        if (current != null) {
            // The selection shows the latest reading of the same pid, or nothing once it left the tree.
            selected.set(find(trees, current.pid()));
        }
    }

    private static SessionActivity find(List<BlockingNode> nodes, int pid) {
        for (BlockingNode node : nodes) {
            if (node.session().pid() == pid) {
                return node.session();
            }
            SessionActivity below = find(node.waiting(), pid);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    static String describe(List<BlockingNode> trees) {
        if (trees.isEmpty()) {
            return "No session is blocked.";
        }
        // A session waiting for two blockers shows under both; count it once.
        long waiting = trees.stream()
                .flatMap(tree -> tree.waitingPids().stream())
                .distinct()
                .count();
        BlockingNode first = trees.get(0);
        String roots = trees.size() == 1 ? "1 root blocker" : trees.size() + " root blockers";
        return roots + ", " + waiting + (waiting == 1 ? " session waits" : " sessions wait") + ". Most waiting"
                + " behind pid " + first.session().pid() + " (" + first.waitingCount() + ").";
    }

    public void cancelSelected() {
        if (selected.get() != null) {
            signals.cancel(selected.get());
        }
    }

    public void terminateSelected() {
        if (selected.get() != null) {
            signals.terminate(selected.get());
        }
    }

    /** The trees, roots first by how many sessions wait behind them. */
    public ReadOnlyObjectProperty<List<BlockingNode>> rootsProperty() {
        return roots.getReadOnlyProperty();
    }

    /** The session selected in the tree. */
    public ObjectProperty<SessionActivity> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
