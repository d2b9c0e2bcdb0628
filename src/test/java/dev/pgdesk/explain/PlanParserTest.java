package dev.pgdesk.explain;

import static dev.pgdesk.explain.PlanFixtures.CTE_AND_INIT_PLANS;
import static dev.pgdesk.explain.PlanFixtures.PARALLEL;
import static dev.pgdesk.explain.PlanFixtures.first;
import static dev.pgdesk.explain.PlanFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing saved EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output of both supported ends of the version range. */
class PlanParserTest {

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void aParallelPlanKeepsItsGatherWorkersAndParallelScan(int version) {
        Plan plan = plan(PARALLEL, version);

        assertThat(plan.nodes())
                .extracting(PlanNode::nodeType)
                .containsExactly("Aggregate", "Gather", "Aggregate", "Seq Scan");
        PlanNode gather = first(plan, "Gather");
        assertThat(gather.workersPlanned()).isEqualTo(2);
        assertThat(gather.workersLaunched()).isEqualTo(2);
        PlanNode scan = first(plan, "Seq Scan");
        assertThat(scan.parallelAware()).isTrue();
        assertThat(scan.title()).isEqualTo("Parallel Seq Scan on dump_orders");
        assertThat(scan.actuals().loops()).isEqualTo(3);
        assertThat(scan.conditions().filter()).isEqualTo("(amount > '10'::numeric)");
        assertThat(scan.conditions().rowsRemovedByFilter()).isPositive();
        assertThat(plan.root().title()).isEqualTo("Finalize HashAggregate");
        assertThat(plan.nodes().get(2).title()).isEqualTo("Partial HashAggregate");
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void analyzeFiguresBuffersAndStatementTimesAreRead(int version) {
        Plan plan = plan(PARALLEL, version);

        assertThat(plan.analyzed()).isTrue();
        assertThat(plan.planningMillis()).isPositive();
        assertThat(plan.executionMillis())
                .isGreaterThanOrEqualTo(plan.root().actuals().totalMillis());
        assertThat(plan.triggers()).isEmpty();
        assertThat(plan.nodes()).allSatisfy(node -> {
            assertThat(node.actuals()).isNotNull();
            assertThat(node.buffers()).isNotNull();
            assertThat(node.estimate().totalCost())
                    .isGreaterThanOrEqualTo(node.estimate().startupCost());
        });
        assertThat(plan.root().buffers().sharedHit() + plan.root().buffers().sharedRead())
                .isPositive();
        assertThat(plan.root().details()).containsKey("Group Key").doesNotContainKey("Node Type");
    }

    @Test
    void postgres18FractionalRowsStayFractional() {
        PlanNode scan = first(plan(PARALLEL, 18), "Seq Scan");

        assertThat(scan.actuals().rows()).isNotEqualTo(Math.rint(scan.actuals().rows()));
        assertThat(scan.actuals().allLoopsRows()).isEqualTo(scan.actuals().rows() * 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void cteAndInitPlansAreChildrenWithTheirSubplanNames(int version) {
        Plan plan = plan(CTE_AND_INIT_PLANS, version);

        assertThat(plan.root().children())
                .filteredOn(PlanNode::isInitPlan)
                .extracting(PlanNode::subplanName)
                .hasSize(3)
                .first()
                .isEqualTo("CTE big");
        assertThat(plan.nodes())
                .filteredOn(node -> node.nodeType().equals("CTE Scan"))
                .extracting(PlanNode::cteName, PlanNode::title)
                .allSatisfy(t -> assertThat(t.toList()).first().isEqualTo("big"))
                .hasSize(2);
        assertThat(plan.nodes())
                .extracting(PlanNode::id)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, plan.nodes().size())
                                .boxed()
                                .toList());
    }

    @Test
    void aPlainExplainHasEstimatesOnly() {
        Plan plan = PlanParser.parse("""
                [{"Plan": {"Node Type": "Index Scan", "Parallel Aware": false, "Scan Direction": "Forward",
                  "Index Name": "orders_pkey", "Relation Name": "orders", "Alias": "o",
                  "Startup Cost": 0.29, "Total Cost": 8.31, "Plan Rows": 1, "Plan Width": 40,
                  "Index Cond": "(id = 42)"}}]
                """);

        assertThat(plan.analyzed()).isFalse();
        assertThat(plan.executionMillis()).isNull();
        assertThat(plan.root().actuals()).isNull();
        assertThat(plan.root().buffers()).isNull();
        assertThat(plan.root().title()).isEqualTo("Index Scan using orders_pkey on orders o");
        assertThat(plan.root().conditions().indexCond()).isEqualTo("(id = 42)");
        assertThat(plan.root().details()).containsEntry("Scan Direction", "Forward");
    }

    @Test
    void joinTypesAndModifyTableReadAsPostgresNamesThem() {
        Plan plan = PlanParser.parse("""
                [{"Plan": {"Node Type": "ModifyTable", "Operation": "Update", "Relation Name": "accounts",
                  "Alias": "accounts", "Startup Cost": 0, "Total Cost": 10, "Plan Rows": 0, "Plan Width": 0,
                  "Plans": [{"Node Type": "Hash Join", "Join Type": "Left", "Parent Relationship": "Outer",
                    "Startup Cost": 0, "Total Cost": 9, "Plan Rows": 5, "Plan Width": 4,
                    "Plans": [{"Node Type": "Nested Loop", "Join Type": "Semi", "Parent Relationship": "Outer",
                      "Startup Cost": 0, "Total Cost": 3, "Plan Rows": 5, "Plan Width": 4}]}]}}]
                """);

        assertThat(plan.nodes())
                .extracting(PlanNode::title)
                .containsExactly("Update on accounts", "Hash Left Join", "Nested Loop Semi Join");
    }

    @Test
    void outputThatIsNotAJsonPlanIsRefusedWithWhatWasWrong() {
        assertThatThrownBy(() -> PlanParser.parse("Seq Scan on orders  (cost=0.00..1.00 rows=1 width=4)"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> PlanParser.parse("[{\"Query Text\": \"SELECT 1\"}]"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessageContaining("no \"Plan\"")
                .hasMessageContaining("FORMAT JSON");
    }
}
