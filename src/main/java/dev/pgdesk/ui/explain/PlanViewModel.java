package dev.pgdesk.ui.explain;

import dev.pgdesk.explain.ExplainMode;
import dev.pgdesk.explain.ExplainedPlan;
import dev.pgdesk.explain.NodeActuals;
import dev.pgdesk.explain.NodeBuffers;
import dev.pgdesk.explain.NodeConditions;
import dev.pgdesk.explain.NodeEstimate;
import dev.pgdesk.explain.Plan;
import dev.pgdesk.explain.PlanAnalysis;
import dev.pgdesk.explain.PlanMark;
import dev.pgdesk.explain.PlanNode;
import dev.pgdesk.explain.PlanText;
import dev.pgdesk.explain.TriggerTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the plan tab shows, without controls: the rows of the tree, the selected node and its details, the
 * summary line, the rollback note, and the texts the copy buttons put on the clipboard. The most expensive
 * node is selected at first, so the eye lands where the time went.
 */
public final class PlanViewModel {
    private final ExplainedPlan explained;
    private final PlanRow root;
    private final ObjectProperty<PlanRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<PlanDetail> details = FXCollections.observableArrayList();

    public PlanViewModel(ExplainedPlan explained) {
        this.explained = Objects.requireNonNull(explained, "explained");
        this.root = row(explained.plan().root(), explained.analysis());
        selected.addListener((obs, old, now) -> details.setAll(now == null ? List.of() : details(now)));
        selected.set(mostExpensive());
    }

    private static PlanRow row(PlanNode node, PlanAnalysis analysis) {
        List<PlanRow> children = new ArrayList<>();
        node.children().forEach(child -> children.add(row(child, analysis)));
        return new PlanRow(node, analysis.of(node), analysis.byTime(), children);
    }

    /** The plan as the server returned it, with pgdesk's analysis. */
    public ExplainedPlan explained() {
        return explained;
    }

    /** {@code Plan} or {@code Plan (analyze)}. */
    public String tabTitle() {
        return explained.mode() == ExplainMode.ANALYZE ? "Plan (analyze)" : "Plan";
    }

    /** Whether the plan carries what ANALYZE measured (times, actual rows, loops, buffers). */
    public boolean analyzed() {
        return explained.plan().analyzed();
    }

    /** The row of the plan's top node. */
    public PlanRow root() {
        return root;
    }

    /** Every row, parents before children. */
    public List<PlanRow> rows() {
        return root.descendantsAndSelf();
    }

    /** The row with the largest own share; the first such in plan order on a tie. */
    public PlanRow mostExpensive() {
        return rows().stream()
                .max(Comparator.comparingDouble(PlanRow::share)
                        .thenComparing(row -> -row.node().id()))
                .orElse(root);
    }

    /** The row whose details show; the view keeps it in step with the tree's selection. */
    public ObjectProperty<PlanRow> selectedProperty() {
        return selected;
    }

    /** The details of the selected row. */
    public ObservableList<PlanDetail> details() {
        return details;
    }

    /**
     * {@code Planning 0.2 ms · Execution 12.4 ms · Trigger t on orders 1.1 ms (3 calls)}; without ANALYZE
     * the total estimated cost and that the statement did not run.
     */
    public String summary() {
        Plan plan = explained.plan();
        List<String> parts = new ArrayList<>();
        if (plan.planningMillis() != null) {
            parts.add("Planning " + ms(plan.planningMillis()));
        }
        if (plan.executionMillis() != null) {
            parts.add("Execution " + ms(plan.executionMillis()));
        }
        for (TriggerTime trigger : plan.triggers()) {
            parts.add("Trigger " + trigger.name() + " on " + trigger.relation() + " " + ms(trigger.millis()) + " ("
                    + trigger.calls() + (trigger.calls() == 1 ? " call)" : " calls)"));
        }
        if (!plan.analyzed()) {
            parts.add("Total cost "
                    + String.format(Locale.ROOT, "%,.2f", plan.root().estimate().totalCost()));
            parts.add("Estimates only: the statement did not run");
        }
        int marked = explained.analysis().marked().size();
        parts.add(marked == 0 ? "Nothing marked" : marked + (marked == 1 ? " node marked" : " nodes marked"));
        return String.join(" · ", parts);
    }

    /** The sentence saying the statement's changes were rolled back, when ANALYZE ran one that modifies. */
    public Optional<String> rollbackMessage() {
        return explained.rollbackMessage();
    }

    /** The plan as text, in the shape of PostgreSQL's own output, for Copy as Text. */
    public String text() {
        return PlanText.render(explained);
    }

