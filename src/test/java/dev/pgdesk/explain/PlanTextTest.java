package dev.pgdesk.explain;

import static dev.pgdesk.explain.PlanFixtures.CTE_AND_INIT_PLANS;
import static dev.pgdesk.explain.PlanFixtures.PARALLEL;
import static dev.pgdesk.explain.PlanFixtures.analysis;
import static dev.pgdesk.explain.PlanFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text tree of {@code pgdesk explain}. */
class PlanTextTest {

    @Test
    void childrenHangUnderArrowsWithTheirDetailsIndentedBelowThem() {
        Plan plan = plan(PARALLEL, 18);

        List<String> lines = PlanText.render(plan, analysis(plan)).lines().toList();

        assertThat(lines.get(0)).startsWith("EXPLAIN ANALYZE  (planning ").contains(", execution ");
        assertThat(lines.get(1)).startsWith("Finalize HashAggregate  cost=");
        assertThat(lines).contains("  Group Key: customer_id");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  ->  Gather  cost="));
        assertThat(lines).contains("        Workers: planned 2, launched 2");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("              ->  Parallel Seq Scan on dump_orders  cost=")
                        .contains("rows est=")
                        .contains(" actual=59,106.33  loops=3  time="));
        assertThat(lines).contains("                    Filter: (amount > '10'::numeric)");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(" *Buffers: shared hit=\\d+.*"));
        assertThat(lines)
                .filteredOn(line -> line.strip().startsWith("! "))
                .anySatisfy(line -> assertThat(line).contains("of the execution time"));
    }

    @Test
    void initPlansAndCtesAreNamedAboveTheirSubtree() {
        Plan plan = plan(CTE_AND_INIT_PLANS, 13);

        List<String> lines = PlanText.render(plan, analysis(plan)).lines().toList();

        int cte = lines.indexOf("  CTE big");
        assertThat(cte).isPositive();
        assertThat(lines.get(cte + 1)).startsWith("  ->  HashAggregate  cost=");
        assertThat(lines).contains("  InitPlan 3 (returns $2)");
    }

    @Test
    void aPlainExplainShowsEstimatesAndTheOwnCostShare() {
        Plan plan = PlanParser.parse("""
                [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "orders", "Alias": "orders",
                  "Startup Cost": 0, "Total Cost": 1834, "Plan Rows": 12, "Plan Width": 40,
                  "Filter": "(customer_id = 42)"}}]
                """);
        PlanAnalysis analysis =
                PlanAnalyzer.analyze(plan, Map.of("orders", new RelationSize("public", "orders", 100_000, 834)));

        String text = PlanText.render(plan, analysis);

        assertThat(text).isEqualTo("""
                        EXPLAIN  (estimates only, the statement did not run)
                        Seq Scan on orders  cost=0.00..1834.00  width=40  rows=12  self cost=1834.00 (100%)
                          Filter: (customer_id = 42)
                          ! Seq Scan on orders carries 100% of the estimated cost
                          ! Seq Scan on orders reads about 100,000 rows to keep about 12 (estimated): an index on (customer_id) may help
                        """);
    }

    @Test
    void aNodeThatNeverRanSaysSo() {
        Plan plan = PlanParser.parse("""
                [{"Plan": {"Node Type": "Nested Loop", "Join Type": "Inner", "Startup Cost": 0, "Total Cost": 2,
                  "Plan Rows": 1, "Plan Width": 8, "Actual Startup Time": 0.01, "Actual Total Time": 0.01,
                  "Actual Rows": 0, "Actual Loops": 1,
                  "Plans": [{"Node Type": "Result", "Parent Relationship": "Outer", "Startup Cost": 0, "Total Cost": 1,
                    "Plan Rows": 1, "Plan Width": 4, "Actual Startup Time": 0.01, "Actual Total Time": 0.01,
                    "Actual Rows": 0, "Actual Loops": 1},
                    {"Node Type": "Result", "Parent Relationship": "Inner", "Startup Cost": 0, "Total Cost": 1,
                    "Plan Rows": 1, "Plan Width": 4, "Actual Startup Time": 0, "Actual Total Time": 0,
                    "Actual Rows": 0, "Actual Loops": 0}]}, "Planning Time": 0.1, "Execution Time": 0.05}]
                """);

        String text = PlanText.render(plan, analysis(plan));

        assertThat(text.lines().toList().get(3))
                .isEqualTo("  ->  Result  cost=0.00..1.00  width=4  rows est=1  (never executed)");
    }
}
