package dev.pgdesk.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives each node's own time or cost, its share, how far its row estimate was off, and marks the nodes
 * worth a look.
 *
 * <p>Own (self) time is the node's time over all loops minus its children's. Nodes below a {@code Gather}
 * or {@code Gather Merge} ran in several processes at once, and PostgreSQL sums their loops over the
 * processes, so their time is divided by the number of processes (the Gather child's loops per Gather
 * loop) to get wall-clock time comparable with the Gather's. Init plans run when a node first needs their
 * value, inside that node's time, so they are taken off that node rather than off the node they hang from:
 * a CTE's plan off the CTE Scans that read it (largest own time first), another init plan off the deepest node
 * whose conditions refer to it (its parent when none does). Sub plans run inside their parent's time and
 * are subtracted like any child. Rounding in the server's figures can make a difference slightly negative;
 * it is shown as 0. Without ANALYZE the same is done with costs: the planner charges init plans to the
 * node they hang from, and a nested loop's inner side once per estimated outer row.
 *
 * <p>Marks: {@link MarkKind#EXPENSIVE} for the nodes whose own share is at least {@value #EXPENSIVE_SHARE}
 * of the whole, at most {@value #MAX_EXPENSIVE} of them, largest first (a plan whose work is spread evenly
 * has none); {@link MarkKind#LARGE_SEQ_SCAN} for a sequential scan of a table of at least {@value
 * #LARGE_TABLE_ROWS} rows (by the catalog's estimate or the rows it read); {@link MarkKind#MISESTIMATE}
 * when actual and estimated rows differ by a factor of at least {@value #MISESTIMATE_FACTOR} and at least
 * {@value #MISESTIMATE_MIN_ROWS} rows are involved (except fewer rows below a {@code Limit}, which stops
 * its input early on purpose); {@link MarkKind#DISK_SPILL} for sorts and hashes that
 * used temporary files.
 */
public final class PlanAnalyzer {
    /** A node taking at least this share of the whole is expensive. */
    public static final double EXPENSIVE_SHARE = 0.2;
    /** At most this many nodes are marked expensive. */
    public static final int MAX_EXPENSIVE = 3;
    /** A table with at least this many rows is large enough for a sequential scan to matter. */
    public static final long LARGE_TABLE_ROWS = 10_000;
    /** A scan keeping at most this share of the rows it reads would likely do better with an index. */
    public static final double SELECTIVE_SHARE = 0.1;
    /** Estimates off by at least this factor, either way, are pointed out. */
    public static final double MISESTIMATE_FACTOR = 10;
    /** ... when the larger of estimated and actual rows over all loops is at least this. */
    public static final double MISESTIMATE_MIN_ROWS = 100;

    /**
     * Identifiers directly before a comparison in a filter as the server prints it, e.g. {@code customer_id}
     * in {@code ((o.customer_id = 42) AND ((status)::text = 'open'::text))}; not a function's argument, as
     * in {@code lower(name)}, which a plain index on the column would not serve.
     */
    private static final Pattern COMPARED_COLUMN = Pattern.compile(
            "(?<![\\w$]\\()(?<![\\w$.\"])(?:[A-Za-z_][\\w$]*\\.)?\"?([A-Za-z_][\\w$]*)\"?\\)?(?:::[\\w ]+?(?:\\[\\])?)?\\)?\\s*"
                    + "(?:=|<>|!=|<=|>=|<|>|~~\\*?|!~~\\*?|IS\\s|IN\\s|BETWEEN\\s)");

    private PlanAnalyzer() {}

    /**
     * @param sizes catalog sizes of the tables in the plan, keyed by table name (empty when unknown: the
     *     sequential-scan marks then rely on the rows the scan read under ANALYZE)
     */
    public static PlanAnalysis analyze(Plan plan, Map<String, RelationSize> sizes) {
        List<PlanNode> nodes = plan.nodes();
        boolean byTime = plan.analyzed();
        Context context = new Context(plan);
        context.collectParallelDivisors(plan.root(), 1);
        context.collectInitPlans();
        double whole = byTime
                ? (plan.executionMillis() != null ? plan.executionMillis() : context.inclusiveMillis(plan.root()))
                : plan.root().estimate().totalCost();
        List<double[]> selves = new ArrayList<>();
        for (PlanNode node : nodes) {
            Double selfMillis = byTime ? context.selfMillis(node) : null;
            double selfCost = context.selfCost(node);
            double own = byTime ? selfMillis : selfCost;
            selves.add(new double[] {own, whole > 0 ? Math.min(1, own / whole) : 0});
        }
        Set<Integer> expensive = expensive(selves);
        Set<Integer> belowLimit = new java.util.HashSet<>();
        plan.root().walk(node -> {
            if (node.nodeType().equals("Limit")) {
                node.children().forEach(child -> child.walk(below -> belowLimit.add(below.id())));
            }
        });
        List<NodeAnalysis> analyses = new ArrayList<>();
        for (PlanNode node : nodes) {
            double share = selves.get(node.id())[1];
            Double selfMillis = byTime ? selves.get(node.id())[0] : null;
            Double ratio = rowsRatio(node);
            List<PlanMark> marks = new ArrayList<>();
            if (expensive.contains(node.id())) {
                marks.add(new PlanMark(MarkKind.EXPENSIVE, expensiveMessage(node, share, selfMillis)));
            }
            seqScanMark(node, sizes).ifPresent(marks::add);
            misestimateMark(node, ratio, belowLimit.contains(node.id())).ifPresent(marks::add);
            spillMark(node).ifPresent(marks::add);
            analyses.add(new NodeAnalysis(node.id(), selfMillis, context.selfCost(node), share, ratio, marks));
        }
        return new PlanAnalysis(byTime, analyses);
    }

    private static Set<Integer> expensive(List<double[]> selves) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < selves.size(); id++) {
            if (selves.get(id)[1] >= EXPENSIVE_SHARE) {
                ids.add(id);
            }
        }
        ids.sort(Comparator.comparingDouble((Integer id) -> selves.get(id)[1]).reversed());
        return new LinkedHashSet<>(ids.subList(0, Math.min(MAX_EXPENSIVE, ids.size())));
    }

    private static String expensiveMessage(PlanNode node, double share, Double selfMillis) {
        String percent = percent(share);
        return selfMillis == null
                ? node.title() + " carries " + percent + " of the estimated cost"
                : node.title() + " takes " + percent + " of the execution time (" + millis(selfMillis)
                        + " ms of its own)";
    }

    private static Double rowsRatio(PlanNode node) {
        NodeActuals actuals = node.actuals();
        if (actuals == null || actuals.neverExecuted()) {
            return null;
        }
        return Math.max(1, actuals.rows()) / Math.max(1, node.estimate().rows());
    }

    private static Optional<PlanMark> misestimateMark(PlanNode node, Double ratio, boolean belowLimit) {
        if (ratio == null || (belowLimit && ratio < 1)) {
            return Optional.empty();
        }
        double factor = ratio >= 1 ? ratio : 1 / ratio;
        long loops = node.actuals().loops();
        double biggest = Math.max(node.actuals().rows(), node.estimate().rows()) * loops;
        if (factor < MISESTIMATE_FACTOR || biggest < MISESTIMATE_MIN_ROWS) {
            return Optional.empty();
        }
        String direction = ratio >= 1 ? "more" : "fewer";
        String message = node.title() + ": estimated " + count(node.estimate().rows()) + " rows, got "
                + count(node.actuals().rows()) + (loops > 1 ? " per loop" : "") + " ("
                + String.format(Locale.ROOT, "%,.0f", factor) + "× " + direction + ")";
        if (node.relationName() != null) {
            message += ": if " + node.relationName() + " changed a lot since it was last analysed, ANALYZE "
                    + node.relationName() + " refreshes its statistics";
        } else {
            message += ": a misestimate below this node can lead the planner to a poor join or aggregate";
        }
        return Optional.of(new PlanMark(MarkKind.MISESTIMATE, message));
    }

    private static Optional<PlanMark> seqScanMark(PlanNode node, Map<String, RelationSize> sizes) {
        if (!node.isSequentialScan() || node.relationName() == null) {
            return Optional.empty();
        }
        RelationSize size = sizes.get(node.relationName());
        double catalogRows = size == null ? -1 : size.rows();
        NodeActuals actuals = node.actuals();
        Double removed = node.conditions().rowsRemovedByFilter();
        double removedPerLoop = removed == null ? 0 : removed;
        boolean measured = actuals != null && !actuals.neverExecuted();
        // The rows one pass reads: what it kept plus what its filter dropped, or the catalog's estimate.
        double perPass = measured ? actuals.rows() + removedPerLoop : catalogRows;
        double tableRows = Math.max(catalogRows, perPass);
        if (tableRows < LARGE_TABLE_ROWS) {
            return Optional.empty();
        }
        long passes = measured ? actuals.loops() : 1;
        double read = (measured ? perPass : tableRows) * passes;
        double kept = measured ? actuals.allLoopsRows() : node.estimate().rows();
        String about = measured ? "" : "about ";
        String subject = node.title();
        String filter = node.conditions().filter();
        String times = passes > 1 ? " (" + count(passes) + " passes)" : "";
        StringBuilder message = new StringBuilder(subject);
        if (filter == null) {
            message.append(" reads all ")
                    .append(about)
                    .append(count(read))
                    .append(" rows")
                    .append(times)
                    .append(
                            passes > 1
                                    ? ": it is scanned again for each outer row; an index on the join columns may help"
                                    : ": expected when the query needs the whole table");
        } else if (kept <= read * SELECTIVE_SHARE) {
            List<String> columns = comparedColumns(filter);
            message.append(" reads ")
                    .append(about)
                    .append(count(read))
                    .append(" rows to keep ")
                    .append(about)
                    .append(count(kept))
                    .append(times)
                    .append(measured ? "" : " (estimated)")
                    .append(": ")
                    .append(
                            columns.isEmpty()
                                    ? "an index matching the filter may help"
                                    : "an index on (" + String.join(", ", columns) + ") may help");
        } else {
            message.append(" reads ")
                    .append(about)
                    .append(count(read))
                    .append(" rows and keeps ")
                    .append(about)
                    .append(count(kept))
                    .append(times)
                    .append(": the filter keeps many of the rows, so an index would not save much");
        }
        return Optional.of(new PlanMark(MarkKind.LARGE_SEQ_SCAN, message.toString()));
    }

    /** The distinct column names a filter compares, in order, without table qualifiers. */
    static List<String> comparedColumns(String filter) {
        // Literals could hold anything that looks like a comparison: blank them first.
        String withoutLiterals = filter.replaceAll("'(?:[^']|'')*'", "''");
        Set<String> columns = new LinkedHashSet<>();
        Matcher matcher = COMPARED_COLUMN.matcher(withoutLiterals);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!name.equalsIgnoreCase("AND") && !name.equalsIgnoreCase("OR") && !name.equalsIgnoreCase("NOT")) {
                columns.add(name);
            }
        }
        return List.copyOf(columns);
    }

    private static Optional<PlanMark> spillMark(PlanNode node) {
        String spaceType = node.details().get("Sort Space Type");
        if ("Disk".equals(spaceType)) {
            return Optional.of(new PlanMark(
                    MarkKind.DISK_SPILL,
                    node.title() + " spilled " + node.details().getOrDefault("Sort Space Used", "?")
                            + " kB to disk: a larger work_mem would let it sort in memory"));
        }
        String batches = node.details().get("Hash Batches");
        if (batches != null && !batches.equals("1") && node.nodeType().equals("Hash")) {
            return Optional.of(new PlanMark(
                    MarkKind.DISK_SPILL,
                    node.title() + " split its hash table into " + batches
                            + " batches on disk: a larger work_mem would keep it in memory"));
        }
        return Optional.empty();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String millis(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%,.0f" : millis >= 1 ? "%.1f" : "%.3f", millis);
    }

    static String count(double rows) {
        return String.format(Locale.ROOT, "%,.0f", rows);
    }

    /** Per-plan lookups: which nodes ran in parallel, and which nodes already include an init plan's time. */
    private static final class Context {
        /** {@code InitPlan 3 (returns $2,$3)} up to PostgreSQL 15; later versions refer to {@code (InitPlan 3)}. */
        private static final Pattern RETURNS = Pattern.compile("\\(returns ([^)]*)\\)");

        private final Plan plan;
        private final Map<Integer, Double> parallelDivisors = new HashMap<>();
        /** Init-plan time counted inside a node other than the init plan's parent, to take off that node. */
        private final Map<Integer, Double> absorbed = new HashMap<>();

        Context(Plan plan) {
            this.plan = plan;
        }

        void collectParallelDivisors(PlanNode node, double divisor) {
            parallelDivisors.put(node.id(), divisor);
            double below = divisor;
            if ((node.nodeType().equals("Gather") || node.nodeType().equals("Gather Merge"))
                    && node.actuals() != null) {
                below = processes(node);
            }
            for (PlanNode child : node.children()) {
                // Init plans and sub plans of a Gather run in the leader alone.
                collectParallelDivisors(child, isSubplan(child) ? divisor : below);
            }
        }

        /** How many processes ran the Gather's work: its child's loops per loop of the Gather itself. */
        private static double processes(PlanNode gather) {
            PlanNode child = gather.children().stream()
                    .filter(c -> !isSubplan(c))
                    .findFirst()
                    .orElse(null);
            long gatherLoops = gather.actuals().loops();
            if (child != null
                    && child.actuals() != null
                    && gatherLoops > 0
                    && child.actuals().loops() > 0) {
                return Math.max(1, (double) child.actuals().loops() / gatherLoops);
            }
            Integer launched = gather.workersLaunched();
            return launched == null ? 1 : launched + 1;
        }

        /**
         * An init plan runs when a node first needs its value, inside that node's time: a CTE's plan inside
         * the CTE Scans that read it (shared out by the time each scan has left of its own, largest first: the
         * first scan to pull rows does most of the CTE's work), any other init plan inside the node whose
         * conditions refer to it (its parent when none does).
         */
        void collectInitPlans() {
            Map<String, List<PlanNode>> cteScans = new HashMap<>();
            plan.root().walk(node -> {
                if (node.nodeType().equals("CTE Scan") && node.cteName() != null) {
                    cteScans.computeIfAbsent(node.cteName(), name -> new ArrayList<>())
                            .add(node);
                }
            });
            plan.root().walk(parent -> {
                for (PlanNode child : parent.children()) {
                    if (child.isInitPlan() && !isCtePlan(child)) {
                        absorbed.merge(user(parent, child).id(), inclusiveMillis(child), Double::sum);
                    }
                }
            });
            // CTE plans last, so each scan gives up only the time it has left after the init plans it ran.
            plan.root().walk(parent -> {
                for (PlanNode child : parent.children()) {
                    if (!isCtePlan(child)) {
                        continue;
                    }
                    double time = inclusiveMillis(child);
                    List<PlanNode> scans = new ArrayList<>(
                            cteScans.getOrDefault(child.subplanName().substring("CTE ".length()), List.of()));
                    scans.sort(Comparator.comparingDouble(this::selfMillis).reversed());
                    for (PlanNode scan : scans) {
                        double part = Math.min(time, selfMillis(scan));
                        absorbed.merge(scan.id(), part, Double::sum);
                        time -= part;
                    }
                    if (time > 0) {
                        absorbed.merge(parent.id(), time, Double::sum);
                    }
                }
            });
        }

        /** The deepest node under {@code parent} (outside the init plan) whose conditions name the init plan. */
        private static PlanNode user(PlanNode parent, PlanNode initPlan) {
            List<Pattern> references = references(initPlan.subplanName());
            PlanNode[] found = {parent};
            int[] foundDepth = {-1};
            search(parent, initPlan, references, 0, found, foundDepth);
            return found[0];
        }

        private static void search(
                PlanNode node, PlanNode skip, List<Pattern> references, int depth, PlanNode[] found, int[] foundDepth) {
            if (node == skip) {
                return;
            }
            if (depth > foundDepth[0] && mentions(node, references)) {
                found[0] = node;
                foundDepth[0] = depth;
            }
            for (PlanNode child : node.children()) {
                search(child, skip, references, depth + 1, found, foundDepth);
            }
        }

        private static List<Pattern> references(String subplanName) {
            if (subplanName == null) {
                return List.of();
            }
            Matcher returns = RETURNS.matcher(subplanName);
            if (returns.find()) {
                List<Pattern> parameters = new ArrayList<>();
                for (String parameter : returns.group(1).split(",")) {
                    parameters.add(Pattern.compile(Pattern.quote(parameter.strip()) + "(?!\\d)"));
                }
                return parameters;
            }
            String name = subplanName.replaceAll("\\s*\\(.*$", "");
            return List.of(Pattern.compile(Pattern.quote("(" + name + ")")));
        }

        private static boolean mentions(PlanNode node, List<Pattern> references) {
            NodeConditions c = node.conditions();
            List<String> texts = new ArrayList<>(node.details().values());
            for (String text : new String[] {
                c.filter(), c.indexCond(), c.recheckCond(), c.hashCond(), c.mergeCond(), c.joinFilter()
            }) {
                if (text != null) {
                    texts.add(text);
                }
            }
            for (String text : texts) {
                for (Pattern reference : references) {
                    if (reference.matcher(text).find()) {
                        return true;
                    }
                }
            }
            return false;
        }

        double inclusiveMillis(PlanNode node) {
            NodeActuals actuals = node.actuals();
            if (actuals == null) {
                return 0;
            }
            return actuals.allLoopsMillis() / parallelDivisors.getOrDefault(node.id(), 1.0);
        }

        double selfMillis(PlanNode node) {
            double self = inclusiveMillis(node) - absorbed.getOrDefault(node.id(), 0.0);
            for (PlanNode child : node.children()) {
                if (!child.isInitPlan()) {
                    self -= inclusiveMillis(child);
                }
            }
            return Math.max(0, self);
        }

        /**
         * Costs include the children's; the planner also charges init plans (CTEs among them) to the node
         * they hang from, and a nested loop's inner side once per outer row.
         */
        double selfCost(PlanNode node) {
            double self = node.estimate().totalCost();
            PlanNode outer = null;
            for (PlanNode child : node.children()) {
                double cost = child.estimate().totalCost();
                if (node.nodeType().equals("Nested Loop")
                        && "Inner".equals(child.parentRelationship())
                        && outer != null) {
                    cost *= Math.max(1, outer.estimate().rows());
                }
                if ("Outer".equals(child.parentRelationship())) {
                    outer = child;
                }
                self -= cost;
            }
            return Math.max(0, self);
        }

        private static boolean isSubplan(PlanNode node) {
            return "InitPlan".equals(node.parentRelationship()) || "SubPlan".equals(node.parentRelationship());
        }

        private static boolean isCtePlan(PlanNode node) {
            return node.isInitPlan()
                    && node.subplanName() != null
                    && node.subplanName().startsWith("CTE ");
        }
    }
}