    /** The server's JSON exactly as returned, for Copy JSON. */
    public String json() {
        return explained.json();
    }

    /** Everything the server said about {@code row}'s node, marks first. */
    public static List<PlanDetail> details(PlanRow row) {
        PlanNode node = row.node();
        List<PlanDetail> lines = new ArrayList<>();
        lines.add(PlanDetail.of("Node", row.title()));
        for (PlanMark mark : row.analysis().marks()) {
            lines.add(new PlanDetail("⚠ " + markLabel(mark), mark.message(), true));
        }
        add(lines, "Parent relationship", node.parentRelationship());
        NodeEstimate estimate = node.estimate();
        lines.add(PlanDetail.of(
                "Cost",
                String.format(Locale.ROOT, "%.2f..%.2f", estimate.startupCost(), estimate.totalCost()) + " (own "
                        + String.format(Locale.ROOT, "%,.2f", row.analysis().selfCost()) + ")"));
        lines.add(PlanDetail.of(
                "Estimated rows", PlanRow.count(estimate.rows()) + " per loop, width " + estimate.width() + " bytes"));
        NodeActuals actuals = node.actuals();
        if (actuals != null) {
            if (actuals.neverExecuted()) {
                lines.add(PlanDetail.of("Actual", "never executed"));
            } else {
                lines.add(PlanDetail.of(
                        "Actual rows", row.actualRowsText() + (actuals.loops() > 1 ? " (per loop × loops)" : "")));
                add(lines, "Estimate off by", row.misestimateText().isEmpty() ? null : row.misestimateText());
                lines.add(PlanDetail.of("Loops", PlanRow.count(actuals.loops())));
                lines.add(PlanDetail.of(
                        "Actual time",
                        String.format(Locale.ROOT, "%.3f..%.3f ms", actuals.startupMillis(), actuals.totalMillis())
                                + (actuals.loops() > 1 ? " per loop" : "")));
            }
        }
        lines.add(PlanDetail.of(row.byTime() ? "Own time" : "Own cost", row.ownText()));
        NodeConditions conditions = node.conditions();
        add(lines, "Index Cond", conditions.indexCond());
        add(lines, "Recheck Cond", conditions.recheckCond());
        add(lines, "Hash Cond", conditions.hashCond());
        add(lines, "Merge Cond", conditions.mergeCond());
        add(lines, "Join Filter", conditions.joinFilter());
        add(lines, "Rows Removed by Join Filter", rows(conditions.rowsRemovedByJoinFilter()));
        add(lines, "Filter", conditions.filter());
        add(lines, "Rows Removed by Filter", rows(conditions.rowsRemovedByFilter()));
        add(lines, "Rows Removed by Index Recheck", rows(conditions.rowsRemovedByIndexRecheck()));
        if (node.workersPlanned() != null) {
            lines.add(PlanDetail.of(
                    "Workers",
                    "planned " + node.workersPlanned()
                            + (node.workersLaunched() == null ? "" : ", launched " + node.workersLaunched())));
        }
        add(lines, "Buffers", buffers(node.buffers()));
        for (Map.Entry<String, String> detail : node.details().entrySet()) {
            lines.add(PlanDetail.of(detail.getKey(), detail.getValue()));
        }
        return lines;
    }

    private static String markLabel(PlanMark mark) {
        return switch (mark.kind()) {
            case EXPENSIVE -> "Expensive";
            case LARGE_SEQ_SCAN -> "Sequential scan";
            case MISESTIMATE -> "Misestimate";
            case DISK_SPILL -> "Spilled to disk";
        };
    }

    private static void add(List<PlanDetail> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(PlanDetail.of(label, value));
        }
    }

    private static String rows(Double rows) {
        return rows == null ? null : PlanRow.count(rows) + " per loop";
    }

    private static String buffers(NodeBuffers buffers) {
        if (buffers == null || buffers.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        part(parts, "shared hit", buffers.sharedHit());
        part(parts, "shared read", buffers.sharedRead());
        part(parts, "shared dirtied", buffers.sharedDirtied());
        part(parts, "shared written", buffers.sharedWritten());
        part(parts, "local hit", buffers.localHit());
        part(parts, "local read", buffers.localRead());
        part(parts, "local dirtied", buffers.localDirtied());
        part(parts, "local written", buffers.localWritten());
        part(parts, "temp read", buffers.tempRead());
        part(parts, "temp written", buffers.tempWritten());
        return String.join(", ", parts) + " (blocks, including the children's)";
    }

    private static void part(List<String> parts, String label, long blocks) {
        if (blocks > 0) {
            parts.add(label + " " + PlanRow.count(blocks));
        }
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.3f ms", millis);
    }
}
