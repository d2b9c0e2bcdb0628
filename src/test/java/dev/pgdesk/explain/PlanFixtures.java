package dev.pgdesk.explain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output saved from the test servers (PostgreSQL 13 and 18), for
 * tests of parsing and analysis that need plan shapes a small test table does not produce on demand.
 */
final class PlanFixtures {
    /** A parallel hash aggregate over 200,000 rows: Finalize Aggregate, Gather (2 workers), Partial Aggregate, Parallel Seq Scan. */
    static final String PARALLEL = "parallel";
    /** A materialised CTE read by two CTE Scans, an init plan over it and one used in a scan's filter. */
    static final String CTE_AND_INIT_PLANS = "cte-initplan";

    private PlanFixtures() {}

    static String json(String name, int majorVersion) {
        String resource = name + "-pg" + majorVersion + ".json";
        try (InputStream in = PlanFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Plan plan(String name, int majorVersion) {
        return PlanParser.parse(json(name, majorVersion));
    }

    static PlanAnalysis analysis(Plan plan) {
        return PlanAnalyzer.analyze(plan, Map.of());
    }

    static PlanNode first(Plan plan, String nodeType) {
        return plan.nodes().stream()
                .filter(node -> node.nodeType().equals(nodeType))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + nodeType + " in the plan"));
    }
}
