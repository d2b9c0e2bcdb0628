package dev.pgdesk.ui.explain;

import dev.pgdesk.explain.MarkKind;
import dev.pgdesk.explain.NodeActuals;
import dev.pgdesk.explain.NodeAnalysis;
import dev.pgdesk.explain.NodeBuffers;
import dev.pgdesk.explain.PlanMark;
import dev.pgdesk.explain.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One node of the plan tree as the plan view's columns show it: the texts are worked out here, so the view
 * only lays them out and the tests can read them without controls.
 *
 * @param node the plan node
 * @param analysis what pgdesk derived for it
 * @param byTime whether shares are of the execution time (ANALYZE) rather than of the estimated cost
 * @param children the rows of the node's children, in plan order
 */
public record PlanRow(PlanNode node, NodeAnalysis analysis, boolean byTime, List<PlanRow> children) {
    /** Estimates off by at least this factor are highlighted in the rows column, as the analyzer marks them. */
    static final double HIGHLIGHTED_FACTOR = 10;

    public PlanRow {
        children = List.copyOf(children);
    }

    /** The node's name as PostgreSQL's text format shows it, after its sub plan name when it has one. */
    public String title() {
        return node.subplanName() == null ? node.title() : node.subplanName() + ": " + node.title();
    }

    /** The node's own share of the whole, from 0 to 1 (of the time with ANALYZE, of the cost without). */
    public double share() {
        return analysis.share();
    }

    /** {@code 12.3 ms · 45%} with ANALYZE; {@code cost 120.5 · 45%} without; empty for a node that never ran. */
    public String ownText() {
        String percent = percent(share());
        if (byTime) {
            if (analysis.selfMillis() == null
                    || node.actuals() == null
                    || node.actuals().neverExecuted()) {
                return "never executed";
            }
            return millis(analysis.selfMillis()) + " ms · " + percent;
        }
        return "cost " + String.format(Locale.ROOT, "%,.1f", analysis.selfCost()) + " · " + percent;
    }

    /**
     * Estimated against actual rows per loop: {@code 200 → 19,800}; only the estimate without ANALYZE; the
     * estimate and {@code never executed} for a node that did not run.
     */
    public String rowsText() {
        String estimated = count(node.estimate().rows());
        NodeActuals actuals = node.actuals();
        if (actuals == null) {
            return estimated;
        }
        if (actuals.neverExecuted()) {
            return estimated + " → never executed";
        }
        return estimated + " → " + actualRowsText();
    }

    /** Actual rows per loop, with the loops when more than one: {@code 19,800} or {@code 33.33 ×3}. */
    String actualRowsText() {
        NodeActuals actuals = node.actuals();
        String actual = actuals.rows() == Math.rint(actuals.rows())
                ? count(actuals.rows())
                : String.format(Locale.ROOT, "%,.2f", actuals.rows());
        return actual + (actuals.loops() > 1 ? " ×" + actuals.loops() : "");
    }

    /**
     * How far the estimate was off, {@code ×99 more} or {@code ×12 fewer}; empty within a factor of 2 or
     * without ANALYZE.
     */
    public String misestimateText() {
        Double ratio = analysis.rowsRatio();
        double factor = analysis.misestimateFactor();
        if (ratio == null || factor < 2) {
            return "";
        }
        return "×" + String.format(Locale.ROOT, "%,.0f", factor) + (ratio >= 1 ? " more" : " fewer");
    }

    /** Whether the estimate was off enough to deserve the highlight (the analyzer's misestimate factor). */
    public boolean misestimated() {
        return analysis.misestimateFactor() >= HIGHLIGHTED_FACTOR;
    }

    /** How often the node ran; empty without ANALYZE. */
    public String loopsText() {
        return node.actuals() == null ? "" : count(node.actuals().loops());
    }

    /** Shared buffers: {@code hit 1,373 · read 12}; empty without BUFFERS or when none were touched. */
    public String buffersText() {
        NodeBuffers buffers = node.buffers();
        if (buffers == null || buffers.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add("hit " + count(buffers.sharedHit()));
        if (buffers.sharedRead() > 0) {
            parts.add("read " + count(buffers.sharedRead()));
        }
        if (buffers.tempRead() + buffers.tempWritten() > 0) {
            parts.add("temp " + count(buffers.tempRead() + buffers.tempWritten()));
        }
        return String.join(" · ", parts);
    }

    /** Whether the node is among the most expensive ones. */
    public boolean expensive() {
        return analysis.has(MarkKind.EXPENSIVE);
    }

    /** Whether the node has a mark other than being expensive: a large scan, a misestimate, a spill. */
    public boolean warned() {
        return analysis.marks().stream().anyMatch(mark -> mark.kind() != MarkKind.EXPENSIVE);
    }

    /**
     * The marks in short, readable in the column without hovering: {@code Seq scan: an index on (val) may
     * help · Estimate ×99 more}; empty for an unmarked node.
     */
    public String marksText() {
        List<String> parts = new ArrayList<>();
        // Advice first: the share bar and the row's style already say a node is expensive.
        analysis.marks().stream()
                .filter(mark -> mark.kind() != MarkKind.EXPENSIVE)
                .forEach(mark -> parts.add(shortText(mark)));
        analysis.marks().stream()
                .filter(mark -> mark.kind() == MarkKind.EXPENSIVE)
                .forEach(mark -> parts.add(shortText(mark)));
        return parts.isEmpty() ? "" : "⚠ " + String.join(" · ", parts);
    }

    /** Every mark's full message, one per line, for the tooltip. */
    public String marksTooltip() {
        return String.join(
                "\n", analysis.marks().stream().map(PlanMark::message).toList());
    }

    private String shortText(PlanMark mark) {
        return switch (mark.kind()) {
            case EXPENSIVE -> "Expensive: " + percent(share()) + (byTime ? " of the time" : " of the cost");
            case LARGE_SEQ_SCAN -> withoutTitle(mark.message());
            case MISESTIMATE -> "Estimate " + misestimateText();
            case DISK_SPILL -> "Spilled to disk: raise work_mem";
        };
    }

    /** A scan's mark names the node, which the row shows already: "Seq scan reads 20,000 rows to keep 3: ...". */
    private String withoutTitle(String message) {
        String title = node.title();
        return message.startsWith(title) ? "Seq scan" + message.substring(title.length()) : message;
    }

    /** This row and every row below it, parents before children. */
    public List<PlanRow> descendantsAndSelf() {
        List<PlanRow> rows = new ArrayList<>();
        collect(rows);
        return rows;
    }

    private void collect(List<PlanRow> rows) {
        rows.add(this);
        children.forEach(child -> child.collect(rows));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String millis(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%,.0f" : millis >= 1 ? "%.1f" : "%.3f", millis);
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
