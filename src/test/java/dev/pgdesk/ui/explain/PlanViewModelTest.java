package dev.pgdesk.ui.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgdesk.explain.ExplainMode;
import dev.pgdesk.explain.ExplainOutcome;
import dev.pgdesk.explain.ExplainedPlan;
import dev.pgdesk.explain.MarkKind;
import dev.pgdesk.explain.NodeAnalysis;
import dev.pgdesk.explain.Plan;
import dev.pgdesk.explain.PlanAnalysis;
import dev.pgdesk.explain.PlanAnalyzer;
import dev.pgdesk.explain.PlanMark;
import dev.pgdesk.explain.PlanParser;
import dev.pgdesk.explain.PlanText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plan tab's view-model on plans saved from PostgreSQL 13 and 18, without any controls. */
class PlanViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void theNodeWithTheLargestOwnShareIsSelectedAndItsDetailsShown(int version) throws IOException {
        for (String fixture : List.of("parallel", "cte-initplan")) {
            ExplainedPlan explained = explained(json(fixture, version), ExplainMode.ANALYZE);
            PlanViewModel model = new PlanViewModel(explained);

            NodeAnalysis largest = explained.analysis().nodes().stream()
                    .max(Comparator.comparingDouble(NodeAnalysis::share))
                    .orElseThrow();
            PlanRow selected = model.selectedProperty().get();
            assertThat(selected.node().id()).isEqualTo(largest.nodeId());
            assertThat(selected.expensive()).isTrue();
            assertThat(model.details().get(0)).isEqualTo(PlanDetail.of("Node", selected.title()));
            assertThat(model.details())
                    .filteredOn(PlanDetail::warning)
                    .extracting(PlanDetail::value)
                    .containsExactlyElementsOf(
                            largest.marks().stream().map(PlanMark::message).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void ownTimesShowTheirShareOfTheExecutionTimeAsAPercentage(int version) throws IOException {
        ExplainedPlan explained = explained(json("parallel", version), ExplainMode.ANALYZE);
        PlanViewModel model = new PlanViewModel(explained);

        assertThat(model.rows()).hasSize(explained.plan().nodes().size());
        for (PlanRow row : model.rows()) {
            NodeAnalysis analysis = explained.analysis().of(row.node());
            assertThat(row.share()).isEqualTo(analysis.share());
            assertThat(row.ownText()).endsWith(" ms · " + String.format(Locale.ROOT, "%.0f%%", analysis.share() * 100));
        }
        double total = model.rows().stream().mapToDouble(PlanRow::share).sum();
        assertThat(total).isBetween(0.99, 1.01);
        assertThat(model.tabTitle()).isEqualTo("Plan (analyze)");
        assertThat(model.summary())
                .contains(String.format(
                        Locale.ROOT, "Execution %.3f ms", explained.plan().executionMillis()));
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void withoutAnalyzeTheSharesAreOfTheEstimatedCostAndTheSummarySaysNothingRan(int version) throws IOException {
        JsonNode json = json("parallel", version);
        // A plain EXPLAIN reports no actual figures: the saved plan without them is one.
        each(json.get(0).get("Plan"), node -> {
            Iterator<String> names = node.fieldNames();
            List<String> measured = new ArrayList<>();
            names.forEachRemaining(name -> {
                if (name.startsWith("Actual ") || name.endsWith(" Blocks") || name.startsWith("Workers Launched")) {
                    measured.add(name);
                }
            });
            node.remove(measured);
        });
        ((ObjectNode) json.get(0)).remove(List.of("Execution Time", "Planning", "Triggers"));
        ExplainedPlan explained = explained(json, ExplainMode.PLAN);
        PlanViewModel model = new PlanViewModel(explained);

        assertThat(model.analyzed()).isFalse();
        assertThat(model.tabTitle()).isEqualTo("Plan");
        assertThat(model.summary()).contains("Estimates only: the statement did not run");
        for (PlanRow row : model.rows()) {
            NodeAnalysis analysis = explained.analysis().of(row.node());
            assertThat(row.ownText())
                    .isEqualTo("cost " + String.format(Locale.ROOT, "%,.1f", analysis.selfCost()) + " · "
                            + String.format(Locale.ROOT, "%.0f%%", analysis.share() * 100));
            assertThat(row.loopsText()).isEmpty();
            assertThat(row.misestimateText()).isEmpty();
        }
        double rootCost = explained.plan().root().estimate().totalCost();
        PlanRow expensive = model.mostExpensive();
        assertThat(expensive.share())
                .isEqualTo(explained.analysis().of(expensive.node()).selfCost() / rootCost);
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void aRowEstimateFarOffIsHighlightedWithItsFactorAndDirection(int version) throws IOException {
        JsonNode json = json("cte-initplan", version);
        ObjectNode root = (ObjectNode) json.get(0).get("Plan");
        double actual = root.get("Actual Rows").asDouble();
        // The planner expected one row where the join returned many.
        root.put("Plan Rows", 1);
        ExplainedPlan explained = explained(json, ExplainMode.ANALYZE);
        PlanRow row = new PlanViewModel(explained).root();

        String factor = "×" + String.format(Locale.ROOT, "%,.0f", actual) + " more";
        assertThat(row.analysis().has(MarkKind.MISESTIMATE)).isTrue();
        assertThat(row.misestimated()).isTrue();
        assertThat(row.misestimateText()).isEqualTo(factor);
        assertThat(row.rowsText()).isEqualTo("1 → " + String.format(Locale.ROOT, "%,.0f", actual));
        assertThat(row.marksText()).startsWith("⚠ ").contains("Estimate " + factor);
        String message = row.analysis().marks().stream()
                .filter(mark -> mark.kind() == MarkKind.MISESTIMATE)
                .findFirst()
                .orElseThrow()
                .message();
        assertThat(row.marksTooltip()).contains(message);
        assertThat(PlanViewModel.details(row)).contains(new PlanDetail("⚠ Misestimate", message, true));
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void aLargeSequentialScanShowsItsHintInTheMarksColumn(int version) throws IOException {
        ExplainedPlan explained = explained(json("cte-initplan", version), ExplainMode.ANALYZE);
        PlanViewModel model = new PlanViewModel(explained);

        List<PlanRow> scans = model.rows().stream()
                .filter(row -> row.analysis().has(MarkKind.LARGE_SEQ_SCAN))
                .toList();
        assertThat(scans).isNotEmpty();
        for (PlanRow scan : scans) {
            String message = scan.analysis().marks().stream()
                    .filter(mark -> mark.kind() == MarkKind.LARGE_SEQ_SCAN)
                    .findFirst()
                    .orElseThrow()
                    .message();
            String withoutTitle = message.substring(scan.node().title().length());
            assertThat(scan.marksText()).contains("Seq scan" + withoutTitle);
            assertThat(scan.warned()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 18})
    void copyingGivesPostgresqlsJsonAsReturnedAndTheTextRendering(int version) throws IOException {
        String raw = text("parallel", version);
        Plan plan = PlanParser.parse(raw);
        PlanAnalysis analysis = PlanAnalyzer.analyze(plan, Map.of());
        ExplainedPlan explained = new ExplainedPlan(
                "UPDATE t SET x = 1",
                ExplainMode.ANALYZE,
                plan,
                analysis,
                raw,
                true,
                "UPDATE",
                List.of(),
                Duration.ZERO);
        PlanViewModel model = new PlanViewModel(explained);

        assertThat(model.json()).isEqualTo(raw);
        assertThat(model.text()).isEqualTo(PlanText.render(explained));
        assertThat(model.rollbackMessage()).contains(ExplainOutcome.rollbackMessage("UPDATE"));
    }

    private static ExplainedPlan explained(JsonNode json, ExplainMode mode) throws IOException {
        String text = JSON.writeValueAsString(json);
        Plan plan = PlanParser.parse(text);
        return new ExplainedPlan(
                "SELECT 1",
                mode,
                plan,
                PlanAnalyzer.analyze(plan, Map.of()),
                text,
                false,
                null,
                List.of(),
                Duration.ZERO);
    }

    private static void each(JsonNode node, Consumer<ObjectNode> visitor) {
        visitor.accept((ObjectNode) node);
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> each(child, visitor));
        }
    }

    private static JsonNode json(String name, int version) throws IOException {
        return JSON.readTree(text(name, version));
    }

    private static String text(String name, int version) throws IOException {
        String resource = "/dev/pgdesk/explain/" + name + "-pg" + version + ".json";
        try (InputStream in = PlanViewModelTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
