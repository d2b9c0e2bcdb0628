package dev.pgdesk.ui.theme;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first reaches their control. Each {@link Tooltip} is a popup window of its own,
 * and making a dozen of them up front for a toolbar nobody has pointed at yet slows the first frame.
 */
public final class Tooltips {
    private Tooltips() {}

    /** Gives {@code control} a tooltip of {@code text}, made on the first mouse entry. */
    public static void installLazily(Control control, String text) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text));
                }
            }
        });
    }
}
