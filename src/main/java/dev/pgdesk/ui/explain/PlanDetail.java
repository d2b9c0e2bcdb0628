package dev.pgdesk.ui.explain;

/**
 * One line of the details pane of a plan node: a label and its value, e.g. {@code Filter} and {@code (val =
 * 7)}.
 *
 * @param warning whether the line is one of the node's marks, shown so it stands out
 */
public record PlanDetail(String label, String value, boolean warning) {
    static PlanDetail of(String label, String value) {
        return new PlanDetail(label, value, false);
    }
}
