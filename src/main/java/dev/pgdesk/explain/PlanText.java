package dev.pgdesk.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an analysed plan as text, in the shape of PostgreSQL's own EXPLAIN output (children under
 * {@code ->}, conditions below each node) with pgdesk's figures on each node line: cost, estimated and
 * actual rows, loops, time with the node's own share, buffers, and a line starting with {@code !} for each
 * mark.
 */
public final class PlanText {
    /** Details worth a line of their own in the text; the rest stay in the JSON and the GUI's details pane. */
    private static final List<String> SHOWN_DETAILS = List.of(
            "Sort Key",
            "Sort Method",
            "Group Key",
            "Hash Buckets",
            "Hash Batches",
            "Peak Memory Usage",
            "Heap Fetches",
            "Exact Heap Blocks",
            "Lossy Heap Blocks");

    private PlanText() {}

    /** The whole report: a summary line, the tree, triggers, and the rollback note when there is one. */
    public static String render(ExplainedPlan explained) {
        StringBuilder text = new StringBuilder(render(explained.plan(), explained.analysis()));
        explained.rollbackMessage().ifPresent(message -> text.append(message).append('\n'));
        return text.toString();
    }

    /** The summary line, the tree and the triggers of {@code plan}. */
    public static String render(Plan plan, PlanAnalysis analysis) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(plan));
        node(plan.root(), 0, analysis, lines);
        for (TriggerTime trigger : plan.triggers()) {
            lines.add("Trigger " + trigger.name() + " on " + trigger.relation() + ": time=" + ms(trigger.millis())
                    + " calls=" + trigger.calls());
        }
        return String.join("\n", lines) + "\n";
    }

    private static String summary(Plan plan) {
        StringBuilder line = new StringBuilder(plan.analyzed() ? "EXPLAIN ANALYZE" : "EXPLAIN");
        List<String> figures = new ArrayList<>();
        if (plan.planningMillis() != null) {
            figures.add("planning " + ms(plan.planningMillis()));
        }
        if (plan.executionMillis() != null) {
            figures.add("execution " + ms(plan.executionMillis()));
        }
        if (!plan.analyzed()) {
            figures.add("estimates only, the statement did not run");
        }
        return line.append("  (").append(String.join(", ", figures)).append(')').toString();
    }

    private static void node(PlanNode node, int depth, PlanAnalysis analysis, List<String> lines) {
        String arrowIndent = depth == 0 ? "" : " ".repeat(6 * depth - 4);
        String detailIndent = " ".repeat(depth == 0 ? 2 : 6 * depth + 2);
        if (node.subplanName() != null) {
            lines.add(arrowIndent + node.subplanName());
        }
        NodeAnalysis derived = analysis.of(node);
        lines.add(arrowIndent + (depth == 0 ? "" : "->  ") + node.title() + "  " + figures(node, derived, analysis));
        NodeConditions conditions = node.conditions();
        detail(lines, detailIndent, "Index Cond", conditions.indexCond());
        detail(lines, detailIndent, "Recheck Cond", conditions.recheckCond());
        detail(lines, detailIndent, "Hash Cond", conditions.hashCond());
        detail(lines, detailIndent, "Merge Cond", conditions.mergeCond());
        detail(lines, detailIndent, "Join Filter", conditions.joinFilter());
        detail(lines, detailIndent, "Rows Removed by Join Filter", rows(conditions.rowsRemovedByJoinFilter()));
        detail(lines, detailIndent, "Filter", conditions.filter());
        detail(lines, detailIndent, "Rows Removed by Filter", rows(conditions.rowsRemovedByFilter()));
        detail(lines, detailIndent, "Rows Removed by Index Recheck", rows(conditions.rowsRemovedByIndexRecheck()));
        Map<String, String> details = node.details();
        for (String key : SHOWN_DETAILS) {
            detail(lines, detailIndent, key, details.get(key));
        }
        if (node.workersPlanned() != null) {
            detail(
                    lines,
                    detailIndent,
                    "Workers",
                    "planned " + node.workersPlanned()
                            + (node.workersLaunched() == null ? "" : ", launched " + node.workersLaunched()));
        }
        if (node.buffers() != null && !node.buffers().isEmpty()) {
            detail(lines, detailIndent, "Buffers", buffers(node.buffers()));
        }
        for (PlanMark mark : derived.marks()) {
            lines.add(detailIndent + "! " + mark.message());
        }
        for (PlanNode child : node.children()) {
            node(child, depth + 1, analysis, lines);
        }
    }

    private static String figures(PlanNode node, NodeAnalysis derived, PlanAnalysis analysis) {
        NodeEstimate estimate = node.estimate();
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "cost=%.2f..%.2f  width=%d",
                estimate.startupCost(),
                estimate.totalCost(),
                estimate.width()));
        NodeActuals actuals = node.actuals();
        if (actuals == null) {
            line.append("  rows=").append(PlanAnalyzer.count(estimate.rows()));
            line.append("  self cost=")
                    .append(String.format(Locale.ROOT, "%.2f", derived.selfCost()))
                    .append(" (")
                    .append(PlanAnalyzer.percent(derived.share()))
                    .append(')');
            return line.toString();
        }
        line.append("  rows est=").append(PlanAnalyzer.count(estimate.rows()));
        if (actuals.neverExecuted()) {
            return line.append("  (never executed)").toString();
        }
        line.append(" actual=").append(actualRows(actuals.rows()));
        line.append("  loops=").append(actuals.loops());
        line.append("  time=")
                .append(ms(actuals.startupMillis()).replace(" ms", ""))
                .append("..")
                .append(ms(actuals.totalMillis()));
        if (analysis.byTime() && derived.selfMillis() != null) {
            line.append("  self=")
                    .append(ms(derived.selfMillis()))
                    .append(" (")
                    .append(PlanAnalyzer.percent(derived.share()))
                    .append(')');
        }
        return line.toString();
    }

    private static String buffers(NodeBuffers buffers) {
        List<String> parts = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        add(shared, "hit", buffers.sharedHit());
        add(shared, "read", buffers.sharedRead());
        add(shared, "dirtied", buffers.sharedDirtied());
        add(shared, "written", buffers.sharedWritten());
        if (!shared.isEmpty()) {
            parts.add("shared " + String.join(" ", shared));
        }
        List<String> local = new ArrayList<>();
        add(local, "hit", buffers.localHit());
        add(local, "read", buffers.localRead());
        add(local, "dirtied", buffers.localDirtied());
        add(local, "written", buffers.localWritten());
        if (!local.isEmpty()) {
            parts.add("local " + String.join(" ", local));
        }
        List<String> temp = new ArrayList<>();
        add(temp, "read", buffers.tempRead());
        add(temp, "written", buffers.tempWritten());
        if (!temp.isEmpty()) {
            parts.add("temp " + String.join(" ", temp));
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String label, long blocks) {
        if (blocks > 0) {
            parts.add(label + "=" + blocks);
        }
    }

    private static void detail(List<String> lines, String indent, String label, String value) {
        if (value != null) {
            lines.add(indent + label + ": " + value);
        }
    }

    /** Like PostgreSQL's text format, a count of discarded rows is shown only when some were. */
    private static String rows(Double rows) {
        return rows == null || rows == 0 ? null : PlanAnalyzer.count(rows);
    }

    /** Whole rows as whole numbers; PostgreSQL 18's fractional per-loop averages with two decimals. */
    private static String actualRows(double rows) {
        return rows == Math.rint(rows) ? PlanAnalyzer.count(rows) : String.format(Locale.ROOT, "%,.2f", rows);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.3f ms", millis);
    }
}
