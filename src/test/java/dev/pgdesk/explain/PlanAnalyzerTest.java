package dev.pgdesk.explain;

import static dev.pgdesk.explain.PlanFixtures.CTE_AND_INIT_PLANS;
import static dev.pgdesk.explain.PlanFixtures.PARALLEL;
import static dev.pgdesk.explain.PlanFixtures.analysis;
import static dev.pgdesk.explain.PlanFixtures.first;
import static dev.pgdesk.explain.PlanFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Self times, shares and marks derived from plans. */
class PlanAnalyzerTest {

    private static double selfSum(PlanAnalysis analysis) {
        return analysis.nodes().stream().mapToDouble(NodeAnalysis::selfMillis).sum();
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void nodesUnderAGatherCountWallClockTimeSoTheGatherKeepsItsOwn(int version) {
        Plan plan = plan(PARALLEL, version);
        PlanAnalysis analysis = analysis(plan);
        PlanNode gather = first(plan, "Gather");
        PlanNode partial = gather.children().get(0);
        double processes = partial.actuals().loops();

        double expected = gather.actuals().totalMillis()
                - partial.actuals().totalMillis() * partial.actuals().loops() / processes;
        assertThat(analysis.of(gather).selfMillis()).isCloseTo(expected, within(1e-9));
        assertThat(analysis.of(gather).selfMillis()).isPositive();
        assertThat(selfSum(analysis)).isCloseTo(plan.root().actuals().totalMillis(), within(0.01));
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void aCteIsCountedInsideTheScanThatRanItAndAnInitPlanInsideTheNodeThatUsedIt(int version) {
        Plan plan = plan(CTE_AND_INIT_PLANS, version);
        PlanAnalysis analysis = analysis(plan);
        PlanNode ctePlan = plan.nodes().stream()
                .filter(node -> "CTE big".equals(node.subplanName()))
                .findFirst()
                .orElseThrow();
        PlanNode busiestScan = plan.nodes().stream()
                .filter(node -> node.nodeType().equals("CTE Scan"))
                .max(Comparator.comparingDouble(node -> node.actuals().totalMillis()))
                .orElseThrow();
        PlanNode maxAmount = plan.root().children().stream()
                .filter(node -> node.isInitPlan() && node.subplanName().startsWith("InitPlan 3"))
                .findFirst()
                .orElseThrow();
        PlanNode filteredByIt = plan.nodes().stream()
                .filter(node -> node.conditions().filter() != null
                        && node.conditions().filter().startsWith("(amount = "))
                .findFirst()
                .orElseThrow();

        assertThat(analysis.of(busiestScan).selfMillis())
                .isLessThanOrEqualTo(
                        busiestScan.actuals().totalMillis() - ctePlan.actuals().totalMillis() + 1e-9);
        assertThat(analysis.of(filteredByIt).selfMillis())
                .isCloseTo(
                        filteredByIt.actuals().totalMillis()
                                - maxAmount.actuals().totalMillis(),
                        within(1e-9));
        // Every millisecond is counted once: the own times add up to the root's time.
        assertThat(selfSum(analysis)).isCloseTo(plan.root().actuals().totalMillis(), within(0.05));
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void theLargestOwnSharesAreMarkedExpensiveAtMostThreeAndNoneBelowTheThreshold(int version) {
        for (String fixture : List.of(PARALLEL, CTE_AND_INIT_PLANS)) {
            PlanAnalysis analysis = analysis(plan(fixture, version));
            List<NodeAnalysis> byShare = analysis.nodes().stream()
                    .sorted(Comparator.comparingDouble(NodeAnalysis::share).reversed())
                    .toList();
            List<NodeAnalysis> expensive = analysis.nodes().stream()
                    .filter(node -> node.has(MarkKind.EXPENSIVE))
                    .toList();

            assertThat(byShare.get(0).has(MarkKind.EXPENSIVE)).as(fixture).isTrue();
            assertThat(expensive).hasSizeBetween(1, PlanAnalyzer.MAX_EXPENSIVE);
            assertThat(expensive).allSatisfy(node -> assertThat(node.share()).isGreaterThanOrEqualTo(0.2));
            double smallestMarked =
                    expensive.stream().mapToDouble(NodeAnalysis::share).min().orElseThrow();
            assertThat(analysis.nodes())
                    .filteredOn(node -> !node.has(MarkKind.EXPENSIVE))
                    .allSatisfy(node -> assertThat(node.share()).isLessThanOrEqualTo(smallestMarked));
            assertThat(analysis.nodes().stream()
                            .mapToDouble(NodeAnalysis::share)
                            .sum())
                    .isLessThanOrEqualTo(1.01);
        }
    }

    @Test
    void aMeasuredSeqScanThatDiscardsMostRowsSuggestsAnIndexOnTheFilteredColumn() {
        Plan plan = PlanParser.parse(seqScan(
                "\"Actual Startup Time\": 0.01, \"Actual Total Time\": 9.5, \"Actual Rows\": 12, \"Actual Loops\": 1,"
                        + " \"Rows Removed by Filter\": 49988,",
                "(customer_id = 42)",
                10));

        PlanAnalysis analysis = PlanAnalyzer.analyze(plan, Map.of());

        assertThat(analysis.of(plan.root()).marks())
                .extracting(PlanMark::kind, PlanMark::message)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        MarkKind.LARGE_SEQ_SCAN,
                        "Seq Scan on orders reads 50,000 rows to keep 12: an index on (customer_id) may help"));
    }

    @Test
    void withoutAnalyzeTheCatalogSizeTellsThatTheTableIsLarge() {
        Plan plan = PlanParser.parse(seqScan("", "((o.customer_id = 42) AND ((status)::text = 'x = 1'::text))", 12));

        PlanAnalysis unknown = PlanAnalyzer.analyze(plan, Map.of());
        PlanAnalysis known =
                PlanAnalyzer.analyze(plan, Map.of("orders", new RelationSize("public", "orders", 50_000, 400)));

        assertThat(unknown.of(plan.root()).has(MarkKind.LARGE_SEQ_SCAN)).isFalse();
        assertThat(known.of(plan.root()).marks())
                .filteredOn(mark -> mark.kind() == MarkKind.LARGE_SEQ_SCAN)
                .singleElement()
                .extracting(PlanMark::message)
                .isEqualTo("Seq Scan on orders o reads about 50,000 rows to keep about 12 (estimated):"
                        + " an index on (customer_id, status) may help");
    }

    @Test
    void aSmallTableOrAFilterThatKeepsMostRowsIsNotSentToAnIndex() {
        Plan small = PlanParser.parse(seqScan("", "(customer_id = 42)", 12));
        Plan unselective = PlanParser.parse(seqScan(
                "\"Actual Startup Time\": 0.01, \"Actual Total Time\": 9.5, \"Actual Rows\": 40000, \"Actual Loops\": 1,"
                        + " \"Rows Removed by Filter\": 10000,",
                "(amount > 0)",
                40000));

        assertThat(PlanAnalyzer.analyze(small, Map.of("orders", new RelationSize("public", "orders", 900, 8)))
                        .marked())
                .noneMatch(node -> node.has(MarkKind.LARGE_SEQ_SCAN));
        assertThat(PlanAnalyzer.analyze(unselective, Map.of())
                        .of(unselective.root())
                        .marks())
                .filteredOn(mark -> mark.kind() == MarkKind.LARGE_SEQ_SCAN)
                .singleElement()
                .extracting(PlanMark::message)
                .asString()
                .contains("reads 50,000 rows and keeps 40,000")
                .contains("an index would not save much");
    }

    @Test
    void aRowEstimateOffByMoreThanTenfoldIsMarkedWithItsDirection() {
        Plan plan = PlanParser.parse(seqScan(
                "\"Actual Startup Time\": 0.01, \"Actual Total Time\": 9.5, \"Actual Rows\": 5000, \"Actual Loops\": 1,"
                        + " \"Rows Removed by Filter\": 100,",
                "(customer_id = 42)",
                10));

        NodeAnalysis scan = PlanAnalyzer.analyze(plan, Map.of()).of(plan.root());

        assertThat(scan.rowsRatio()).isEqualTo(500);
        assertThat(scan.misestimateFactor()).isEqualTo(500);
        assertThat(scan.marks())
                .filteredOn(mark -> mark.kind() == MarkKind.MISESTIMATE)
                .singleElement()
                .extracting(PlanMark::message)
                .asString()
                .startsWith("Seq Scan on orders: estimated 10 rows, got 5,000 (500× more)")
                .contains("ANALYZE orders");
    }

    @Test
    void fewerRowsThanEstimatedBelowALimitAreNoMisestimate() {
        Plan plan = PlanParser.parse("""
                [{"Plan": {"Node Type": "Limit", "Startup Cost": 0, "Total Cost": 1, "Plan Rows": 5, "Plan Width": 8,
                  "Actual Startup Time": 0.1, "Actual Total Time": 0.2, "Actual Rows": 5, "Actual Loops": 1,
                  "Plans": [{"Node Type": "Sort", "Parent Relationship": "Outer", "Startup Cost": 0, "Total Cost": 1,
                    "Plan Rows": 5000, "Plan Width": 8, "Actual Startup Time": 0.1, "Actual Total Time": 0.2,
                    "Actual Rows": 5, "Actual Loops": 1}]}}]
                """);

        NodeAnalysis sort =
                PlanAnalyzer.analyze(plan, Map.of()).of(plan.root().children().get(0));

        assertThat(sort.misestimateFactor()).isEqualTo(1000);
        assertThat(sort.has(MarkKind.MISESTIMATE)).isFalse();
    }

    @Test
    void withoutAnalyzeTheCostDecidesWhatIsExpensive() {
        Plan plan = PlanParser.parse("""
                [{"Plan": {"Node Type": "Aggregate", "Strategy": "Plain", "Startup Cost": 1900, "Total Cost": 1900.01,
                  "Plan Rows": 1, "Plan Width": 8,
                  "Plans": [{"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "orders",
                    "Alias": "orders", "Startup Cost": 0, "Total Cost": 1650, "Plan Rows": 100000, "Plan Width": 0}]}}]
                """);

        PlanAnalysis analysis = PlanAnalyzer.analyze(plan, Map.of());
        PlanNode scan = plan.root().children().get(0);

        assertThat(analysis.byTime()).isFalse();
        assertThat(analysis.of(scan).selfMillis()).isNull();
        assertThat(analysis.of(scan).selfCost()).isEqualTo(1650);
        assertThat(analysis.of(scan).share()).isCloseTo(1650 / 1900.01, within(1e-9));
        assertThat(analysis.of(scan).marks())
                .extracting(PlanMark::message)
                .contains("Seq Scan on orders carries 87% of the estimated cost");
        assertThat(analysis.of(plan.root()).selfCost()).isCloseTo(250.01, within(1e-9));
    }

    @Test
    void aSortThatWentToDiskIsPointedOut() {
        Plan plan = PlanParser.parse("""
                [{"Plan": {"Node Type": "Sort", "Startup Cost": 1, "Total Cost": 2, "Plan Rows": 1, "Plan Width": 8,
                  "Actual Startup Time": 1, "Actual Total Time": 2, "Actual Rows": 1, "Actual Loops": 1,
                  "Sort Key": ["amount"], "Sort Method": "external merge", "Sort Space Used": 2048,
                  "Sort Space Type": "Disk"}}]
                """);

        assertThat(PlanAnalyzer.analyze(plan, Map.of()).of(plan.root()).marks())
                .extracting(PlanMark::kind, PlanMark::message)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        MarkKind.DISK_SPILL,
                        "Sort spilled 2048 kB to disk: a larger work_mem would let it sort in memory"));
    }

    @Test
    void comparedColumnsComeFromTheFilterNotFromItsLiterals() {
        assertThat(PlanAnalyzer.comparedColumns("((o.customer_id = 42) AND ((status)::text = 'a = b'::text))"))
                .containsExactly("customer_id", "status");
        assertThat(PlanAnalyzer.comparedColumns("(lower(name) ~~ 'x%'::text)")).isEmpty();
        assertThat(PlanAnalyzer.comparedColumns("((\"Created\" >= '2024-01-01'::date) AND (id <> 3))"))
                .containsExactly("Created", "id");
    }

    /** A plan that is one Seq Scan on orders; {@code analyze} holds the ANALYZE fields, ending in a comma. */
    private static String seqScan(String analyze, String filter, double planRows) {
        String alias = filter.contains("o.") ? "o" : "orders";
        return "[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Relation Name\": \"orders\", \"Alias\": \"" + alias + "\","
                + " \"Startup Cost\": 0, \"Total Cost\": 1834, \"Plan Rows\": " + planRows + ", \"Plan Width\": 40, "
                + analyze + " \"Filter\": \"" + filter.replace("\"", "\\\"") + "\"}}]";
    }
}
